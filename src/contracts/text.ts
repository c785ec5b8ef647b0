// Well-formed text: the one building block every text field of every contract is made of. PostgreSQL
// refuses NUL in text and lone UTF-16 surrogates in jsonb, so such strings are refused at the edge (422
// naming the field) instead of failing later in a query or, worse, in a background job.
import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const ILL_FORMED_TEXT = 'must be well-formed text (no NUL character or lone surrogate)';

/** True for text PostgreSQL stores as given: no NUL and no unpaired UTF-16 surrogate. */
export function isWellFormedText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** The text made storable: lone surrogates become U+FFFD and NUL characters are dropped. */
export function toWellFormedText(s: string): string {
  if (isWellFormedText(s)) return s;
  return s.replaceAll('\u0000', '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/** A string that is well-formed text; chain .trim(), .min(), .max() and formats on it as on z.string(). */
export const Text = (error?: string) =>
  z.string(error ? { error } : undefined).refine(isWellFormedText, { error: ILL_FORMED_TEXT });
