import { readFile } from 'node:fs/promises';
import { OcrModelMismatchError } from './ocr-errors.js';

/**
 * The class labels of a CTC recognition model, indexed by class: index 0 is the CTC blank (an empty
 * string), then one character per dictionary line, then a space, as PaddleOCR builds them with
 * `use_space_char`.
 */
export type CharacterTable = readonly string[];

/**
 * Builds the {@link CharacterTable} from the text of a PaddleOCR dictionary (one character per line;
 * a final newline is optional, CRLF is accepted).
 *
 * @throws OcrModelMismatchError when the dictionary has no characters.
 * @example
 * ```ts
 * characterTable('a\nb\n'); // ['', 'a', 'b', ' ']
 * ```
 */
export function characterTable(text: string): CharacterTable {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new OcrModelMismatchError('OCR dictionary is empty; expected one character per line');
  return ['', ...lines, ' '];
}

/** Reads a dictionary file into a {@link CharacterTable}. */
export async function loadCharacterTable(path: string): Promise<CharacterTable> {
  return characterTable(await readFile(path, 'utf8'));
}
