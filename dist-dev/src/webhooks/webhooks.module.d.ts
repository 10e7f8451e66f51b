export declare class WebhooksModule {
}
