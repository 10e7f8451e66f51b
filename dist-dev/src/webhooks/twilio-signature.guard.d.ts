import { CanActivate, ExecutionContext } from '@nestjs/common';
import { type TwilioConfig } from '../sms/providers/twilio/twilio.config';
export declare class TwilioSignatureGuard implements CanActivate {
    private readonly config;
    private readonly logger;
    constructor(config: TwilioConfig);
    canActivate(context: ExecutionContext): boolean;
}
