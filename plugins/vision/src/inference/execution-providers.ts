import { UnknownExecutionProviderError } from './inference-errors.js';

/**
 * Execution provider names onnxruntime knows. Whether one is usable depends on the platform and on
 * the binaries installed (CUDA and TensorRT need the CUDA build of onnxruntime-node).
 */
export const KNOWN_EXECUTION_PROVIDERS = [
  'cpu',
  'cuda',
  'tensorrt',
  'dml',
  'coreml',
  'webgpu',
  'qnn',
  'xnnpack',
  'nnapi',
] as const;

/** One of {@link KNOWN_EXECUTION_PROVIDERS}. */
export type ExecutionProviderName = (typeof KNOWN_EXECUTION_PROVIDERS)[number];

/**
 * An execution provider by name, or with its onnxruntime options.
 *
 * @example
 * ```ts
 * const providers: ExecutionProviderSpec[] = [{ name: 'cuda', deviceId: 0 }, 'cpu'];
 * ```
 */
export type ExecutionProviderSpec =
  ExecutionProviderName | { readonly name: ExecutionProviderName; readonly [option: string]: unknown };

/**
 * Checks every entry of `providers` and returns the name of each, in order, with `'cpu'` appended
 * when absent (CPU is the fallback of last resort). Throws {@link UnknownExecutionProviderError}
 * naming the first entry that is not a known provider.
 */
export function checkExecutionProviders(providers: readonly unknown[]): ExecutionProviderSpec[] {
  const checked: ExecutionProviderSpec[] = [];
  providers.forEach((spec, index) => {
    const name = typeof spec === 'object' && spec !== null ? (spec as { name?: unknown }).name : spec;
    if (typeof name !== 'string' || !(KNOWN_EXECUTION_PROVIDERS as readonly string[]).includes(name)) {
      throw new UnknownExecutionProviderError(index, name, KNOWN_EXECUTION_PROVIDERS);
    }
    checked.push(spec as ExecutionProviderSpec);
  });
  if (!checked.some((spec) => providerName(spec) === 'cpu')) checked.push('cpu');
  return checked;
}

/** The name of a provider spec. */
export function providerName(spec: ExecutionProviderSpec): ExecutionProviderName {
  return typeof spec === 'string' ? spec : spec.name;
}
