export declare class Batcher<T> {
    private readonly write;
    private readonly maxBatch;
    private queue;
    private flushing;
    constructor(write: (items: T[]) => Promise<void>, maxBatch?: number);
    add(item: T): Promise<void>;
    private flush;
}
