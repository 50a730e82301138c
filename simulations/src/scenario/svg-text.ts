/** Escapes text for HTML and SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A number for an SVG coordinate or a label: at most `digits` decimals, no trailing zeros, no `-0`. */
export function num(value: number, digits = 3): string {
  const text = Number(value.toFixed(digits)).toString();
  return text === '-0' ? '0' : text;
}

/** A CSS colour from an RGB triple. */
export function rgb(color: readonly [number, number, number]): string {
  return `rgb(${color[0]},${color[1]},${color[2]})`;
}
