export declare class ChallengesModule {
}
