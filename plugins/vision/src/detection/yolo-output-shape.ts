import { InvalidDetectionOptions, ModelShapeError } from './detection-errors.js';

/**
 * The YOLO ONNX output layouts:
 * - `'v8'` (YOLOv8, YOLO11): `[1, 4+C, N]`, per candidate cx, cy, w, h then C class scores; no
 *   objectness; the score is the best class score.
 * - `'v5'` (YOLOv5, YOLOv7): `[1, N, 5+C]`, per candidate cx, cy, w, h, objectness, C class
 *   scores; the score is objectness × best class score.
 */
export type YoloLayout = 'v8' | 'v5';

/** What a YOLO output tensor holds, found from its dims by {@link describeYoloOutput}. */
export interface YoloOutputShape {
  /** The layout of the tensor. */
  readonly layout: YoloLayout;
  /** Number of classes C. */
  readonly numClasses: number;
  /** Number of candidate boxes N (8400 for a 640×640 v8 model, 25200 for v5). */
  readonly numCandidates: number;
}

/** How to read the output dims: a known class count and/or a forced layout. */
export interface YoloOutputShapeOptions {
  /** Class count C; when given, the dims must match it exactly. */
  readonly numClasses?: number | undefined;
  /** Forces a layout instead of detecting it; `'auto'` (the default) detects. */
  readonly layout?: YoloLayout | 'auto' | undefined;
}

const EXPECTED = 'a float32 tensor [1, 4+C, N] (YOLOv8/YOLO11) or [1, N, 5+C] (YOLOv5)';

/**
 * Finds the layout, class count and candidate count of a YOLO output tensor from its dims.
 *
 * With `numClasses`, the layout whose channel count is 4+C (v8, dims[1]) or 5+C (v5, dims[2]) is
 * chosen; without it, the smaller of the two last dims is the channel axis (N is in the thousands,
 * channels are C plus 4 or 5). Throws {@link ModelShapeError} when the dims fit neither layout or fit
 * both (pass `layout` then), saying what was expected.
 *
 * @example
 * describeYoloOutput([1, 84, 8400]); // → { layout: 'v8', numClasses: 80, numCandidates: 8400 }
 * describeYoloOutput([1, 25200, 85]); // → { layout: 'v5', numClasses: 80, numCandidates: 25200 }
 */
export function describeYoloOutput(dims: readonly number[], options: YoloOutputShapeOptions = {}): YoloOutputShape {
  const shape = matchYoloOutput(dims, options);
  if (shape.numCandidates === undefined) {
    throw new ModelShapeError(
      `YOLO output has dims [${dims.join(', ')}]; expected a positive integer candidate count N`,
      {
        dims: [...dims],
        expected: EXPECTED,
      },
    );
  }
  return shape as YoloOutputShape;
}

/**
 * Like {@link describeYoloOutput} for dims from model metadata, where the batch and candidate dims
 * may be symbolic (strings); the candidate count is then undefined.
 */
export function matchYoloOutput(
  dims: readonly (number | string)[],
  options: YoloOutputShapeOptions = {},
): Omit<YoloOutputShape, 'numCandidates'> & { readonly numCandidates: number | undefined } {
  const { numClasses } = options;
  const layout = options.layout ?? 'auto';
  if (numClasses !== undefined && !(Number.isInteger(numClasses) && numClasses >= 1)) {
    throw new InvalidDetectionOptions('numClasses', numClasses, 'an integer ≥ 1');
  }
  if (layout !== 'auto' && layout !== 'v8' && layout !== 'v5') {
    throw new InvalidDetectionOptions('layout', layout, "'v8', 'v5' or 'auto'");
  }
  const shown = `[${dims.join(', ')}]`;
  if (dims.length !== 3 || (typeof dims[0] === 'number' && dims[0] !== 1)) {
    throw new ModelShapeError(`YOLO output has dims ${shown}; expected ${EXPECTED} with batch 1`, {
      dims: [...dims],
      expected: EXPECTED,
    });
  }
  const a = dims[1]!;
  const b = dims[2]!;
  const v8 = fitV8(a, b, numClasses);
  const v5 = fitV5(a, b, numClasses);
  if (layout === 'v8' || layout === 'v5') {
    const fit = layout === 'v8' ? v8 : v5;
    if (fit) return fit;
    const channels = layout === 'v8' ? `dims[1] = 4+C` : `dims[2] = 5+C`;
    const classes = numClasses === undefined ? 'C ≥ 1' : `C = ${numClasses}`;
    throw new ModelShapeError(
      `YOLO output has dims ${shown}, which is not the ${layout} layout: expected ${channels} with ${classes} and a candidate count N ≥ 1`,
      { dims: [...dims], layout, numClasses, expected: EXPECTED },
    );
  }
  if (v8 && v5) {
    if (numClasses === undefined) return channelCount(a) <= channelCount(b) ? v8 : v5;
    throw new ModelShapeError(
      `YOLO output dims ${shown} fit both the v8 and the v5 layout for ${numClasses} classes; pass layout 'v8' or 'v5'`,
      { dims: [...dims], numClasses, expected: EXPECTED },
    );
  }
  const fit = v8 ?? v5;
  if (fit) return fit;
  const classes =
    numClasses === undefined
      ? ''
      : ` for ${numClasses} classes (v8: [1, ${numClasses + 4}, N], v5: [1, N, ${numClasses + 5}])`;
  throw new ModelShapeError(`YOLO output has dims ${shown}; expected ${EXPECTED}${classes}`, {
    dims: [...dims],
    numClasses,
    expected: EXPECTED,
  });
}

type Fit = Omit<YoloOutputShape, 'numCandidates'> & { readonly numCandidates: number | undefined };

function fitV8(
  channels: number | string,
  candidates: number | string,
  numClasses: number | undefined,
): Fit | undefined {
  if (typeof channels !== 'number' || !isCandidateCount(candidates)) return undefined;
  const classes = channels - 4;
  if (numClasses !== undefined ? classes !== numClasses : classes < 1) return undefined;
  return { layout: 'v8', numClasses: classes, numCandidates: typeof candidates === 'number' ? candidates : undefined };
}

function fitV5(
  candidates: number | string,
  channels: number | string,
  numClasses: number | undefined,
): Fit | undefined {
  if (typeof channels !== 'number' || !isCandidateCount(candidates)) return undefined;
  const classes = channels - 5;
  if (numClasses !== undefined ? classes !== numClasses : classes < 1) return undefined;
  return { layout: 'v5', numClasses: classes, numCandidates: typeof candidates === 'number' ? candidates : undefined };
}

/** A symbolic (string) dim may be the candidate count: it is only known when the model runs. */
function isCandidateCount(value: number | string): boolean {
  return typeof value === 'string' || (Number.isInteger(value) && value >= 1);
}

/** A symbolic dim counts as larger than any channel count. */
function channelCount(value: number | string): number {
  return typeof value === 'number' ? value : Infinity;
}
