import type { CharacterTable } from './character-dictionary.js';

/** One decoded text line. */
export interface CtcText {
  /** The characters read. */
  readonly text: string;
  /** Mean of the winning class probability over the characters kept; 0 when none was kept. */
  readonly score: number;
}

/**
 * Greedy CTC decoding of one sequence: the most likely class per time step, repeats collapsed,
 * blanks (class 0) dropped, as PaddleOCR's `CTCLabelDecode` does.
 *
 * @param probs - class probabilities, `steps × classes`, row-major, starting at `offset`
 * @example
 * ```ts
 * // 3 steps over ['', 'a', 'b', ' ']: a, a, b
 * ctcGreedyDecode(new Float32Array([0,.9,.1,0, 0,.8,.2,0, 0,.1,.9,0]), 3, 4, table); // { text: 'ab', ... }
 * ```
 */
export function ctcGreedyDecode(
  probs: Float32Array,
  steps: number,
  classes: number,
  table: CharacterTable,
  offset = 0,
): CtcText {
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestProb = probs[row] ?? 0;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c] ?? 0;
      if (p > bestProb) {
        best = c;
        bestProb = p;
      }
    }
    if (best !== 0 && best !== previous) {
      text += table[best] ?? '';
      sum += bestProb;
      kept++;
    }
    previous = best;
  }
  return { text, score: kept === 0 ? 0 : sum / kept };
}
