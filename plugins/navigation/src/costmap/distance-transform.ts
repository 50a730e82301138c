/** Marks "no obstacle within reach" in squared-distance arrays. */
export const FAR = Number.POSITIVE_INFINITY;

/**
 * Exact 1D squared Euclidean distance transform (Felzenszwalb & Huttenlocher, lower envelope of
 * parabolas): `out[q] = min_p ((q − p)² + f[p])` over the `n` entries of `f`, skipping `FAR`
 * entries; `FAR` everywhere gives `FAR`. `v` and `z` are scratch space of `n` and `n + 1` entries.
 */
export function squaredDistance1d(f: Float64Array, n: number, out: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = f[q]!;
    if (fq === FAR) continue;
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = Number.NEGATIVE_INFINITY;
      z[1] = Number.POSITIVE_INFINITY;
      continue;
    }
    let s: number;
    for (;;) {
      const p = v[k]!;
      s = (fq + q * q - (f[p]! + p * p)) / (2 * (q - p));
      // z[0] is -Infinity, so k never drops below 0 here.
      if (s <= z[k]!) k--;
      else break;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Number.POSITIVE_INFINITY;
  }
  if (k < 0) {
    out.fill(FAR, 0, n);
    return;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    out[q] = (q - p) * (q - p) + f[p]!;
  }
}
