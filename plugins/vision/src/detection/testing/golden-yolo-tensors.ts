/**
 * Builders of YOLO output tensors with known boxes, for tests: every candidate not listed has zero
 * size and zero scores.
 */

/** One candidate box in model-input pixels and its per-class scores. */
export interface GoldenCandidate {
  readonly cx: number;
  readonly cy: number;
  readonly w: number;
  readonly h: number;
  /** Class index → score; absent classes score 0. */
  readonly scores: Readonly<Record<number, number>>;
  /** Objectness, v5 only (default 1). */
  readonly objectness?: number;
}

/** A v8/YOLO11 output `[1, 4+C, N]` holding `candidates` at indices 0, 1, ... */
export function v8Tensor(
  candidates: readonly GoldenCandidate[],
  numClasses: number,
  numCandidates: number,
): { data: Float32Array; dims: number[] } {
  const n = numCandidates;
  const data = new Float32Array((4 + numClasses) * n);
  candidates.forEach((candidate, i) => {
    data[i] = candidate.cx;
    data[n + i] = candidate.cy;
    data[2 * n + i] = candidate.w;
    data[3 * n + i] = candidate.h;
    for (const [cls, score] of Object.entries(candidate.scores)) data[(4 + Number(cls)) * n + i] = score;
  });
  return { data, dims: [1, 4 + numClasses, n] };
}

/** A v5 output `[1, N, 5+C]` holding `candidates` at indices 0, 1, ... */
export function v5Tensor(
  candidates: readonly GoldenCandidate[],
  numClasses: number,
  numCandidates: number,
): { data: Float32Array; dims: number[] } {
  const stride = 5 + numClasses;
  const data = new Float32Array(stride * numCandidates);
  candidates.forEach((candidate, i) => {
    const row = i * stride;
    data[row] = candidate.cx;
    data[row + 1] = candidate.cy;
    data[row + 2] = candidate.w;
    data[row + 3] = candidate.h;
    data[row + 4] = candidate.objectness ?? 1;
    for (const [cls, score] of Object.entries(candidate.scores)) data[row + 5 + Number(cls)] = score;
  });
  return { data, dims: [1, numCandidates, stride] };
}
