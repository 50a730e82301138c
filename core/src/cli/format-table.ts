/**
 * Lays rows out in left-aligned columns separated by two spaces, with a header row.
 * Cells are single-line: newlines are shown as `⏎`.
 *
 * @example formatTable(['NAME', 'STATE'], [['/a', 'active']]) // 'NAME  STATE\n/a    active\n'
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [headers, ...rows].map((row) => headers.map((_, index) => (row[index] ?? '').replace(/\r?\n/g, '⏎')));
  const widths = headers.map((_, index) => Math.max(...all.map((row) => [...(row[index] ?? '')].length)));
  return all
    .map((row) =>
      row
        .map((cell, index) =>
          index === row.length - 1 ? cell : cell.padEnd((widths[index] ?? 0) + cell.length - [...cell].length),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A compact one-line rendering of a value for a table cell (JSON, strings unquoted). */
export function cellValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text ?? String(value);
}
