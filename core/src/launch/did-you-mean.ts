import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, when it is close enough to be a plausible typo
 * (at most a third of the word's letters, and at least two, differ); otherwise `undefined`.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

/** `"; did you mean 'x'?"` for the closest candidate, or an empty string when none is close. */
export function didYouMeanSuffix(word: string, candidates: readonly string[]): string {
  const best = didYouMean(word, candidates);
  return best === undefined ? '' : `; did you mean '${best}'?`;
}

/** Quotes and joins names for a message: `'a', 'b', 'c'`. */
export function quoteList(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}
