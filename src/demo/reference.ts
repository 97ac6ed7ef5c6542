/**
 * Reference files the generator reads when they are there: `shared/data` beside the repository
 * (`../shared/data`) or inside it (`shared/data`). Each loader returns null when its file is
 * absent, and the caller falls back to a built-in list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

let dataDirCache: string | null | undefined;

/** The shared reference-data folder, or null when this checkout has none. */
export function sharedDataDir(): string | null {
  if (dataDirCache !== undefined) return dataDirCache;
  const root = repoRoot();
  dataDirCache = [join(root, '..', 'shared', 'data'), join(root, 'shared', 'data')].find((d) => existsSync(d)) ?? null;
  return dataDirCache;
}

function readShared(relative: string): string | null {
  const dir = sharedDataDir();
  if (!dir) return null;
  const path = join(dir, relative);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Minimal RFC 4180 reader: quoted fields with "" escapes, LF or CRLF. Codes stay strings. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export interface CodeName {
  code: string;
  name: string;
}

/** 110 alarm types (`incident-categories/110-alarm-types.csv`); the first of duplicate codes wins. */
export function loadAlarmTypes(): CodeName[] | null {
  const text = readShared('incident-categories/110-alarm-types.csv');
  if (text === null) return null;
  const seen = new Set<string>();
  const out: CodeName[] = [];
  for (const r of parseCsv(text)) {
    if (seen.has(r.code)) continue;
    seen.add(r.code);
    out.push({ code: r.code, name: r.name });
  }
  return out;
}

/** Active GA 240.1 criminal case categories (`case-categories/ga240-ajlb.csv`), by code. */
export function loadCriminalCategories(): Map<string, string> | null {
  const text = readShared('case-categories/ga240-ajlb.csv');
  if (text === null) return null;
  return new Map(parseCsv(text).filter((r) => r.active === 'true').map((r) => [r.code, r.name]));
}

export interface GeoFeature {
  adcode: string;
  name: string;
  /** Rings of every polygon, `[lon, lat]`; first ring outer, others holes. */
  polygons: number[][][][];
}

/** District boundaries of Dongying (`geo/dongying-370500.geojson`). */
export function loadDistricts(): GeoFeature[] | null {
  const text = readShared('geo/dongying-370500.geojson');
  if (text === null) return null;
  const json = JSON.parse(text) as {
    features: { properties: { adcode: number | string; name: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  return json.features.map((f) => ({
    adcode: String(f.properties.adcode),
    name: f.properties.name,
    polygons: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][],
  }));
}

/** Non-working days and swapped working days (`calendar/cn-holidays.csv`), as local dates. */
export function loadHolidays(): { off: Set<string>; on: Set<string> } | null {
  const text = readShared('calendar/cn-holidays.csv');
  if (text === null) return null;
  const rows = parseCsv(text);
  return {
    off: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date)),
    on: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.date)),
  };
}
