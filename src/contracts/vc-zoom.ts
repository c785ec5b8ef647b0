import { z } from 'zod';

export const ZoomStatus = z.object({
  /** sandbox: no Zoom credentials are configured; meetings live in Convene's built-in Zoom emulation. */
  mode: z.enum(['zoom', 'sandbox']),
});
export type ZoomStatus = z.infer<typeof ZoomStatus>;
