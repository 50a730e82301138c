import type { InferenceBackend } from '../inference/index.js';
import { cropImage, imageToTensor, resizeImage, type RawImage } from '../preprocess/index.js';
import type { CharacterTable } from './character-dictionary.js';
import { ctcGreedyDecode, type CtcText } from './ctc-decode.js';
import { OcrModelMismatchError } from './ocr-errors.js';
import type { TextBox } from './text-box.js';

/** PaddleOCR's narrowest recognition input, 320 wide for 48 high: shorter lines are padded to it. */
const MIN_ASPECT = 320 / 48;

/**
 * Text recognition with a PaddleOCR CTC model (CRNN / SVTR): each box cropped, resized to the
 * model's height keeping its aspect, padded to a common width, normalised to -1..1, run as one batch
 * and greedily CTC-decoded with the character table.
 */
export class TextRecognizer {
  private readonly inputName: string;
  private readonly inputHeight: number;

  /**
   * @throws OcrModelMismatchError when the model's input is not `[N, 3, H, W]` with a fixed height,
   *   or its class count differs from the character table's length.
   */
  constructor(
    private readonly backend: InferenceBackend,
    private readonly table: CharacterTable,
  ) {
    const input = backend.inputs[0];
    const height = input?.dims[2];
    if (
      input === undefined ||
      input.dims.length !== 4 ||
      input.dims[1] !== 3 ||
      typeof height !== 'number' ||
      height < 1
    ) {
      throw new OcrModelMismatchError(
        `OCR recognition model input is ${JSON.stringify(input?.dims)}; expected [N, 3, H, W] with a fixed height H`,
        { dims: input?.dims },
      );
    }
    const classes = backend.outputs[0]?.dims[2];
    if (typeof classes === 'number' && classes > 0 && classes !== table.length) {
      throw new OcrModelMismatchError(
        `OCR recognition model has ${classes} classes but the dictionary gives ${table.length} (blank + ${table.length - 2} characters + space); use the dictionary the model was trained with`,
        { classes, dictionary: table.length },
      );
    }
    this.inputName = input.name;
    this.inputHeight = height;
  }

  /** Reads the text in each of `boxes` of `image` (RGB or BGR), in the same order. */
  async recognize(image: RawImage, boxes: readonly TextBox[]): Promise<CtcText[]> {
    if (boxes.length === 0) return [];
    const height = this.inputHeight;
    const lines = await Promise.all(
      boxes.map(async (box) => {
        const crop = cropImage(image, box);
        const width = Math.max(1, Math.ceil((height * crop.width) / crop.height));
        return resizeImage(crop, { width, height });
      }),
    );
    const batchWidth = Math.max(Math.ceil(height * MIN_ASPECT), ...lines.map((l) => l.width));
    const plane = height * batchWidth;
    // Zero after normalisation is mid grey: the padding PaddleOCR uses right of a short line.
    const data = new Float32Array(lines.length * 3 * plane);
    lines.forEach((line, n) => writeLine(line, data, n * 3 * plane, batchWidth));
    const outputs = await this.backend.run({
      [this.inputName]: { type: 'float32', data, dims: [lines.length, 3, height, batchWidth] },
    });
    const probs = Object.values(outputs)[0];
    const dims = probs?.dims ?? [];
    const [batch, steps, classes] = dims;
    if (
      probs === undefined ||
      !(probs.data instanceof Float32Array) ||
      dims.length !== 3 ||
      batch !== lines.length ||
      steps === undefined ||
      classes !== this.table.length
    ) {
      throw new OcrModelMismatchError(
        `OCR recognition output dims ${JSON.stringify(dims)}; expected [${lines.length}, T, ${this.table.length}] float32`,
        { dims },
      );
    }
    return lines.map((_, n) =>
      ctcGreedyDecode(probs.data as Float32Array, steps, classes, this.table, n * steps * classes),
    );
  }
}

/** Normalises `line` to (x/255 − 0.5)/0.5 in BGR plane order into a `3 × H × batchWidth` slot of `out`. */
function writeLine(line: RawImage, out: Float32Array, offset: number, batchWidth: number): void {
  const normalised = imageToTensor(line, { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], channelOrder: 'bgr' });
  const { width, height } = line;
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < height; y++) {
      const from = (c * height + y) * width;
      out.set(normalised.subarray(from, from + width), offset + (c * height + y) * batchWidth);
    }
  }
}
