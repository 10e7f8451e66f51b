import { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
export declare class MfaExceptionFilter implements ExceptionFilter {
    private readonly adapterHost;
    private readonly logger;
    constructor(adapterHost: HttpAdapterHost);
    catch(exception: unknown, host: ArgumentsHost): void;
    private toBody;
}
