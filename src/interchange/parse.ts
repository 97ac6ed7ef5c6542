import type { ImportError } from './types.js';

/**
 * Splits an import into raw records with their location, before any typing (§2.1, §2.2, §11).
 * `.jsonocel` locations are `objects[3]` with pointer `/objects/3`; `.jsonl` locations are
 * 1-based lines with pointer `/object` or `/event`.
 */
export interface RawRecord {
  kind: 'object' | 'event';
  raw: unknown;
  line?: number;
  record?: string;
  /** JSON Pointer of the record itself; fields are appended to it. */
  pointer: string;
}

export interface ParsedImport {
  records: RawRecord[];
  /** `.jsonocel` only: the type declarations. */
  declarations?: { objectTypes: unknown; eventTypes: unknown };
  errors: ImportError[];
}

const OCEL_KEYS = ['objectTypes', 'eventTypes', 'objects', 'events'];

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * V8's message quotes the text around the fault, which can be personal data: keep only where
 * it is (§5.3: error reports are masked).
 */
function jsonErrorReason(err: unknown): string {
  const message = (err as Error).message;
  const position = /position (\d+)/.exec(message);
  const what = message.split(/, "|\(|"/)[0].replace(/( in JSON)? at position \d+.*/, '').trim();
  return `not valid JSON: ${what}${position ? ` at character ${Number(position[1]) + 1}` : ''}`;
}

export function parseJsonocel(text: string): ParsedImport {
  const body = stripBom(text);
  if (body.trim() === '') return { records: [], errors: [] }; // an empty file imports nothing (§13)
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    return { records: [], errors: [{ kind: 'file', code: 'malformed_json', reason: jsonErrorReason(err) }] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { records: [], errors: [{ kind: 'file', field: '', code: 'malformed_json', reason: 'the top level is not a JSON object' }] };
  }
  const keys = Object.keys(doc);
  const missing = OCEL_KEYS.filter((k) => !keys.includes(k));
  const extra = keys.filter((k) => !OCEL_KEYS.includes(k));
  const errors: ImportError[] = [];
  for (const k of missing) errors.push({ kind: 'file', field: `/${k}`, code: 'malformed_json', reason: `top-level key "${k}" is missing` });
  for (const k of extra) errors.push({ kind: 'file', field: `/${k}`, code: 'malformed_json', reason: `top-level key "${k}" is not one of ${OCEL_KEYS.join(', ')}` });
  const d = doc as Record<string, unknown>;
  for (const k of OCEL_KEYS) {
    if (k in d && !Array.isArray(d[k])) errors.push({ kind: 'file', field: `/${k}`, code: 'malformed_json', reason: `"${k}" is not an array` });
  }
  if (errors.length) return { records: [], errors };
  const records: RawRecord[] = [];
  (d.objects as unknown[]).forEach((raw, i) => records.push({ kind: 'object', raw, record: `objects[${i}]`, pointer: `/objects/${i}` }));
  (d.events as unknown[]).forEach((raw, i) => records.push({ kind: 'event', raw, record: `events[${i}]`, pointer: `/events/${i}` }));
  return { records, declarations: { objectTypes: d.objectTypes, eventTypes: d.eventTypes }, errors };
}

/** One `.jsonl` line (without its line break) into a record or an error (§2.2). */
function parseJsonlLine(raw: string, line: number, out: ParsedImport): void {
  const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw; // CRLF tolerated
  if (content.trim() === '') return; // empty lines are ignored but counted
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (err) {
    out.errors.push({ line, code: 'malformed_json', reason: jsonErrorReason(err) });
    return;
  }
  const keys = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? Object.keys(doc) : [];
  if (keys.length !== 1 || (keys[0] !== 'object' && keys[0] !== 'event')) {
    out.errors.push({
      line,
      field: '',
      code: 'record_kind',
      reason: `a line must be exactly {"object": …} or {"event": …}, found ${keys.length ? `keys ${keys.join(', ')}` : typeof doc}`,
    });
    return;
  }
  const kind = keys[0] as 'object' | 'event';
  out.records.push({ kind, raw: (doc as Record<string, unknown>)[kind], line, pointer: `/${kind}` });
}

export function parseJsonl(text: string): ParsedImport {
  const body = stripBom(text);
  const out: ParsedImport = { records: [], errors: [] };
  let line = 0;
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    parseJsonlLine(body.slice(start, end), ++line, out);
    start = end + 1;
  }
  return out;
}

/**
 * The same, read from a stream of text, handed out in chunks of about `size` records so that a
 * large feed is validated and written while the rest is still being read.
 */
export async function* parseJsonlChunks(chunks: AsyncIterable<string>, size: number): AsyncGenerator<ParsedImport> {
  let out: ParsedImport = { records: [], errors: [] };
  let line = 0;
  let rest = '';
  let first = true;
  for await (const chunk of chunks) {
    let text = rest + chunk;
    if (first) {
      text = stripBom(text);
      first = false;
    }
    let start = 0;
    let end: number;
    while ((end = text.indexOf('\n', start)) !== -1) {
      parseJsonlLine(text.slice(start, end), ++line, out);
      start = end + 1;
      if (out.records.length >= size) {
        yield out;
        out = { records: [], errors: [] };
      }
    }
    rest = text.slice(start);
  }
  if (rest !== '') parseJsonlLine(rest, ++line, out);
  yield out;
}
