// The "Test rooms" provider's forms: a minimal provider with a join link and no outside service, used by the
// tests and demos. Server and web client validate with the same schemas.
import { z } from 'zod';
import { Text } from './text';

export const PasscodeVisibility = z.enum(['everyone', 'logged_in', 'no_one']);
export type PasscodeVisibility = z.infer<typeof PasscodeVisibility>;

export const TestRoomForm = z.object({
  description: Text().trim().max(500, { error: 'must be at most 500 characters' }).default(''),
  passcode: Text()
    .trim()
    .regex(/^[A-Za-z0-9]{0,10}$/, { error: 'must be at most 10 letters or digits' })
    .default(''),
  /** Only logged-in people may join (the page offers a login first). */
  joinRequiresLogin: z.boolean().default(false),
});
export type TestRoomForm = z.infer<typeof TestRoomForm>;

export const TestRoomLinkForm = z.object({
  /** Who sees the passcode (and a join link that carries it) on this event's pages. */
  passcodeVisibility: PasscodeVisibility.default('logged_in'),
});
export type TestRoomLinkForm = z.infer<typeof TestRoomLinkForm>;
