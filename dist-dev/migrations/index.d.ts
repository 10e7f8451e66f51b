import { CreateSmsCore1732550400000 } from './1732550400000-CreateSmsCore';
export declare const MIGRATIONS: (typeof CreateSmsCore1732550400000)[];
