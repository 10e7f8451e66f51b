export declare class FactorsModule {
}
