import { OmniError } from '@omnimind/core';

/** Base class of the errors raised while loading or running an inference model. */
export class InferenceError extends OmniError {}

/**
 * The model file does not exist or cannot be read (`OMNI_ERR_VISION_MODEL_NOT_FOUND`). The message
 * names the path; `details.path` holds it.
 */
export class ModelNotFoundError extends InferenceError {
  constructor(path: string, cause?: unknown) {
    super('OMNI_ERR_VISION_MODEL_NOT_FOUND', `model file ${JSON.stringify(path)} not found or not readable`, {
      cause,
      details: { path },
    });
  }
}

/**
 * The model exists but the runtime cannot parse or load it (`OMNI_ERR_VISION_MODEL_LOAD`): corrupt
 * or truncated bytes, not an ONNX file, or an operator/opset the runtime lacks. The message names
 * the model (its path, or the byte count when loaded from memory) and the runtime's reason.
 */
export class ModelLoadError extends InferenceError {
  constructor(model: string, reason: string, cause?: unknown) {
    super('OMNI_ERR_VISION_MODEL_LOAD', `cannot load model ${model}: ${reason}`, { cause, details: { model, reason } });
  }
}

/**
 * An execution provider name is not one the ONNX runtime knows (`OMNI_ERR_VISION_EXECUTION_PROVIDER`).
 * The message names the position in the list, the name and the names expected.
 */
export class UnknownExecutionProviderError extends InferenceError {
  constructor(index: number, name: unknown, known: readonly string[]) {
    super(
      'OMNI_ERR_VISION_EXECUTION_PROVIDER',
      `executionProviders[${index}] is ${JSON.stringify(name)}, expected one of ${known.join(', ')}`,
      { details: { index, name, expected: known } },
    );
  }
}

/**
 * A model run failed (`OMNI_ERR_VISION_INFERENCE_RUN`): a missing or wrongly shaped input, a wrong
 * element type, or the runtime failing; or the outputs of a batched run could not be split back
 * into frames. The runtime's reason is in the message and in `cause`.
 */
export class InferenceRunError extends InferenceError {
  constructor(reason: string, cause?: unknown, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_VISION_INFERENCE_RUN', `inference run failed: ${reason}`, { cause, details });
  }
}

/**
 * A frame left an {@link InferenceQueue} without being run (`OMNI_ERR_VISION_FRAME_DROPPED`):
 * dropped as the oldest frame of a full queue, or still queued when the queue was closed.
 * `details.reason` is `'queue-full'` or `'closed'`.
 */
export class FrameDroppedError extends InferenceError {
  constructor(reason: 'queue-full' | 'closed') {
    super(
      'OMNI_ERR_VISION_FRAME_DROPPED',
      reason === 'queue-full'
        ? 'frame dropped: the inference queue was full and a newer frame arrived'
        : 'frame dropped: the inference queue was closed',
      { details: { reason } },
    );
  }
}

/**
 * An inference option is out of range (`OMNI_ERR_VISION_INFERENCE_OPTIONS`), e.g. a queue
 * `capacity` or `maxBatch` that is not an integer ≥ 1. The message names the option, its value and
 * the range expected.
 */
export class InvalidInferenceOptions extends InferenceError {
  constructor(option: string, value: unknown, expected: string) {
    super('OMNI_ERR_VISION_INFERENCE_OPTIONS', `${option} must be ${expected}, got ${String(value)}`, {
      details: { option, value, expected },
    });
  }
}
