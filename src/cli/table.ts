/** Aligned text tables for the terminal, with CJK characters counted as two columns. */

// East Asian wide characters take two terminal columns.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(width - displayWidth(s), 0));

/** Rows under headings, columns padded to their widest cell; the last column is not padded. */
export function formatTable(headings: string[], rows: string[][]): string[] {
  const widths = headings.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : pad(cell, widths[c]))).join('  ').trimEnd();
  return [line(headings), ...rows.map(line)];
}
