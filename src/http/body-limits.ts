/** Bodies larger than this are refused with 413 before any parsing work. */
export const BODY_LIMIT_BYTES = 16 * 1024;
/** The Amazon SNS route alone takes what SNS may post: a message of up to 256 KiB, in its JSON envelope. */
export const SNS_EVENTS_PATH = '/mfa/webhooks/aws/events';
export const SNS_BODY_LIMIT_BYTES = 320 * 1024;
/** A path parameter longer than this is refused (414) under Fastify; Express has no bound of its own. */
export const MAX_PATH_PARAM_CHARS = 1024;
