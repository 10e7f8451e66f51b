export declare class FraudModule {
}
