// Server-rendered pages of the sandbox: escaped output, no external assets, one small stylesheet.
import { formatMeetingId } from '../contracts/vc-zoom';

export function escapeHtml(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

// Colours meet WCAG AA: #1f2937 on white is 14.7:1, white on #0b5cff 5.3:1, #3d2c00 on #fff4ce 12:1.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#fff;line-height:1.5}
.sandbox{background:#fff4ce;color:#3d2c00;border-bottom:2px solid #8a6d00;padding:.75rem 1rem;margin:0}
main{max-width:40rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;line-height:1.25}
.meta{color:#374151}
.button{display:inline-block;background:#0b5cff;color:#fff;border:0;border-radius:.5rem;padding:.7rem 1.4rem;font-size:1rem;font-weight:600;text-decoration:none;cursor:pointer}
.button:hover{background:#0046d5}
a{color:#0046d5}
:focus-visible{outline:3px solid #1f2937;outline-offset:2px}
label{display:block;font-weight:600;margin-bottom:.25rem}
input{font-size:1rem;padding:.5rem;border:1px solid #4b5563;border-radius:.375rem;width:100%;max-width:20rem;margin-bottom:1rem}
.error{color:#a00000;font-weight:600}
footer{max-width:40rem;margin:3rem auto 1rem;padding:0 1rem;color:#4b5563;font-size:.9rem}
`;

export function page(title: string, main: Html): string {
  return `<!doctype html>
${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} - Convene Zoom sandbox</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header><p class="sandbox" role="note"><strong>Convene Zoom sandbox.</strong> This page stands in for Zoom during development and tests. No real call takes place.</p></header>
<main>
${main}
</main>
<footer>Zoom is a trademark of Zoom Video Communications, Inc. This sandbox is not affiliated with Zoom.</footer>
</body>
</html>`}
`;
}

/** Zoom shows meeting numbers in groups: 812 3456 7890 (11 digits), 123 456 7890 (10). */
export const formatMeetingNumber = (id: number): string => formatMeetingId(id);
