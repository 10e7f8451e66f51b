export declare function clientKey(ip: string | undefined, v6Prefix: number): string | undefined;
