/** One 8-connected region of set pixels in a binary mask. */
export interface MaskComponent {
  /** Pixels in the region. */
  readonly area: number;
  /** Bounding box, inclusive pixel columns and rows. */
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Mean pixel position (pixel centres at integer coordinates). */
  readonly centroidX: number;
  readonly centroidY: number;
}

/**
 * The 8-connected regions of the non-zero pixels of `mask` (`width × height`, row-major), by the
 * classic two-pass labelling with union-find: provisional labels on the first pass, merged where
 * regions meet, then areas, boxes and centroids summed per root. Regions come in the order of
 * their first pixel (top to bottom, left to right).
 *
 * @example
 * connectedComponents(mask, 160, 120).filter((c) => c.area >= 20);
 */
export function connectedComponents(mask: Uint8Array, width: number, height: number): MaskComponent[] {
  const labels = new Int32Array(width * height);
  // parent[0] is unused: label 0 means background.
  let parent = new Int32Array(256);
  let next = 1;
  const find = (label: number): number => {
    let root = label;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[label] !== root) {
      const up = parent[label]!;
      parent[label] = root;
      label = up;
    }
    return root;
  };
  const union = (a: number, b: number): number => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB) return rootA;
    // The smaller root survives, so roots keep first-pixel order.
    if (rootA < rootB) {
      parent[rootB] = rootA;
      return rootA;
    }
    parent[rootA] = rootB;
    return rootB;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (mask[p] === 0) continue;
      // Neighbours already visited: left, top-left, top, top-right.
      let label = 0;
      const consider = (neighbour: number): void => {
        const other = labels[neighbour]!;
        if (other === 0) return;
        label = label === 0 ? find(other) : union(label, other);
      };
      if (x > 0) consider(p - 1);
      if (y > 0) {
        if (x > 0) consider(p - width - 1);
        consider(p - width);
        if (x < width - 1) consider(p - width + 1);
      }
      if (label === 0) {
        if (next === parent.length) {
          const grown = new Int32Array(parent.length * 2);
          grown.set(parent);
          parent = grown;
        }
        parent[next] = next;
        label = next++;
      }
      labels[p] = label;
    }
  }
  return summarise(labels, width, height, next, find);
}

function summarise(
  labels: Int32Array,
  width: number,
  height: number,
  count: number,
  find: (label: number) => number,
): MaskComponent[] {
  const area = new Float64Array(count);
  const sumX = new Float64Array(count);
  const sumY = new Float64Array(count);
  const minX = new Int32Array(count).fill(width);
  const minY = new Int32Array(count).fill(height);
  const maxX = new Int32Array(count).fill(-1);
  const maxY = new Int32Array(count).fill(-1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const label = labels[y * width + x]!;
      if (label === 0) continue;
      const root = find(label);
      area[root]!++;
      sumX[root]! += x;
      sumY[root]! += y;
      if (x < minX[root]!) minX[root] = x;
      if (x > maxX[root]!) maxX[root] = x;
      if (y < minY[root]!) minY[root] = y;
      if (y > maxY[root]!) maxY[root] = y;
    }
  }
  const components: MaskComponent[] = [];
  for (let root = 1; root < count; root++) {
    const n = area[root]!;
    if (n === 0) continue;
    components.push({
      area: n,
      minX: minX[root]!,
      minY: minY[root]!,
      maxX: maxX[root]!,
      maxY: maxY[root]!,
      centroidX: sumX[root]! / n,
      centroidY: sumY[root]! / n,
    });
  }
  return components;
}
