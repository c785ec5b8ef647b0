import { hash, verify } from '@node-rs/argon2';

// argon2id at the library's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum), ~40 ms a hash here.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
