// Types of build.mjs, for the tests that import it.
export function buildServer(): Promise<void>;
export function buildWeb(): void;
export function precompress(dir: string): void;
