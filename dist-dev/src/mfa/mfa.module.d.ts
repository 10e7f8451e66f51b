export declare class MfaModule {
}
export declare class MfaRoutesModule {
}
