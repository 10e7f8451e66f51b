export declare class PrivacyModule {
}
export declare class PrivacyRoutesModule {
}
