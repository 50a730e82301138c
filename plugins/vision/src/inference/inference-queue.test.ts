import { hasErrorCode } from '@omnimind/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TensorMap } from './inference-backend.js';
import { InferenceQueue, type InferenceTiming } from './inference-queue.js';
import { OnnxBackend } from './onnx-backend.js';
import { affineModel } from './testing/onnx-model-builder.js';

const WIDTH = 4;
let dynamicBatch: OnnxBackend;
let fixedBatch: OnnxBackend;

beforeAll(async () => {
  dynamicBatch = await OnnxBackend.load(affineModel(WIDTH));
  fixedBatch = await OnnxBackend.load(affineModel(WIDTH, 1));
});
afterAll(async () => {
  await dynamicBatch.dispose();
  await fixedBatch.dispose();
});

/** Frame `i`: one row of four values i, i+1, i+2, i+3. */
function frame(i: number): TensorMap {
  return { x: { type: 'float32', data: Float32Array.from({ length: WIDTH }, (_, k) => i + k), dims: [1, WIDTH] } };
}

/** What Y = X * 2 + 1 gives for frame `i`. */
function expected(i: number): number[] {
  return Array.from({ length: WIDTH }, (_, k) => 2 * (i + k) + 1);
}

function values(outputs: TensorMap): number[] {
  return Array.from(outputs.y!.data as Float32Array);
}

describe('InferenceQueue', () => {
  it('batches queued frames into one run when the batch dim is dynamic and splits the outputs back', async () => {
    const timings: InferenceTiming[] = [];
    const queue = new InferenceQueue(dynamicBatch, { capacity: 10, maxBatch: 4, onTiming: (t) => timings.push(t) });
    expect(queue.batching).toBe(true);
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => queue.push(frame(i * 10))));
    expect(results.map(values)).toEqual([0, 1, 2, 3, 4, 5].map((i) => expected(i * 10)));
    expect(results.map((r) => r.y!.dims)).toEqual(Array(6).fill([1, WIDTH]));
    expect(timings.map((t) => [t.frames, t.ok])).toEqual([
      [4, true],
      [2, true],
    ]);
    for (const t of timings) {
      expect(t.batchMs).toBeGreaterThanOrEqual(0);
      expect(t.perFrameMs).toBeCloseTo(t.batchMs / t.frames, 9);
    }
    expect(queue.stats).toEqual({ queued: 0, dropped: 0, runs: 2, completed: 6, failed: 0 });
  });

  it('runs frames one by one when the model has a fixed batch dim of 1', async () => {
    const timings: InferenceTiming[] = [];
    const queue = new InferenceQueue(fixedBatch, { capacity: 10, maxBatch: 4, onTiming: (t) => timings.push(t) });
    expect(queue.batching).toBe(false);
    const results = await Promise.all([1, 2, 3].map((i) => queue.push(frame(i))));
    expect(results.map(values)).toEqual([1, 2, 3].map(expected));
    expect(timings.map((t) => t.frames)).toEqual([1, 1, 1]);
    expect(queue.stats.runs).toBe(3);
  });

  it('drops the oldest waiting frames when full, counts them and runs the newest', async () => {
    const drops: number[] = [];
    const queue = new InferenceQueue(dynamicBatch, { capacity: 2, onDrop: (total) => drops.push(total) });
    const pushed = [0, 1, 2, 3, 4].map((i) => queue.push(frame(i)));
    const settled = await Promise.allSettled(pushed);
    const dropped = settled.flatMap((s, i) => (s.status === 'rejected' ? [i] : []));
    expect(dropped).toEqual([0, 1, 2]);
    for (const i of dropped) {
      const reason = (settled[i] as PromiseRejectedResult).reason as unknown;
      expect(hasErrorCode(reason, 'OMNI_ERR_VISION_FRAME_DROPPED')).toBe(true);
    }
    expect(values((settled[3] as PromiseFulfilledResult<TensorMap>).value)).toEqual(expected(3));
    expect(values((settled[4] as PromiseFulfilledResult<TensorMap>).value)).toEqual(expected(4));
    expect(drops).toEqual([1, 2, 3]);
    expect(queue.stats).toEqual({ queued: 0, dropped: 3, runs: 2, completed: 2, failed: 0 });
  });

  it('drops waiting frames, not the one in flight, when frames arrive during a run', async () => {
    const queue = new InferenceQueue(dynamicBatch, { capacity: 1 });
    const first = queue.push(frame(0));
    await Promise.resolve(); // the queue takes the first frame and starts its run
    const during = [1, 2, 3].map((i) => queue.push(frame(i)));
    const settled = await Promise.allSettled([first, ...during]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(queue.stats.dropped).toBe(2);
  });

  it('rejects only the frames of a failing run and goes on with the next', async () => {
    const timings: InferenceTiming[] = [];
    const queue = new InferenceQueue(dynamicBatch, { capacity: 10, maxBatch: 8, onTiming: (t) => timings.push(t) });
    const wrongWidth: TensorMap = { x: { type: 'float32', data: new Float32Array(3), dims: [1, 3] } };
    const settled = await Promise.allSettled([
      queue.push(frame(1)),
      queue.push(frame(2)),
      queue.push(wrongWidth),
      queue.push(frame(3)),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(hasErrorCode((settled[2] as PromiseRejectedResult).reason, 'OMNI_ERR_VISION_INFERENCE_RUN')).toBe(true);
    expect(values((settled[3] as PromiseFulfilledResult<TensorMap>).value)).toEqual(expected(3));
    expect(timings.map((t) => [t.frames, t.ok])).toEqual([
      [2, true],
      [1, false],
      [1, true],
    ]);
    expect(queue.stats).toEqual({ queued: 0, dropped: 0, runs: 3, completed: 3, failed: 1 });
  });

  it('rejects waiting frames and new pushes once closed', async () => {
    const queue = new InferenceQueue(dynamicBatch, { capacity: 4 });
    const waiting = queue.push(frame(0));
    await queue.close();
    const results = await Promise.allSettled([waiting, queue.push(frame(1))]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as { code: string; details: unknown };
      expect(reason.code).toBe('OMNI_ERR_VISION_FRAME_DROPPED');
      expect(reason.details).toEqual({ reason: 'closed' });
    }
  });

  it('rejects a capacity or maxBatch that is not an integer ≥ 1', () => {
    expect(() => new InferenceQueue(dynamicBatch, { capacity: 0 })).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_VISION_INFERENCE_OPTIONS',
        message: 'capacity must be an integer ≥ 1, got 0',
      }),
    );
    expect(() => new InferenceQueue(dynamicBatch, { capacity: 2, maxBatch: 1.5 })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_VISION_INFERENCE_OPTIONS' }),
    );
  });
});
