import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('the page to return to after login', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeNext('/admin/users?q=ada')).toBe('/admin/users?q=ada');
  });

  it('goes home instead of to another site or when nothing is given', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/\n/evil.example',
      '',
      null,
    ]) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
