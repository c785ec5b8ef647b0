// Layout checks for end-to-end tests: the document does not scroll sideways, and no action button or badge
// cuts its text (what a 390 px phone shows when a header, a chip or a toolbar does not fit).
import type { Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

interface Misfit {
  what: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Fails when the document is wider than the window, or when a visible button, link styled as a button, badge
 * or room chip shows less than its text (its content is wider than its box, or it ends in an ellipsis that
 * CSS added). Lists every misfit with its text so that the failure says what to fix.
 */
export async function checkFits(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const misfits: Misfit[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1)
      misfits.push({
        what: 'document',
        text: document.title,
        scrollWidth: doc.scrollWidth,
        clientWidth: doc.clientWidth,
      });
    const selector = [
      'button',
      '[role="button"]',
      '.mantine-Button-label',
      '.mantine-Badge-label',
      '.mantine-Chip-label',
      '[data-fit-check]',
    ].join(',');
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (el.closest('[aria-hidden="true"], [hidden], [data-fit-ignore]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      // Cut by the window's edge (in a box that hides what overflows, as the header does)?
      const inScroller = (() => {
        for (let p = el.parentElement; p; p = p.parentElement)
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
        return false;
      })();
      if (!inScroller && (box.right > doc.clientWidth + 1 || box.left < -1))
        misfits.push({
          what: `${el.tagName.toLowerCase()} beyond the window's edge`,
          text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
          scrollWidth: Math.round(box.right),
          clientWidth: doc.clientWidth,
        });
      // Inline text overflows sideways; a label that wraps is fine, one cut to "Sta…" is not.
      if (el.scrollWidth > el.clientWidth + 1)
        misfits.push({
          what: el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(' ')[0]}` : ''),
          text: (el.textContent ?? '').trim().slice(0, 60),
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
        });
    }
    return misfits;
  });
  if (found.length === 0) return;
  const lines = found.map(
    (m) => `- ${m.what} “${m.text}”: ${m.scrollWidth} px of content in ${m.clientWidth} px`,
  );
  throw new Error(`content does not fit on ${where}:\n${lines.join('\n')}`);
}
