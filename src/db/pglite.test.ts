import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, openPglite } from './pglite.js';
import { openDatabase } from './open.js';

describe('PGlite data directory', () => {
  it('refuses a second opener while the first holds the lock, and frees it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shuju-lock-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await assert.rejects(openPglite(dir), DataDirLockedError);
      // another process is refused too
      const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', `
        const { openPglite } = await import(${JSON.stringify(new URL('./pglite.ts', import.meta.url).href)});
        try { await openPglite(${JSON.stringify(dir)}); console.log('opened'); } catch (e) { console.log(e.name === 'Error' ? e.message : e.message); }
      `], { encoding: 'utf8' });
      assert.match(child.stdout, /in use by another Shuju process/);
      await first.query("INSERT INTO platform_settings (key, value) VALUES ('kept', '42')");
      await first.close();
      const again = await openDatabase({ dataDir: dir });
      const { rows } = await again.query<{ value: number }>("SELECT value FROM platform_settings WHERE key = 'kept'");
      assert.equal(rows[0].value, 42, 'data written before a clean close survives');
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
