import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ADAPTER_CODES, DetectorParamsError } from './adapter-errors.js';

/**
 * Reads a class file: one class name per line in model order, as Ultralytics and Darknet
 * `*.names` / `classes.txt` files have them. Surrounding spaces and a trailing empty line are
 * ignored; a line starting with `#` is a comment.
 *
 * @param node - the node name, for the error message.
 * @throws DetectorParamsError (`OMNI_ERR_VISION_CLASSES`) when the file cannot be read, holds no
 *   name, or names a class twice.
 * @example
 * ```ts
 * readClassFile('/models/coco.names', 'detector'); // ['person', 'bicycle', 'car', ...]
 * ```
 */
export function readClassFile(path: string, node: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DetectorParamsError(
      ADAPTER_CODES.CLASSES,
      `node '${node}': parameter 'classes_file' is '${path}', which cannot be read (${(error as Error).message}); expected a text file with one class name per line (a relative path is read from the launch file's folder)`,
      { path },
    );
  }
  const names = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (names.length === 0) {
    throw new DetectorParamsError(
      ADAPTER_CODES.CLASSES,
      `node '${node}': class file '${path}' holds no class name; expected one name per line`,
      { path },
    );
  }
  checkUnique(names, `class file '${path}'`, node);
  return names;
}

/**
 * The class names a detector node uses: the `classes` parameter, or the lines of `classes_file`
 * (resolved against `baseDir`), or undefined when neither is given (class ids are then the index
 * as text).
 *
 * @throws DetectorParamsError (`OMNI_ERR_VISION_CLASSES`) when both are given, a name repeats, or
 *   the file cannot be used.
 */
export function resolveClassNames(
  params: { readonly classes?: readonly string[] | undefined; readonly classes_file?: string | undefined },
  baseDir: string,
  node: string,
): string[] | undefined {
  if (params.classes !== undefined && params.classes_file !== undefined) {
    throw new DetectorParamsError(
      ADAPTER_CODES.CLASSES,
      `node '${node}': parameters 'classes' and 'classes_file' are both set; expected one of them`,
    );
  }
  if (params.classes !== undefined) {
    checkUnique(params.classes, "parameter 'classes'", node);
    return [...params.classes];
  }
  if (params.classes_file === undefined) return undefined;
  const file = isAbsolute(params.classes_file) ? params.classes_file : resolve(baseDir, params.classes_file);
  return readClassFile(file, node);
}

function checkUnique(names: readonly string[], where: string, node: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new DetectorParamsError(
        ADAPTER_CODES.CLASSES,
        `node '${node}': ${where} names class '${name}' twice; expected each class once, in model order`,
        { name },
      );
    }
    seen.add(name);
  }
}
