export interface EnvRule<T> {
    parse(raw: string): T | undefined;
    check(value: unknown): value is T;
    allowed: string;
}
export interface SettingField<T, C = unknown> {
    env: string;
    rule: EnvRule<NonNullable<T>>;
    default?: T | ((c: Partial<C>) => T);
    secret?: boolean;
}
export declare function settingKeys<T extends object>(settings: T): (keyof T)[];
export declare function int(min: number, max: number): EnvRule<number>;
export declare function decimal(min: number, max: number): EnvRule<number>;
export declare function bool(): EnvRule<boolean>;
export declare function oneOf<T extends string>(...values: T[]): EnvRule<T>;
export declare function text(pattern?: RegExp, allowed?: string): EnvRule<string>;
export declare function url(protocols: string[]): EnvRule<string>;
export declare function countryList(): EnvRule<string[]>;
export declare function trustProxy(): EnvRule<string | number | boolean>;
export declare function nameList(): EnvRule<string[]>;
export declare function hexKeyList(): EnvRule<string[]>;
export declare function arnList(): EnvRule<string[]>;
export declare function subsetOf<T extends string>(...values: T[]): EnvRule<T[]>;
export declare function regexSource(): EnvRule<string>;
export declare function templateMap(): EnvRule<Record<string, string>>;
export declare function testNumberMap(): EnvRule<Record<string, string>>;
export declare function isoTime(): EnvRule<string>;
