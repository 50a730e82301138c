/** Flattens nested plain objects into dotted names (`{a: {b: 1}}` → `{'a.b': 1}`); arrays are values. */
export function flattenParams(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(v) && Object.keys(v).length > 0) Object.assign(out, flattenParams(v, name));
    else out[name] = v;
  }
  return out;
}

/** Returns a copy of `target` with the dotted `name` set to `value`, creating objects on the way. */
export function withParam(target: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = name.split('.');
  const key = head ?? name;
  if (rest.length === 0) return { ...target, [key]: value };
  const child = isPlainObject(target[key]) ? (target[key] as Record<string, unknown>) : {};
  return { ...target, [key]: withParam(child, rest.join('.'), value) };
}

/** Reads a dotted name from nested objects. */
export function readParam(source: unknown, name: string): unknown {
  let current: unknown = source;
  for (const part of name.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** True for `{}`-style objects (not arrays, not class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
