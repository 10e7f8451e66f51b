import type { LoggerService } from '@nestjs/common';
import { Writable } from 'node:stream';
export declare class CapturingLogger extends Writable implements LoggerService {
    readonly lines: string[];
    readonly raw: string[];
    _write(chunk: Buffer, _encoding: string, done: () => void): void;
    private push;
    log(message: unknown, ...rest: unknown[]): void;
    error(message: unknown, ...rest: unknown[]): void;
    warn(message: unknown, ...rest: unknown[]): void;
    debug(message: unknown, ...rest: unknown[]): void;
    verbose(message: unknown, ...rest: unknown[]): void;
}
