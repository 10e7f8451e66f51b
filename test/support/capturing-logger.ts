import type { LoggerService } from '@nestjs/common';
import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = { 10: 'verbose', 20: 'debug', 30: 'log', 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * Keeps every log line as "level message context …" for privacy assertions.
 * It is both a Nest LoggerService (for bootstrap lines) and the destination of
 * the app's pino logs (every line after bootstrap, HTTP request lines included),
 * whose raw JSON it also keeps.
 */
export class CapturingLogger extends Writable implements LoggerService {
  readonly lines: string[] = [];
  readonly raw: string[] = [];

  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(text);
      const entry = JSON.parse(text) as { level: number; msg?: string; context?: string; err?: { stack?: string } };
      this.lines.push([LEVELS[entry.level] ?? entry.level, entry.msg ?? '', entry.context ?? '', entry.err?.stack ?? ''].join(' ').trim());
    }
    done();
  }

  private push(level: string, message: unknown, rest: unknown[]): void {
    this.lines.push([level, format(message), ...rest.map(format)].join(' '));
  }

  log(message: unknown, ...rest: unknown[]) {
    this.push('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.push('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.push('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.push('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.push('verbose', message, rest);
  }
}

function format(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.message} ${value.stack ?? ''}`;
  return JSON.stringify(value);
}
