/**
 * Where to go after logging in: only paths of this site, since `next=//evil.example`, `next=/\evil.example`
 * or `next=https://…` would send the person elsewhere with a page that looks like ours.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
