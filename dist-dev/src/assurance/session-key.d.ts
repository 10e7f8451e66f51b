export declare function sessionKey(sessionId: string | undefined): Buffer | null;
