export declare class BackgroundTasks {
    private readonly running;
    private closing;
    run(work: () => Promise<void>): void;
    settled(): Promise<void>;
    close(): Promise<void>;
}
