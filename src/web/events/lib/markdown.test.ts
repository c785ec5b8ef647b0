import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('rendering descriptions from Markdown', () => {
  it('renders emphasis, lists and web links with rel="noopener noreferrer"', () => {
    const html = renderMarkdown('**Welcome**\n\n- one\n- [site](https://example.org)');
    expect(html).toContain('<strong>Welcome</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">site</a>');
  });

  it('escapes raw HTML instead of rendering it', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps mailto links and refuses javascript:, data: and relative links', () => {
    expect(renderMarkdown('[mail](mailto:a@example.org)')).toContain('href="mailto:a@example.org"');
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/admin',
      'ftp://x',
    ]) {
      expect(renderMarkdown(`[x](${url})`)).not.toContain('<a');
    }
    expect(renderMarkdown('[x](&#106;avascript:alert(1))')).not.toContain('<a');
  });

  it('links bare web addresses but shows no images', () => {
    expect(renderMarkdown('see https://example.org/x')).toContain(
      '<a href="https://example.org/x" rel="noopener noreferrer">',
    );
    expect(renderMarkdown('![pixel](https://tracker.example/p.gif)')).not.toContain('<img');
  });
});
