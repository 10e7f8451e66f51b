#!/usr/bin/env node
import 'reflect-metadata';
export declare function runCli(argv: string[], env: NodeJS.ProcessEnv): Promise<number>;
