import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantTraversal } from './embedded-postgres';

describe('grantTraversal', () => {
  it('adds only the search bit for others to the directories above a target that lack it', () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-traverse-'));
    const inner = path.join(top, 'inner');
    fs.mkdirSync(inner, { mode: 0o700 });
    fs.chmodSync(top, 0o700);
    const target = path.join(inner, 'db');
    const changed = grantTraversal([target]);
    expect(changed).toEqual(expect.arrayContaining([inner, top]));
    expect(fs.statSync(top).mode & 0o777).toBe(0o701);
    expect(fs.statSync(inner).mode & 0o777).toBe(0o701);
    expect(grantTraversal([target])).toEqual([]);
  });
});
