import { stat } from 'node:fs/promises';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { InferenceBackend, ModelSource, TensorInfo, TensorMap, InferenceTensor } from './inference-backend.js';
import { checkExecutionProviders, providerName, type ExecutionProviderSpec } from './execution-providers.js';
import { InferenceRunError, ModelLoadError, ModelNotFoundError } from './inference-errors.js';

/**
 * Where {@link OnnxBackend} reports provider fallbacks. A pino logger (`ctx.logger`) fits as is.
 */
export interface BackendLogger {
  /** A provider failed and the next one is tried. */
  warn(message: string): void;
  /** Which provider the model runs on. */
  info?(message: string): void;
}

/** Options of {@link OnnxBackend.load}. */
export interface OnnxBackendOptions {
  /**
   * Providers to try, in order (default `['cpu']`). Each that fails to start is logged and the next
   * tried; `'cpu'` is always tried last. An unknown name throws `UnknownExecutionProviderError`.
   */
  readonly executionProviders?: readonly ExecutionProviderSpec[];
  /** Receives fallback warnings and the chosen provider. */
  readonly logger?: BackendLogger;
  /** Other onnxruntime session options (threads, graph optimisation level ...). */
  readonly sessionOptions?: Omit<InferenceSession.SessionOptions, 'executionProviders'>;
}

/** One provider that could not start, and why. */
export interface ProviderFailure {
  /** Provider name. */
  readonly provider: string;
  /** The runtime's message. */
  readonly reason: string;
}

/**
 * An {@link InferenceBackend} on onnxruntime-node: one `InferenceSession`, created once and reused
 * for every run.
 *
 * @example
 * ```ts
 * const backend = await OnnxBackend.load('models/yolo11n.onnx', {
 *   executionProviders: ['cuda', 'cpu'],
 *   logger: ctx.logger,
 * });
 * backend.executionProvider; // 'cuda', or 'cpu' where CUDA is missing
 * const outputs = await backend.run({ images: tensor });
 * await backend.dispose();
 * ```
 */
export class OnnxBackend implements InferenceBackend {
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  /** Providers tried before the one in use, with the reason each failed. */
  readonly failedProviders: readonly ProviderFailure[];

  private constructor(
    private readonly session: InferenceSession,
    readonly executionProvider: string,
    failedProviders: readonly ProviderFailure[],
  ) {
    this.inputs = describe(session.inputNames, session.inputMetadata);
    this.outputs = describe(session.outputNames, session.outputMetadata);
    this.failedProviders = failedProviders;
  }

  /**
   * Loads a model from a file path or bytes, trying the configured execution providers in order.
   * Throws `UnknownExecutionProviderError` for an unknown provider name (before loading anything),
   * `ModelNotFoundError` for a missing file and `ModelLoadError` when no provider, CPU included,
   * can load the model.
   */
  static async load(model: ModelSource, options: OnnxBackendOptions = {}): Promise<OnnxBackend> {
    const providers = checkExecutionProviders(options.executionProviders ?? ['cpu']);
    const label = typeof model === 'string' ? JSON.stringify(model) : `from ${model.byteLength} bytes`;
    if (typeof model === 'string') {
      try {
        const info = await stat(model);
        if (!info.isFile()) throw new Error('not a file');
      } catch (error) {
        throw new ModelNotFoundError(model, error);
      }
    }
    const failures: ProviderFailure[] = [];
    let lastError: unknown;
    for (const spec of providers) {
      const name = providerName(spec);
      try {
        const sessionOptions = { ...options.sessionOptions, executionProviders: [spec] };
        const session =
          typeof model === 'string'
            ? await InferenceSession.create(model, sessionOptions)
            : await InferenceSession.create(model, sessionOptions);
        if (failures.length > 0) options.logger?.info?.(`model ${label} runs on execution provider ${name}`);
        return new OnnxBackend(session, name, failures);
      } catch (error) {
        lastError = error;
        const reason = messageOf(error);
        failures.push({ provider: name, reason });
        if (name !== 'cpu') {
          options.logger?.warn(
            `execution provider ${name} unavailable for model ${label} (${reason}); trying the next`,
          );
        }
      }
    }
    throw new ModelLoadError(label, messageOf(lastError), lastError);
  }

  async run(feeds: TensorMap): Promise<TensorMap> {
    const ortFeeds: Record<string, Tensor> = {};
    for (const [name, tensor] of Object.entries(feeds)) ortFeeds[name] = toOrtTensor(name, tensor);
    try {
      return (await this.session.run(ortFeeds)) as TensorMap;
    } catch (error) {
      throw new InferenceRunError(messageOf(error), error, { inputs: Object.keys(feeds) });
    }
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

function toOrtTensor(name: string, tensor: InferenceTensor): Tensor {
  if (tensor instanceof Tensor) return tensor;
  try {
    // The constructor's overloads are keyed by the element type; the data is checked at run time.
    return new Tensor(tensor.type as 'float32', tensor.data as Float32Array, tensor.dims);
  } catch (error) {
    throw new InferenceRunError(`input ${JSON.stringify(name)}: ${messageOf(error)}`, error, { input: name });
  }
}

function describe(
  names: readonly string[],
  metadata: readonly InferenceSession.ValueMetadata[] | undefined,
): TensorInfo[] {
  return names.map((name, i) => {
    const meta = metadata?.[i];
    if (meta === undefined || !meta.isTensor) return { name, type: undefined, dims: [] };
    return { name, type: meta.type, dims: [...meta.shape] };
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
