import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Number of random bytes in a generated control token. */
export const TOKEN_BYTES = 32;

/** A fresh random token (32 bytes, base64url, 43 characters). */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * Compares a presented token with the expected one in constant time. Both are hashed first so
 * that neither the content nor the length of the expected token leaks through timing.
 */
export function tokensEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && presented.length === expected.length;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined when absent or malformed. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}
