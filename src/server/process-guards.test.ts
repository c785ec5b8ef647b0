import { afterEach, describe, expect, it } from 'vitest';
import { installProcessGuards } from './process-guards';

describe('process guards', () => {
  let remove: (() => void) | undefined;
  afterEach(() => remove?.());

  it('logs an unhandled rejection instead of letting it end the process', async () => {
    const lines: Array<{ obj: object; msg: string }> = [];
    remove = installProcessGuards({ error: (obj, msg) => lines.push({ obj, msg }) });
    const failing = Promise.reject(new Error('Lone \ud800 x'));
    // No .catch(): Node reports it as unhandled after the microtask queue drains.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.msg).toMatch(/unhandled promise rejection/);
    expect(JSON.stringify(lines[0]?.obj)).toContain('Lone \ufffd x');
    await failing.catch(() => undefined);
  });
});
