/**
 * Where to go after logging in: only paths of this site, since `next=//evil.example`, `next=/\evil.example`
 * or `next=https://…` would send the person elsewhere with a page that looks like ours.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Browsers drop tabs and newlines from URLs ("/\t/evil.example" is "//evil.example"): no control
  // characters, and the path as the browser resolves it must stay on this site.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  const base = 'https://convene.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== base || path.startsWith('//')) return '/';
  return path;
}
