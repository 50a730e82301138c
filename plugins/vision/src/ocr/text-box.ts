/** An axis-aligned text box in image pixels: top-left corner and size. */
export interface TextBox {
  /** Left edge, pixels from the image's left edge. */
  readonly x: number;
  /** Top edge, pixels from the image's top edge. */
  readonly y: number;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
}

/** A text box found by the detection model, with its mean text probability. */
export interface ScoredTextBox extends TextBox {
  /** Mean probability of text inside the (not yet unclipped) region, 0..1. */
  readonly score: number;
}

/**
 * Sorts boxes in reading order: top to bottom, and left to right for boxes on the same line (tops
 * within half the smaller height), as PaddleOCR's `sorted_boxes` does.
 */
export function readingOrder<T extends TextBox>(boxes: readonly T[]): T[] {
  const sameLine = (a: TextBox, b: TextBox): boolean => Math.abs(a.y - b.y) < Math.min(a.height, b.height) / 2;
  return [...boxes].sort((a, b) => (sameLine(a, b) ? a.x - b.x : a.y - b.y));
}
