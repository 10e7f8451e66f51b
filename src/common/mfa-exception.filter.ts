import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isDatabaseUnavailable } from './db-errors';
import { MfaError, MfaErrorCode } from './mfa-error';

/** Seconds a client is asked to wait when a dependency (the database) is unreachable. */
const UNAVAILABLE_RETRY_AFTER = 5;

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [extra: string]: unknown;
}

/** Status codes that Nest or the HTTP adapter (Express, Fastify) raise by themselves, mapped to our codes. */
const HTTP_CODES: Record<number, MfaErrorCode | 'NOT_FOUND' | 'METHOD_NOT_ALLOWED'> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

/**
 * Every error leaves in the documented shape `{ statusCode, code, message, ... }`.
 * Anything that is not ours and not an HTTP error is a 500 whose message
 * reveals nothing; the log line names its type only (it could carry input).
 * It answers through the HTTP adapter, so it works under Express and Fastify.
 */
@Catch()
export class MfaExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('MfaExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const res: unknown = host.switchToHttp().getResponse();
    const body = this.toBody(exception);
    const retryAfter = body.retryAfterSeconds;
    if (typeof retryAfter === 'number') httpAdapter.setHeader(res, 'Retry-After', String(retryAfter));
    httpAdapter.reply(res, body, body.statusCode);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof MfaError) {
      return {
        statusCode: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        ...exception.details,
      };
    }
    const status = httpStatusOf(exception);
    if (status !== undefined && status < 500) {
      return {
        statusCode: status,
        code: HTTP_CODES[status] ?? 'VALIDATION_FAILED',
        message: clientMessage(exception, status),
      };
    }
    if (status === 503) {
      // Health checks answer 503 with their details (which dependency is down): keep them.
      const response = exception instanceof HttpException ? exception.getResponse() : undefined;
      const details = typeof response === 'object' && response !== null ? response : {};
      return {
        ...details,
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: clientMessage(exception, 503),
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      return {
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is briefly unavailable: try again shortly.',
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER,
      };
    }
    this.logger.error(
      `Unhandled ${exception instanceof Error ? exception.name : typeof exception}`,
      exception instanceof Error ? exception.stack : undefined,
    );
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal error.' };
  }
}

/** HttpException, or the adapter's own errors: body-parser's carry `status`, Fastify's `statusCode`. */
function httpStatusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const error = exception as { status?: unknown; statusCode?: unknown } | null;
  const status = error?.status ?? error?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

function clientMessage(exception: unknown, status: number): string {
  // What the adapter raised by itself is never echoed: a path, or a body that may hold a number or a code.
  const cause = exception instanceof HttpException && exception.cause ? exception.cause : exception;
  const { type, code } = (cause ?? {}) as { type?: unknown; code?: unknown };
  if (cause instanceof URIError) return 'The request path is not valid.';
  if (type === 'entity.parse.failed' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (cause instanceof SyntaxError && status === 400))
    return 'The request body is not valid JSON.';
  if (type === 'entity.too.large' || status === 413) return 'The request body is too large.';
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null
        ? (response as { message?: unknown }).message
        : response;
    if (Array.isArray(message)) return message.join('; ');
    // The router's own 404 names the method and path ("Cannot GET /…").
    if (typeof message === 'string') return status === 404 && message.startsWith('Cannot ') ? 'Not found.' : message;
  }
  if (status === 503) return 'The service is unavailable.';
  return status === 404 ? 'Not found.' : 'The request was refused.';
}
