import { hasDynamicBatchDim, type InferenceBackend, type TensorMap } from './inference-backend.js';
import { FrameDroppedError, InferenceRunError, InvalidInferenceOptions } from './inference-errors.js';
import { canStack, frameItemCount, splitOutputs, stackFeeds } from './tensor-batching.js';

/** How long one run took, reported after every run (successful or not). */
export interface InferenceTiming {
  /** Frames in the run. */
  readonly frames: number;
  /** Wall time of the whole run, in milliseconds. */
  readonly batchMs: number;
  /** `batchMs / frames`: the inference time each frame cost. */
  readonly perFrameMs: number;
  /** False when the run failed (its frames were rejected). */
  readonly ok: boolean;
}

/** Counters of an {@link InferenceQueue}. */
export interface InferenceQueueStats {
  /** Frames waiting now. */
  readonly queued: number;
  /** Frames dropped because the queue was full (oldest first). */
  readonly dropped: number;
  /** Model runs started. */
  readonly runs: number;
  /** Frames that got outputs. */
  readonly completed: number;
  /** Frames rejected because their run failed. */
  readonly failed: number;
}

/** Options of {@link InferenceQueue}. */
export interface InferenceQueueOptions {
  /** Frames that may wait; when full, the oldest waiting frame is dropped. Integer ≥ 1. */
  readonly capacity: number;
  /**
   * Most frames run together (default 1). Frames are batched only when every model input has a
   * dynamic leading dim; otherwise they run one by one.
   */
  readonly maxBatch?: number;
  /** Called after every run with its timing. */
  readonly onTiming?: (timing: InferenceTiming) => void;
  /** Called each time a frame is dropped, with the total dropped so far. */
  readonly onDrop?: (droppedTotal: number) => void;
  /** Millisecond clock for the timings (default `performance.now`): inference cost is wall time. */
  readonly now?: () => number;
}

interface PendingFrame {
  readonly feeds: TensorMap;
  readonly items: number | undefined;
  readonly resolve: (outputs: TensorMap) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A bounded queue of frames in front of an {@link InferenceBackend}: one run at a time, the newest
 * frames kept when the model cannot keep up, batched where the model allows.
 *
 * `push` resolves with the frame's outputs, or rejects with `FrameDroppedError` when the frame was
 * dropped (queue full or closed) or `InferenceRunError` when its run failed; a failed run rejects
 * only its own frames and the queue goes on with the next.
 *
 * @example
 * ```ts
 * const queue = new InferenceQueue(backend, { capacity: 4, maxBatch: 8, onTiming: (t) => hist.observe(t.perFrameMs) });
 * queue.push({ images: tensor }).then(publishDetections, (error) => {
 *   if (!hasErrorCode(error, 'OMNI_ERR_VISION_FRAME_DROPPED')) ctx.logger.warn(String(error));
 * });
 * ```
 */
export class InferenceQueue {
  private readonly waiting: PendingFrame[] = [];
  private readonly capacity: number;
  private readonly maxBatch: number;
  private readonly batchable: boolean;
  private readonly now: () => number;
  private running = false;
  private scheduled = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private counters = { dropped: 0, runs: 0, completed: 0, failed: 0 };

  constructor(
    private readonly backend: InferenceBackend,
    private readonly options: InferenceQueueOptions,
  ) {
    this.capacity = checkCount('capacity', options.capacity);
    this.maxBatch = checkCount('maxBatch', options.maxBatch ?? 1);
    this.batchable = backend.inputs.length > 0 && backend.inputs.every(hasDynamicBatchDim);
    this.now = options.now ?? (() => performance.now());
  }

  /** True when the model takes batches, so up to `maxBatch` frames share a run. */
  get batching(): boolean {
    return this.batchable && this.maxBatch > 1;
  }

  /** Current counters. */
  get stats(): InferenceQueueStats {
    return { queued: this.waiting.length, ...this.counters };
  }

  /** Queues one frame (one tensor per model input) and resolves with its outputs. */
  push(feeds: TensorMap): Promise<TensorMap> {
    if (this.closed) return Promise.reject(new FrameDroppedError('closed'));
    return new Promise<TensorMap>((resolve, reject) => {
      if (this.waiting.length >= this.capacity) {
        this.waiting.shift()!.reject(new FrameDroppedError('queue-full'));
        this.counters.dropped += 1;
        notify(() => this.options.onDrop?.(this.counters.dropped));
      }
      this.waiting.push({ feeds, items: frameItemCount(feeds), resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once no frame is waiting and no run is in flight. */
  idle(): Promise<void> {
    if (!this.running && !this.scheduled && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops taking frames: waiting frames are rejected with `FrameDroppedError`, the run in flight
   * finishes. Resolves when it has. The backend is not disposed (the caller owns it).
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const frame of this.waiting.splice(0)) frame.reject(new FrameDroppedError('closed'));
    await this.idle();
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // Deferred to a microtask so that frames pushed in the same tick can share a batch.
    queueMicrotask(() => {
      this.scheduled = false;
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) await this.runBatch(this.takeBatch());
    } finally {
      this.running = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private takeBatch(): PendingFrame[] {
    const first = this.waiting.shift()!;
    const batch = [first];
    if (!this.batching || first.items === undefined) return batch;
    while (batch.length < this.maxBatch) {
      const next = this.waiting[0];
      if (next === undefined || next.items === undefined || !canStack(first.feeds, next.feeds)) break;
      batch.push(this.waiting.shift()!);
    }
    return batch;
  }

  private async runBatch(batch: PendingFrame[]): Promise<void> {
    this.counters.runs += 1;
    const start = this.now();
    let results: TensorMap[] | undefined;
    let failure: unknown;
    try {
      const outputs = await this.backend.run(stackFeeds(batch.map((frame) => frame.feeds)));
      results = splitOutputs(
        outputs,
        batch.map((frame) => frame.items ?? 1),
      );
    } catch (error) {
      failure = error instanceof InferenceRunError ? error : new InferenceRunError(String(error), error);
    }
    const batchMs = this.now() - start;
    const ok = results !== undefined;
    notify(() => this.options.onTiming?.({ frames: batch.length, batchMs, perFrameMs: batchMs / batch.length, ok }));
    batch.forEach((frame, i) => {
      if (results === undefined) {
        this.counters.failed += 1;
        frame.reject(failure);
      } else {
        this.counters.completed += 1;
        frame.resolve(results[i]!);
      }
    });
  }
}

function checkCount(option: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new InvalidInferenceOptions(option, value, 'an integer ≥ 1');
  return value;
}

/** Runs an observer callback; one that throws must not stop the queue (its frames still settle). */
function notify(callback: () => void): void {
  try {
    callback();
  } catch {
    // The observer's own fault: frames are answered regardless.
  }
}
