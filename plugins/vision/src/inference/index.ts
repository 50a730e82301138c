/** Inference backends: the runtime-neutral backend interface, onnxruntime-node, and the frame queue. */
export { hasDynamicBatchDim } from './inference-backend.js';
export type {
  InferenceBackend,
  InferenceTensor,
  ModelSource,
  TensorData,
  TensorElementType,
  TensorInfo,
  TensorMap,
} from './inference-backend.js';
export { KNOWN_EXECUTION_PROVIDERS, checkExecutionProviders } from './execution-providers.js';
export type { ExecutionProviderName, ExecutionProviderSpec } from './execution-providers.js';
export { OnnxBackend } from './onnx-backend.js';
export type { BackendLogger, OnnxBackendOptions, ProviderFailure } from './onnx-backend.js';
export { InferenceQueue } from './inference-queue.js';
export type { InferenceQueueOptions, InferenceQueueStats, InferenceTiming } from './inference-queue.js';
export {
  FrameDroppedError,
  InferenceError,
  InferenceRunError,
  InvalidInferenceOptions,
  ModelLoadError,
  ModelNotFoundError,
  UnknownExecutionProviderError,
} from './inference-errors.js';
