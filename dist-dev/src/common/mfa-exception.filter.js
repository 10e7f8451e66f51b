"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaExceptionFilter = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const db_errors_1 = require("../database/db-errors");
const mfa_error_1 = require("./mfa-error");
const UNAVAILABLE_RETRY_AFTER = 5;
const HTTP_CODES = {
    400: 'VALIDATION_FAILED',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'VALIDATION_FAILED',
    429: 'RATE_LIMITED',
};
let MfaExceptionFilter = class MfaExceptionFilter {
    adapterHost;
    logger = new common_1.Logger('MfaExceptionFilter');
    constructor(adapterHost) {
        this.adapterHost = adapterHost;
    }
    catch(exception, host) {
        const { httpAdapter } = this.adapterHost;
        const res = host.switchToHttp().getResponse();
        const body = this.toBody(exception);
        const retryAfter = body.retryAfterSeconds;
        if (typeof retryAfter === 'number')
            httpAdapter.setHeader(res, 'Retry-After', String(retryAfter));
        httpAdapter.reply(res, body, body.statusCode);
    }
    toBody(exception) {
        if (exception instanceof mfa_error_1.MfaError) {
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
            const response = exception instanceof common_1.HttpException ? exception.getResponse() : undefined;
            const details = typeof response === 'object' && response !== null ? response : {};
            return {
                ...details,
                statusCode: 503,
                code: 'SERVICE_UNAVAILABLE',
                message: clientMessage(exception, 503),
                retryAfterSeconds: UNAVAILABLE_RETRY_AFTER,
            };
        }
        if ((0, db_errors_1.isDatabaseUnavailable)(exception)) {
            this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
            return {
                statusCode: 503,
                code: 'SERVICE_UNAVAILABLE',
                message: 'The service is briefly unavailable: try again shortly.',
                retryAfterSeconds: UNAVAILABLE_RETRY_AFTER,
            };
        }
        this.logger.error(`Unhandled ${exception instanceof Error ? exception.name : typeof exception}`, exception instanceof Error ? exception.stack : undefined);
        return { statusCode: 500, code: 'INTERNAL', message: 'Internal error.' };
    }
};
exports.MfaExceptionFilter = MfaExceptionFilter;
exports.MfaExceptionFilter = MfaExceptionFilter = __decorate([
    (0, common_1.Catch)(),
    __metadata("design:paramtypes", [core_1.HttpAdapterHost])
], MfaExceptionFilter);
function httpStatusOf(exception) {
    if (exception instanceof common_1.HttpException)
        return exception.getStatus();
    const error = exception;
    const status = error?.status ?? error?.statusCode;
    return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}
function clientMessage(exception, status) {
    const cause = exception instanceof common_1.HttpException && exception.cause ? exception.cause : exception;
    const { type, code } = (cause ?? {});
    if (cause instanceof URIError)
        return 'The request path is not valid.';
    if (type === 'entity.parse.failed' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (cause instanceof SyntaxError && status === 400))
        return 'The request body is not valid JSON.';
    if (type === 'entity.too.large' || status === 413)
        return 'The request body is too large.';
    if (exception instanceof common_1.HttpException) {
        const response = exception.getResponse();
        const message = typeof response === 'object' && response !== null
            ? response.message
            : response;
        if (Array.isArray(message))
            return message.join('; ');
        if (typeof message === 'string')
            return status === 404 && message.startsWith('Cannot ') ? 'Not found.' : message;
    }
    if (status === 503)
        return 'The service is unavailable.';
    return status === 404 ? 'Not found.' : 'The request was refused.';
}
//# sourceMappingURL=mfa-exception.filter.js.map