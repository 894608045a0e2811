// Types of serverNodeOptions.mjs for the TypeScript that imports it (bench/proc.ts, its test).
export declare const SERVER_NODE_OPTIONS: readonly string[];
