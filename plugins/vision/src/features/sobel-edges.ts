import { InvalidFeatureArgument } from './feature-errors.js';
import { toGray } from './grayscale.js';
import type { RgbImage } from './rgb-image.js';

/** Sobel gradients of an image and what follows from them. */
export interface SobelEdges {
  /** Horizontal gradient (left to right), row-major: large where intensity changes along x. */
  readonly gradientX: Float32Array;
  /** Vertical gradient (top to bottom). */
  readonly gradientY: Float32Array;
  /** Gradient magnitude √(gx² + gy²); up to about 1443 for a 0-to-255 step. */
  readonly magnitude: Float32Array;
  /** Fraction (0–1) of pixels whose magnitude is at least the threshold. */
  readonly density: number;
  /** Pixels per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
}

/** Options of {@link sobelEdges}. */
export interface SobelOptions {
  /** Magnitude at which a pixel counts as an edge for {@link SobelEdges.density} (default 128). */
  readonly threshold?: number;
}

/** Default edge threshold: a step of about 32 grey levels across a pixel. */
export const DEFAULT_EDGE_THRESHOLD = 128;

/**
 * 3×3 Sobel gradients of the image's luma, with the border replicated (so a flat image has no
 * edges anywhere, borders included), the gradient magnitude, and the edge density.
 *
 * @example
 * const { magnitude, density } = sobelEdges(image); // density 0 for a flat image
 */
export function sobelEdges(image: RgbImage, options: SobelOptions = {}): SobelEdges {
  const threshold = options.threshold ?? DEFAULT_EDGE_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new InvalidFeatureArgument(`sobelEdges: expected threshold to be a finite number >= 0, got ${threshold}`, {
      threshold,
    });
  }
  const { data: gray, width, height } = toGray(image);
  const n = width * height;
  const gradientX = new Float32Array(n);
  const gradientY = new Float32Array(n);
  const magnitude = new Float32Array(n);
  const squaredThreshold = threshold * threshold;
  let edges = 0;
  for (let y = 0; y < height; y++) {
    const above = (y > 0 ? y - 1 : 0) * width;
    const here = y * width;
    const below = (y < height - 1 ? y + 1 : y) * width;
    for (let x = 0; x < width; x++) {
      const left = x > 0 ? x - 1 : 0;
      const right = x < width - 1 ? x + 1 : x;
      const topLeft = gray[above + left]!;
      const top = gray[above + x]!;
      const topRight = gray[above + right]!;
      const midLeft = gray[here + left]!;
      const midRight = gray[here + right]!;
      const bottomLeft = gray[below + left]!;
      const bottom = gray[below + x]!;
      const bottomRight = gray[below + right]!;
      const gx = topRight + 2 * midRight + bottomRight - topLeft - 2 * midLeft - bottomLeft;
      const gy = bottomLeft + 2 * bottom + bottomRight - topLeft - 2 * top - topRight;
      const squared = gx * gx + gy * gy;
      gradientX[here + x] = gx;
      gradientY[here + x] = gy;
      magnitude[here + x] = Math.sqrt(squared);
      if (squared >= squaredThreshold) edges++;
    }
  }
  return { gradientX, gradientY, magnitude, density: edges / n, width, height };
}
