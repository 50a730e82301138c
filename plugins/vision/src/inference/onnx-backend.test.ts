import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasErrorCode } from '@omnimind/core';
import { InferenceSession } from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnnxBackend } from './onnx-backend.js';
import { affineModel, buildOnnxModel } from './testing/onnx-model-builder.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'omnimind-onnx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<Error & { code?: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** True when this onnxruntime-node build can start a CUDA session (the CUDA binaries and a GPU). */
async function cudaWorks(): Promise<boolean> {
  try {
    const session = await InferenceSession.create(affineModel(4), { executionProviders: ['cuda'] });
    await session.release();
    return true;
  } catch {
    return false;
  }
}
const cudaAvailable = await cudaWorks();

describe('OnnxBackend', () => {
  it('loads a model from bytes, describes it and computes Y = X * 2 + 1 over a batch', async () => {
    const backend = await OnnxBackend.load(affineModel(4));
    try {
      expect(backend.executionProvider).toBe('cpu');
      expect(backend.inputs).toEqual([{ name: 'x', type: 'float32', dims: ['batch', 4] }]);
      expect(backend.outputs).toEqual([{ name: 'y', type: 'float32', dims: ['batch', 4] }]);
      const x = { type: 'float32', data: Float32Array.from([0, 1, 2, 3, -1, -2, 0.5, 10, 7, 8, 9, 100]), dims: [3, 4] };
      const first = await backend.run({ x });
      const second = await backend.run({ x });
      expect(first.y!.dims).toEqual([3, 4]);
      expect(Array.from(first.y!.data as Float32Array)).toEqual([1, 3, 5, 7, -1, -3, 2, 21, 15, 17, 19, 201]);
      expect(Array.from(second.y!.data as Float32Array)).toEqual(Array.from(first.y!.data as Float32Array));
    } finally {
      await backend.dispose();
    }
  });

  it('loads a model from a file path and runs a ReduceMean with attributes', async () => {
    const file = join(dir, 'mean.onnx');
    await writeFile(
      file,
      buildOnnxModel({
        inputs: [{ name: 'pixels', dims: [1, 3, 2, 2] }],
        outputs: [{ name: 'mean', dims: [1, 3] }],
        nodes: [
          {
            op: 'ReduceMean',
            inputs: ['pixels'],
            outputs: ['mean'],
            attributes: { axes: { ints: [-2, -1] }, keepdims: { int: 0 } },
          },
        ],
      }),
    );
    const backend = await OnnxBackend.load(file);
    try {
      const pixels = Float32Array.from([1, 2, 3, 6, 10, 10, 10, 10, 0, 0, 0, -4]);
      const { mean } = await backend.run({ pixels: { type: 'float32', data: pixels, dims: [1, 3, 2, 2] } });
      expect(mean!.dims).toEqual([1, 3]);
      expect(Array.from(mean!.data as Float32Array)).toEqual([3, 10, -1]);
    } finally {
      await backend.dispose();
    }
  });

  it.skipIf(cudaAvailable)('falls back to CPU when CUDA is not installed, logs why and reports it', async () => {
    const warnings: string[] = [];
    const infos: string[] = [];
    const backend = await OnnxBackend.load(affineModel(4), {
      executionProviders: ['cuda', 'tensorrt', 'cpu'],
      logger: { warn: (message) => warnings.push(message), info: (message) => infos.push(message) },
    });
    try {
      expect(backend.executionProvider).toBe('cpu');
      expect(backend.failedProviders.map((failure) => failure.provider)).toEqual(['cuda', 'tensorrt']);
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatch(/execution provider cuda unavailable/);
      expect(warnings[1]).toMatch(/execution provider tensorrt unavailable/);
      expect(infos).toEqual([`model from ${affineModel(4).byteLength} bytes runs on execution provider cpu`]);
      const { y } = await backend.run({ x: { type: 'float32', data: Float32Array.from([1, 2, 3, 4]), dims: [1, 4] } });
      expect(Array.from(y!.data as Float32Array)).toEqual([3, 5, 7, 9]);
    } finally {
      await backend.dispose();
    }
  });

  it.runIf(cudaAvailable)('runs on CUDA when the CUDA build and a GPU are present', async () => {
    const backend = await OnnxBackend.load(affineModel(4), { executionProviders: ['cuda'] });
    try {
      expect(backend.executionProvider).toBe('cuda');
      const { y } = await backend.run({ x: { type: 'float32', data: Float32Array.from([1, 2, 3, 4]), dims: [1, 4] } });
      expect(Array.from(y!.data as Float32Array)).toEqual([3, 5, 7, 9]);
    } finally {
      await backend.dispose();
    }
  });

  it('appends CPU as the last resort when the list lacks it', async () => {
    const backend = await OnnxBackend.load(affineModel(2), { executionProviders: cudaAvailable ? [] : ['cuda'] });
    try {
      expect(backend.executionProvider).toBe('cpu');
    } finally {
      await backend.dispose();
    }
  });

  it('rejects an unknown provider name before loading, naming its position and the known names', async () => {
    const error = await errorOf(
      OnnxBackend.load(join(dir, 'never-read.onnx'), { executionProviders: ['cuda', 'gpu' as 'cuda'] }),
    );
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_EXECUTION_PROVIDER')).toBe(true);
    expect(error.message).toBe(
      'executionProviders[1] is "gpu", expected one of cpu, cuda, tensorrt, dml, coreml, webgpu, qnn, xnnpack, nnapi',
    );
  });

  it('names the path of a missing model file', async () => {
    const file = join(dir, 'missing.onnx');
    const error = await errorOf(OnnxBackend.load(file));
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_MODEL_NOT_FOUND')).toBe(true);
    expect(error.message).toContain(file);
    expect(error.details).toEqual({ path: file });
  });

  it('names the path of a corrupt model file and says it cannot be parsed', async () => {
    const file = join(dir, 'corrupt.onnx');
    await writeFile(file, affineModel(4).subarray(0, 40));
    const error = await errorOf(OnnxBackend.load(file));
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_MODEL_LOAD')).toBe(true);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/protobuf parsing failed/i);
  });

  it('rejects corrupt model bytes, also after falling back from another provider', async () => {
    const junk = Uint8Array.from([1, 2, 3, 4, 5]);
    const error = await errorOf(OnnxBackend.load(junk, { executionProviders: ['cuda', 'cpu'] }));
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_MODEL_LOAD')).toBe(true);
    expect(error.message).toMatch(/^cannot load model from 5 bytes: .*protobuf parsing failed/);
  });

  it('turns a wrongly shaped feed into an InferenceRunError and keeps working', async () => {
    const backend = await OnnxBackend.load(affineModel(4));
    try {
      const error = await errorOf(backend.run({ x: { type: 'float32', data: new Float32Array(3), dims: [1, 3] } }));
      expect(hasErrorCode(error, 'OMNI_ERR_VISION_INFERENCE_RUN')).toBe(true);
      const mismatch = await errorOf(backend.run({ x: { type: 'float32', data: new Float32Array(3), dims: [1, 4] } }));
      expect(hasErrorCode(mismatch, 'OMNI_ERR_VISION_INFERENCE_RUN')).toBe(true);
      expect(mismatch.message).toContain('"x"');
      const { y } = await backend.run({ x: { type: 'float32', data: new Float32Array(4), dims: [1, 4] } });
      expect(Array.from(y!.data as Float32Array)).toEqual([1, 1, 1, 1]);
    } finally {
      await backend.dispose();
    }
  });
});
