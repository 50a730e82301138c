import { ModelShapeError, type ModelInputsOutputs, type ModelValueInfo } from '../detection/index.js';
import { InvalidClassifyOptions } from './adapter-errors.js';

/** What {@link checkClassifierModel} found. */
export interface ClassifierModelInfo {
  /** Name of the image input to feed. */
  readonly inputName: string;
  /** Name of the class-score output (the first output). */
  readonly outputName: string;
  /** Input memory order: `[1, 3, H, W]` is `nchw`, `[1, H, W, 3]` is `nhwc`; undefined without metadata. */
  readonly layout: 'nchw' | 'nhwc' | undefined;
  /** Input width in pixels; undefined when unknown or dynamic. */
  readonly inputWidth: number | undefined;
  /** Input height in pixels; undefined when unknown or dynamic. */
  readonly inputHeight: number | undefined;
  /** Class count C; undefined when the model has no output metadata. */
  readonly numClasses: number | undefined;
}

const EXPECTED_INPUT = 'one float32 image input [1, 3, H, W] or [1, H, W, 3]';
const EXPECTED_OUTPUT = 'a float32 output [1, C] (one score per class)';

/**
 * Checks that a model fits an image classifier: one float32 image input `[1, 3, H, W]` (or
 * `[1, H, W, 3]`) and a first output `[1, C]`, with C equal to `numClasses` when given. A symbolic
 * batch dim is accepted; C must be numeric. Throws `ModelShapeError` (`OMNI_ERR_VISION_MODEL_SHAPE`)
 * saying what was found and what was expected. An onnxruntime `InferenceSession` (or an
 * `OnnxBackend`'s session metadata) fits as `model`.
 *
 * @example
 * ```ts
 * const session = await InferenceSession.create('mobilenetv2.onnx');
 * checkClassifierModel(session, { numClasses: 1000 });
 * // → { inputName: 'input', outputName: 'output', layout: 'nchw', inputWidth: 224, inputHeight: 224, numClasses: 1000 }
 * ```
 */
export function checkClassifierModel(
  model: ModelInputsOutputs,
  options: { readonly numClasses?: number | undefined } = {},
): ClassifierModelInfo {
  const { numClasses } = options;
  if (numClasses !== undefined && !(Number.isInteger(numClasses) && numClasses >= 1)) {
    throw new InvalidClassifyOptions('numClasses', numClasses, 'an integer ≥ 1');
  }
  if (model.inputNames.length !== 1) {
    throw new ModelShapeError(
      `model has ${model.inputNames.length} inputs [${model.inputNames.join(', ')}]; expected ${EXPECTED_INPUT}`,
      { which: 'input', inputNames: [...model.inputNames], expected: EXPECTED_INPUT },
    );
  }
  const outputName = model.outputNames[0];
  if (outputName === undefined) {
    throw new ModelShapeError(`model has no outputs; expected ${EXPECTED_OUTPUT}`, { which: 'output' });
  }
  const inputName = model.inputNames[0]!;
  const input = model.inputMetadata?.find((value) => value.name === inputName);
  const output = model.outputMetadata?.find((value) => value.name === outputName);
  const size = input ? checkInput(input) : { layout: undefined, width: undefined, height: undefined };
  return {
    inputName,
    outputName,
    layout: size.layout,
    inputWidth: size.width,
    inputHeight: size.height,
    numClasses: output ? checkOutput(output, numClasses) : undefined,
  };
}

function checkInput(input: ModelValueInfo): {
  layout: 'nchw' | 'nhwc' | undefined;
  width: number | undefined;
  height: number | undefined;
} {
  const dims = input.shape ?? [];
  const fail = (): never => {
    throw new ModelShapeError(`input '${input.name}' is ${describe(input)}; expected ${EXPECTED_INPUT}`, {
      which: 'input',
      name: input.name,
      type: input.type,
      dims: [...dims],
      expected: EXPECTED_INPUT,
    });
  };
  if (input.isTensor === false || (input.type !== undefined && input.type !== 'float32')) fail();
  if (dims.length === 0) return { layout: undefined, width: undefined, height: undefined };
  const [batch, d1, d2, d3] = dims;
  if (dims.length !== 4 || (typeof batch === 'number' && batch !== 1)) fail();
  if (d1 === 3) return { layout: 'nchw', width: positive(d3), height: positive(d2) };
  if (d3 === 3) return { layout: 'nhwc', width: positive(d2), height: positive(d1) };
  return fail();
}

function checkOutput(output: ModelValueInfo, numClasses: number | undefined): number | undefined {
  const dims = output.shape ?? [];
  const wrong = (expected: string): never => {
    throw new ModelShapeError(`output '${output.name}' is ${describe(output)}; expected ${expected}`, {
      which: 'output',
      name: output.name,
      type: output.type,
      dims: [...dims],
      expected,
    });
  };
  if (output.isTensor === false || (output.type !== undefined && output.type !== 'float32')) wrong(EXPECTED_OUTPUT);
  if (dims.length === 0) return undefined;
  const [batch, classes] = dims;
  if (dims.length !== 2 || (typeof batch === 'number' && batch !== 1) || typeof classes !== 'number' || classes < 1) {
    wrong(EXPECTED_OUTPUT);
  }
  if (numClasses !== undefined && classes !== numClasses) {
    wrong(`[1, ${numClasses}] (${numClasses} classes given)`);
  }
  return classes as number;
}

function describe(value: ModelValueInfo): string {
  if (value.isTensor === false) return 'not a tensor';
  const dims = value.shape && value.shape.length > 0 ? ` [${value.shape.join(', ')}]` : '';
  return `${value.type ?? 'a tensor'}${dims}`;
}

function positive(dim: number | string | undefined): number | undefined {
  return typeof dim === 'number' && dim > 0 ? dim : undefined;
}
