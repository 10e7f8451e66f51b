export declare class MfaDbModule {
}
