/**
 * Cuts a byte stream (ffmpeg's stdout with `-f rawvideo`) into whole frames of `frameBytes` bytes,
 * whatever the chunk boundaries. A partial frame is kept until the rest arrives.
 *
 * @example
 * ```ts
 * const splitter = new RawFrameSplitter(160 * 120 * 3);
 * child.stdout.on('data', (chunk) => splitter.push(chunk).forEach(publish));
 * ```
 */
export class RawFrameSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  /** @param frameBytes - bytes in one frame (width × height × channels); a positive integer. */
  constructor(readonly frameBytes: number) {
    if (!Number.isInteger(frameBytes) || frameBytes <= 0) {
      throw new RangeError(`frameBytes is ${frameBytes}; expected a positive integer`);
    }
  }

  /** Adds a chunk and returns the frames it completes (each a fresh buffer of `frameBytes`). */
  push(chunk: Buffer): Buffer[] {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.frameBytes) return [];
    const all = Buffer.concat(this.pending, this.pendingBytes);
    const frames: Buffer[] = [];
    let offset = 0;
    while (all.length - offset >= this.frameBytes) {
      frames.push(all.subarray(offset, offset + this.frameBytes));
      offset += this.frameBytes;
    }
    const rest = all.subarray(offset);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return frames;
  }

  /** Drops a partial frame (after the stream restarts, its bytes belong to no frame). */
  reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
  }
}
