import { isAbsolute, resolve } from 'node:path';
import { OmniError } from '@omnimind/core';
import { checkYoloModel, type ModelValueInfo, type YoloModelInfo } from '../detection/index.js';
import { OnnxBackend, checkExecutionProviders, type BackendLogger, type TensorInfo } from '../inference/index.js';
import { ADAPTER_CODES, DetectorParamsError } from './adapter-errors.js';
import { resolveClassNames } from './class-names.js';
import type { YoloDetectorParams } from './yolo-detector-params.js';

/** A YOLO model loaded and checked for a detector node. */
export interface YoloDetectorModel {
  /** The loaded model; the caller disposes it. */
  readonly backend: OnnxBackend;
  /** Input and output names and the output layout found by `checkYoloModel`. */
  readonly info: YoloModelInfo;
  /** Size frames are letterboxed to. */
  readonly inputWidth: number;
  readonly inputHeight: number;
  /** Class names in model order, or undefined for class ids as indices. */
  readonly classNames: string[] | undefined;
}

/** Where and for whom {@link openYoloDetectorModel} loads. */
export interface OpenYoloDetectorOptions {
  /** Folder that relative `model` and `classes_file` paths resolve against. */
  readonly baseDir: string;
  /** Node name, for error messages. */
  readonly node: string;
  /** Receives execution provider fallbacks. */
  readonly logger?: BackendLogger;
  /** Overrides the `execution_providers` parameter (a check needs no GPU: `['cpu']`). */
  readonly executionProviders?: readonly string[];
}

/**
 * Resolves a detector node's class list and model path, loads the model and checks it is a YOLO
 * detector that fits the class list and input size. Every error names the node and the parameter.
 *
 * @throws DetectorParamsError (`OMNI_ERR_VISION_CLASSES`, `OMNI_ERR_VISION_INPUT_SIZE`),
 *   `ModelNotFoundError`, `ModelLoadError`, `UnknownExecutionProviderError`, `ModelShapeError`.
 * @example
 * ```ts
 * const { backend, info, inputWidth } = await openYoloDetectorModel(params, { baseDir: ctx.baseDir, node: ctx.fullyQualifiedName });
 * ```
 */
export async function openYoloDetectorModel(
  params: YoloDetectorParams,
  options: OpenYoloDetectorOptions,
): Promise<YoloDetectorModel> {
  const { baseDir, node } = options;
  const classNames = resolveClassNames(params, baseDir, node);
  const modelPath = isAbsolute(params.model) ? params.model : resolve(baseDir, params.model);
  const providers = inParam(node, 'execution_providers', () =>
    checkExecutionProviders(options.executionProviders ?? params.execution_providers),
  );
  let backend: OnnxBackend;
  try {
    backend = await OnnxBackend.load(modelPath, {
      executionProviders: providers,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  } catch (error) {
    throw withNodePrefix(error, node, 'model');
  }
  try {
    const info = inParam(node, 'model', () =>
      checkYoloModel(
        {
          inputNames: backend.inputs.map((input) => input.name),
          outputNames: backend.outputs.map((output) => output.name),
          inputMetadata: backend.inputs.map(toValueInfo),
          outputMetadata: backend.outputs.map(toValueInfo),
        },
        { numClasses: classNames?.length },
      ),
    );
    const { width, height } = inputSize(params, info, node);
    return { backend, info, inputWidth: width, inputHeight: height, classNames };
  } catch (error) {
    await backend.dispose();
    throw error;
  }
}

function inputSize(params: YoloDetectorParams, info: YoloModelInfo, node: string): { width: number; height: number } {
  const width = params.input_width ?? info.inputWidth;
  const height = params.input_height ?? info.inputHeight ?? params.input_width;
  if (width === undefined || height === undefined) {
    throw new DetectorParamsError(
      ADAPTER_CODES.INPUT_SIZE,
      `node '${node}': the model's input '${info.inputName}' has a dynamic size; set parameter 'input_width' (and 'input_height' if not square), e.g. 640`,
      { input: info.inputName },
    );
  }
  for (const [param, given, fixed] of [
    ['input_width', params.input_width, info.inputWidth],
    ['input_height', params.input_height, info.inputHeight],
  ] as const) {
    if (given !== undefined && fixed !== undefined && given !== fixed) {
      throw new DetectorParamsError(
        ADAPTER_CODES.INPUT_SIZE,
        `node '${node}': parameter '${param}' is ${given}, but the model's input '${info.inputName}' is fixed at ${fixed}; expected ${fixed} or no '${param}'`,
        { param, given, expected: fixed },
      );
    }
  }
  return { width, height };
}

function toValueInfo(tensor: TensorInfo): ModelValueInfo {
  return { name: tensor.name, ...(tensor.type === undefined ? {} : { type: tensor.type }), shape: tensor.dims };
}

function inParam<T>(node: string, param: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw withNodePrefix(error, node, param);
  }
}

/**
 * The same error, its message prefixed with the node and parameter. The error is kept (not
 * wrapped) so that its class, code and details stay what the lower layer documents.
 */
function withNodePrefix(error: unknown, node: string, param: string): unknown {
  if (error instanceof OmniError) error.message = `node '${node}': parameter '${param}': ${error.message}`;
  return error;
}
