import type { InferenceBackend } from '../inference/index.js';
import { imageToTensor, resizeImage, tensorDims, type RawImage } from '../preprocess/index.js';
import { extractTextBoxes, type DbPostprocessOptions } from './db-postprocess.js';
import { OcrModelMismatchError } from './ocr-errors.js';
import type { ScoredTextBox } from './text-box.js';

/** PaddleOCR's detection normalisation (ImageNet statistics), applied to B, G, R in that order as PaddleOCR does on OpenCV's BGR frames. */
const DET_MEAN = [0.485, 0.456, 0.406] as const;
const DET_STD = [0.229, 0.224, 0.225] as const;

/** Model input size for an image: the longer side capped at `limitSideLength`, each side rounded to a multiple of 32 (at least 32). */
export function detectionInputSize(width: number, height: number, limitSideLength: number): [number, number] {
  const ratio = Math.max(width, height) > limitSideLength ? limitSideLength / Math.max(width, height) : 1;
  const round32 = (side: number): number => Math.max(Math.round((side * ratio) / 32) * 32, 32);
  return [round32(width), round32(height)];
}

/**
 * Text detection with a PaddleOCR DB model: resize (sides multiples of 32), normalise, run, and turn
 * the probability map into boxes in the original image.
 */
export class TextDetector {
  private readonly inputName: string;

  /**
   * @throws OcrModelMismatchError when the model does not take one `[N, 3, H, W]` float32 input.
   */
  constructor(
    private readonly backend: InferenceBackend,
    private readonly limitSideLength: number,
    private readonly postprocess: DbPostprocessOptions,
  ) {
    const input = backend.inputs[0];
    if (backend.inputs.length !== 1 || input === undefined || input.dims.length !== 4 || input.dims[1] !== 3) {
      throw new OcrModelMismatchError(
        `OCR detection model takes ${JSON.stringify(backend.inputs.map((i) => ({ name: i.name, dims: i.dims })))}; expected one [N, 3, H, W] input`,
        { inputs: backend.inputs },
      );
    }
    this.inputName = input.name;
  }

  /** Text boxes of an RGB or BGR image, in its pixels, in no particular order. */
  async detect(image: RawImage): Promise<ScoredTextBox[]> {
    const [mapWidth, mapHeight] = detectionInputSize(image.width, image.height, this.limitSideLength);
    const resized =
      mapWidth === image.width && mapHeight === image.height
        ? image
        : await resizeImage(image, { width: mapWidth, height: mapHeight });
    const data = imageToTensor(resized, { mean: DET_MEAN, std: DET_STD, channelOrder: 'bgr' });
    const outputs = await this.backend.run({
      [this.inputName]: { type: 'float32', data, dims: tensorDims(resized) },
    });
    const map = Object.values(outputs)[0];
    if (map === undefined || !(map.data instanceof Float32Array) || map.data.length !== mapWidth * mapHeight) {
      throw new OcrModelMismatchError(
        `OCR detection model output has ${map?.data.length ?? 0} values; expected a ${mapWidth}x${mapHeight} float32 probability map`,
        { dims: map?.dims },
      );
    }
    return extractTextBoxes(
      map.data,
      { mapWidth, mapHeight, imageWidth: image.width, imageHeight: image.height },
      this.postprocess,
    );
  }
}
