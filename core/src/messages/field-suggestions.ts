import { closest, distance } from 'fastest-levenshtein';
import type { MessageField } from './message-definition.js';

/** The field name closest to a misspelt one, when it is close enough to be a likely typo. */
export function suggestFieldName(name: string, fields: readonly MessageField[]): string | undefined {
  if (fields.length === 0) return undefined;
  const best = closest(
    name,
    fields.map((f) => f.name),
  );
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
