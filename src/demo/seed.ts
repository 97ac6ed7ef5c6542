/**
 * Entry points of the demo city: `generateDemoCity` (pure) and `seedDemoCity`, which imports the
 * records through the ordinary importer, stores the defect manifest and the seed in
 * platform_settings, and creates the demo accounts.
 */
import { createUser } from '../auth/users.js';
import type { Database } from '../db/database.js';
import { importRecords } from '../interchange/import.js';
import { type DemoOptions, generateDemoCity } from './city.js';
import type { DemoLogin } from './logins.js';

export { generateDemoCity } from './city.js';
export type { DemoCity, DemoManifest, DemoOptions } from './city.js';
export type { DemoLogin } from './logins.js';

/** Records per import; objects come first, so every chunk's references are already stored. */
export const CHUNK_SIZE = 50_000;

export interface SeedOptions extends DemoOptions {
  onProgress?: (msg: string) => void;
}

export async function seedDemoCity(db: Database, opts: SeedOptions = {}): Promise<{ logins: DemoLogin[] }> {
  const say = opts.onProgress ?? (() => {});
  const started = Date.now();
  const { records, manifest, logins } = generateDemoCity(opts);
  say(`generated ${records.length} records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const chunks = Math.ceil(records.length / CHUNK_SIZE);
  for (let i = 0; i < chunks; i++) {
    const chunk = records.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    const name = `demo_seed${manifest.seed}_${String(i + 1).padStart(3, '0')}.jsonl`;
    const report = await importRecords(db, name, chunk, { source: 'demo', actor: 'demo' });
    if (report.status !== 'accepted') {
      const first = report.errors.slice(0, 5).map((e) => `${e.id ?? `line ${e.line}`}: ${e.code} ${e.reason}`).join('; ');
      throw new Error(`demo import ${name} rejected (${report.errors.length} errors): ${first}`);
    }
    say(`imported ${name} (${i + 1}/${chunks}): ${chunk.length} records`);
  }
  await setSetting(db, 'demo.manifest', manifest);
  await setSetting(db, 'demo.seed', { seed: manifest.seed, scale: manifest.scale, generatedAt: manifest.anchor, synthetic: true });
  const { rows } = await db.query<{ username: string }>('SELECT username FROM users WHERE username = ANY($1)', [
    logins.map((l) => l.username),
  ]);
  const existing = new Set(rows.map((r) => r.username));
  for (const l of logins) {
    if (existing.has(l.username)) {
      say(`account ${l.username} exists, left unchanged`);
      continue;
    }
    await createUser(db, {
      username: l.username, displayName: l.displayName, password: l.password, role: l.role, unitId: l.unitId, officerId: l.officerId,
    });
  }
  say(`${manifest.defects.length} planted defects recorded in platform_settings 'demo.manifest'`);
  return { logins };
}

async function setSetting(db: Database, key: string, value: unknown): Promise<void> {
  await db.query(
    `INSERT INTO platform_settings (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}
