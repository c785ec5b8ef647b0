// Ids and counters in URLs and query strings: decimal digits only. Coercing with Number() took "0x10", "1e3" and
// " 1" as well (DELETE /api/events/0x10 deleted event 16).
import { z } from 'zod';

/** Largest id PostgreSQL's `integer` holds: a bigger one would fail in the query, not in validation. */
export const MAX_ID = 2_147_483_647;

/** A whole number written in decimal digits, from a URL: `max` bounds it (a bigger id "does not exist"). */
export const DecimalParam = (opts: { min: number; max: number; tooBig?: string }) =>
  z
    .union([z.string(), z.number()], { error: 'must be a number written in decimal digits' })
    .transform((v) => String(v))
    .pipe(
      z
        .string()
        .regex(/^\d{1,16}$/, { error: 'must be a number written in decimal digits' })
        .transform(Number)
        .pipe(
          z
            .number()
            .min(opts.min, { error: `must be ${opts.min} or more` })
            .max(opts.max, { error: opts.tooBig ?? `must be at most ${opts.max}` }),
        ),
    );

/** A database id in a URL or a query string: a positive decimal number within PostgreSQL's integer range. */
export const IdParam = DecimalParam({ min: 1, max: MAX_ID, tooBig: 'does not exist' });

/** A page number in a query string. */
export const PageParam = (max = 10_000) => DecimalParam({ min: 1, max });
