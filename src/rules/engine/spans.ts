/** Time spans in epoch milliseconds, [from, to), and the parts of a window they leave open. Pure. */
export type Span = [from: number, to: number];

/** The parts of [a, b] that no span covers, in time order. */
export function uncovered(spans: Span[], a: number, b: number): Span[] {
  const out: Span[] = [];
  let at = a;
  for (const [x, y] of [...spans].sort((p, q) => p[0] - q[0])) {
    if (y <= at) continue;
    if (x >= b) break;
    if (x > at) out.push([at, x]);
    at = Math.max(at, y);
  }
  if (at < b) out.push([at, b]);
  return out;
}

/** The spans in time order, those that overlap or meet (one ends where the next starts) joined. */
export function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [x, y] of [...spans].sort((p, q) => p[0] - q[0])) {
    const last = out[out.length - 1];
    if (last && x <= last[1]) last[1] = Math.max(last[1], y);
    else out.push([x, y]);
  }
  return out;
}
