import { InferenceSession, Tensor } from 'onnxruntime-node';
import { bench, describe } from 'vitest';
import { OcrEngine, defaultOcrModelFiles, detectionInputSize } from '../../plugins/vision/src/ocr/index.js';
import { renderText } from '../../plugins/vision/src/ocr/testing/render-text.js';
import { cropImage, imageToTensor, resizeImage, tensorDims } from '../../plugins/vision/src/preprocess/index.js';
import { median, round3, writeResult } from './bench-helpers.js';

/**
 * The cost of `OcrEngine.read` (resize, normalise, DB box extraction, crop, CTC decoding) over the
 * two raw onnxruntime `session.run` calls it makes (baseline, same process and run): the PP-OCRv4
 * detection model on the image's 480×128 input and the recognition model on the line's 48×320 crop,
 * with tensors prepared beforehand. One line of 40 px text, CPU, one thread for both paths.
 */

const sessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1 };
const files = defaultOcrModelFiles();
const engine = await OcrEngine.load({ backend: { sessionOptions } });
const det = await InferenceSession.create(files.detectionModel, { ...sessionOptions, executionProviders: ['cpu'] });
const rec = await InferenceSession.create(files.recognitionModel, { ...sessionOptions, executionProviders: ['cpu'] });

const image = await renderText(['OMNIMIND 42']);
const lines = await engine.read(image);
const line = lines[0];
if (line === undefined) throw new Error('OCR bench: the rendered line was not read');

const [detWidth, detHeight] = detectionInputSize(image.width, image.height, 960);
const detInput = await resizeImage(image, { width: detWidth, height: detHeight });
const detTensor = new Tensor(
  'float32',
  imageToTensor(detInput, { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], channelOrder: 'bgr' }),
  tensorDims(detInput),
);
const crop = cropImage(image, line.box);
const recWidth = Math.max(320, Math.ceil((48 * crop.width) / crop.height));
const recInput = await resizeImage(crop, { width: recWidth, height: 48 });
const recTensor = new Tensor(
  'float32',
  imageToTensor(recInput, { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], channelOrder: 'bgr' }),
  tensorDims(recInput),
);

async function rawRuns(): Promise<void> {
  await det.run({ x: detTensor });
  await rec.run({ x: recTensor });
}
async function engineRead(): Promise<void> {
  await engine.read(image);
}

async function timeMs(run: () => Promise<unknown>, ops: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) await run();
  return (performance.now() - t0) / ops;
}

const OPS = 3;
const rawTimes: number[] = [];
const engineTimes: number[] = [];
for (let round = 0; round < 13; round++) {
  // Alternate the order so machine noise hits both alike; the first 3 rounds warm up.
  const rawFirst = round % 2 === 0;
  const a = await timeMs(rawFirst ? rawRuns : engineRead, OPS);
  const b = await timeMs(rawFirst ? engineRead : rawRuns, OPS);
  if (round >= 3) {
    rawTimes.push(rawFirst ? a : b);
    engineTimes.push(rawFirst ? b : a);
  }
}

writeResult('ocr', {
  unit: `ms per ${image.width}x${image.height} image with one line of text, PP-OCRv4 det + rec, CPU, 1 thread (median of 10 rounds of ${OPS})`,
  baseline:
    'raw onnxruntime-node session.run of the detection and the recognition model on prepared tensors, same process',
  text: line.text,
  rawSessionRunsMs: round3(median(rawTimes)),
  ocrEngineReadMs: round3(median(engineTimes)),
  ratios: { engineVsRawRuns: round3(median(engineTimes) / median(rawTimes)) },
});

describe(`OCR of one line in ${image.width}x${image.height}`, () => {
  bench('OcrEngine.read', engineRead, { time: 1000 });
  bench('raw det + rec session.run', rawRuns, { time: 1000 });
});
