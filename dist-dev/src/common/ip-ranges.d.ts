export declare function coversPublicAddresses(entry: string): boolean;
export declare function isLoopbackHost(hostname: string): boolean;
