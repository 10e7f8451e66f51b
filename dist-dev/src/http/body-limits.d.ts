export declare const BODY_LIMIT_BYTES: number;
export declare const SNS_EVENTS_PATH = "/mfa/webhooks/aws/events";
export declare const SNS_BODY_LIMIT_BYTES: number;
export declare const MAX_PATH_PARAM_CHARS = 1024;
