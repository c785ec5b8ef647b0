// Descriptions are Markdown written by organisers and read by anyone: rendered without raw HTML, with
// links limited to the web and e-mail, and every link told not to hand the event page to the target.
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

type Renderer = ReturnType<typeof MarkdownIt>;

function makeRenderer(): Renderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // Only absolute web and mail links: no javascript:, data:, relative paths or other schemes. A refused
  // link stays as its plain text. markdown-it checks the normalised URL, after entity decoding.
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  // Images would load third-party content (and track readers) on every page view.
  md.disable('image');
  const defaultLinkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]?.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen
      ? defaultLinkOpen(tokens, idx, options, env, self)
      : self.renderToken(tokens, idx, options);
  };
  return md;
}

let renderer: Renderer | undefined;

/** HTML safe to insert into the page: markdown-it escapes all text, and raw HTML is off. */
export function renderMarkdown(source: string): string {
  renderer ??= makeRenderer();
  return renderer.render(source);
}
