// Zoom's list paging: page_size (default 30, at most 300) and an opaque next_page_token that
// expires after 15 minutes; "" when there is no next page (zoom_api.md §2.2).
import { z } from 'zod';
import { zoomErrors } from './errors';
import { randomToken } from './ids';

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 300;
const TOKEN_TTL_MS = 15 * 60 * 1000;

interface PageToken {
  listKey: string;
  offset: number;
  expiresAtMs: number;
}

export interface Page<T> {
  items: T[];
  envelope: {
    page_count: number;
    page_number: number;
    page_size: number;
    total_records: number;
    next_page_token: string;
  };
}

export const pageQuerySchema = z.object({
  page_size: z.string().optional(),
  next_page_token: z.string().optional(),
  page_number: z.string().optional(),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageSizeOf(raw: string | undefined): number {
  const n = Number(raw);
  if (raw === undefined || !Number.isInteger(n) || n < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

export class PageTokens {
  private tokens = new Map<string, PageToken>();

  clear(): void {
    this.tokens.clear();
  }

  /** One page of `all`; `listKey` ties a token to the list it was issued for. */
  paginate<T>(all: readonly T[], query: PageQuery, listKey: string, nowMs: number): Page<T> {
    const pageSize = pageSizeOf(query.page_size);
    let offset = 0;
    if (query.next_page_token) {
      const token = this.tokens.get(query.next_page_token);
      if (!token || token.listKey !== listKey || token.expiresAtMs <= nowMs)
        throw zoomErrors.invalidPageToken();
      offset = token.offset;
    } else if (query.page_number !== undefined) {
      // page_number is the legacy way, still accepted (zoom_api.md §2.2).
      const n = Number(query.page_number);
      if (Number.isInteger(n) && n > 1) offset = (n - 1) * pageSize;
    }
    const items = all.slice(offset, offset + pageSize);
    const nextOffset = offset + items.length;
    let next = '';
    if (nextOffset < all.length) {
      next = randomToken(24);
      this.tokens.set(next, { listKey, offset: nextOffset, expiresAtMs: nowMs + TOKEN_TTL_MS });
    }
    return {
      items,
      envelope: {
        page_count: Math.ceil(all.length / pageSize),
        page_number: Math.floor(offset / pageSize) + 1,
        page_size: pageSize,
        total_records: all.length,
        next_page_token: next,
      },
    };
  }
}
