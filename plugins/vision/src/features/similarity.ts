import { InvalidFeatureArgument } from './feature-errors.js';

const MASK_64 = (1n << 64n) - 1n;

/**
 * Number of differing bits between two 64-bit hashes ({@link dHash}, {@link pHash}), 0–64.
 *
 * @example
 * hammingDistance(0b1011n, 0b0010n); // 2
 */
export function hammingDistance(a: bigint, b: bigint): number {
  if (typeof a !== 'bigint' || typeof b !== 'bigint' || a < 0n || b < 0n || a > MASK_64 || b > MASK_64) {
    throw new InvalidFeatureArgument(`hammingDistance: expected two 64-bit unsigned bigint hashes`, {
      a: String(a),
      b: String(b),
    });
  }
  let diff = a ^ b;
  let count = 0;
  while (diff !== 0n) {
    diff &= diff - 1n;
    count++;
  }
  return count;
}

/**
 * Cosine of the angle between two feature vectors or embeddings of the same length, −1–1 (1: the
 * same direction). A zero vector has no direction; its similarity to anything is 0.
 *
 * @example
 * cosineSimilarity(colorHistogram(a), colorHistogram(b));
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new InvalidFeatureArgument(
      `cosineSimilarity: expected vectors of the same length, got ${a.length} and ${b.length}`,
      { lengthA: a.length, lengthB: b.length },
    );
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  return Math.max(-1, Math.min(1, dot / Math.sqrt(normA * normB)));
}
