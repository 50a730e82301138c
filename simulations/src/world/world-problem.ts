import { UserInputError, type DataPath, type LocatedYaml } from '@omnimind/core';

/** Raises a `UserInputError` with `code` at the place in the world file where `path` was written. */
export function raiseAt(source: LocatedYaml, code: string, path: DataPath, message: string): never {
  throw new UserInputError(code, message, source.locate(path), { details: { path } });
}

/** A length or coordinate for a message: metres, at most 3 decimals, no trailing zeros. */
export function formatMetres(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** A point for a message: `(x, y)`. */
export function formatPoint(p: { readonly x: number; readonly y: number }): string {
  return `(${formatMetres(p.x)}, ${formatMetres(p.y)})`;
}
