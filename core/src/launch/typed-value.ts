import { parseDocument } from 'yaml';
import type { ParamScalar, ParamValue } from '../params/param-file-types.js';

/**
 * Gives text produced by a substitution the type ROS 2 gives it: the text is read as YAML, and a
 * bool, number, string or list of those is taken as is; anything else (a mapping, nothing, YAML
 * that does not parse) leaves the text as a string. So `$(var rate)` with `rate:=30` is the int 30,
 * `'true'` is a bool, and `"'30'"` (quoted) stays the string `30`.
 */
export function coerceSubstitutedText(text: string): ParamValue {
  let value: unknown;
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length > 0) return text;
    value = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return text;
  }
  if (isScalar(value)) return value;
  if (Array.isArray(value) && value.every(isScalar)) return value;
  return text;
}

function isScalar(value: unknown): value is ParamScalar {
  return typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string';
}

/**
 * Reads a boolean written as `true`, `false`, `1` or `0` (any letter case, surrounding spaces
 * ignored), as launch conditions and flags accept; `undefined` for anything else.
 */
export function parseBooleanText(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}
