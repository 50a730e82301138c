import { distance } from 'fastest-levenshtein';
import { shortTypeName } from './type-names.js';

const MAX_SUGGESTIONS = 3;

/**
 * Known names that the user probably meant by `input`: names with the same final segment first
 * (`Twist` → `geometry_msgs/msg/Twist`), then the closest by edit distance, in either the
 * canonical or the short `pkg/Type` form.
 */
export function suggestTypeNames(input: string, known: Iterable<string>): string[] {
  const candidates = [...known];
  const lastSegment = (name: string): string => (name.split('/').pop() ?? '').toLowerCase();
  const wantedName = lastSegment(input);
  const sameName = candidates.filter((c) => lastSegment(c) === wantedName).sort();

  const limit = Math.max(2, Math.floor(input.length / 4));
  const close = candidates
    .map((c) => ({ name: c, score: Math.min(distance(input, c), distance(input, shortTypeName(c))) }))
    .filter((c) => c.score <= limit)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .map((c) => c.name);

  return [...new Set([...sameName, ...close])].slice(0, MAX_SUGGESTIONS);
}
