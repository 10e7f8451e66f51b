export declare function sqlFile(pathInSrc: string): string;
