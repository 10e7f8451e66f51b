export declare class AssuranceModule {
}
export declare class AssuranceRoutesModule {
}
