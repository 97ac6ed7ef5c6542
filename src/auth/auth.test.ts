import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../testing/db.js';
import { sha256 } from './secrets.js';
import { createSession, deleteSession, sessionUser, SESSION_TTL_MS } from './sessions.js';
import { LoginThrottle } from './throttle.js';
import { createApiToken, tokenUser } from './tokens.js';
import { createUser, verifyLogin } from './users.js';

const PASSWORD = 'Shuju-2025-secret';

describe('accounts, sessions and tokens', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
  });
  after(async () => db.close());

  it('stores only an argon2id hash of the password', async () => {
    const u = await createUser(db, { username: 'li.si', displayName: '李四', password: PASSWORD, role: 'case_officer', unitId: 'unit:370502510000' });
    const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM users WHERE id = $1', [u.id]);
    const stored = JSON.stringify(rows[0]);
    assert.ok(!stored.includes(PASSWORD), 'plain password must not be stored');
    assert.match(String(rows[0].password_hash), /^\$argon2id\$/);
    assert.equal((u as unknown as Record<string, unknown>).passwordHash, undefined);
  });

  it('verifies a login, refusing a wrong password, an unknown user and an inactive one', async () => {
    const ok = await verifyLogin(db, 'li.si', PASSWORD);
    assert.equal(ok?.username, 'li.si');
    assert.equal(ok?.role, 'case_officer');
    assert.equal(await verifyLogin(db, 'li.si', PASSWORD + 'x'), null);
    assert.equal(await verifyLogin(db, 'nobody', PASSWORD), null);
    await db.query("UPDATE users SET active = false WHERE username = 'li.si'");
    assert.equal(await verifyLogin(db, 'li.si', PASSWORD), null);
    await db.query("UPDATE users SET active = true WHERE username = 'li.si'");
  });

  it('refuses a taken username, a weak password and a bad role', async () => {
    const base = { displayName: 'x', password: PASSWORD, role: 'case_officer' as const, unitId: 'unit:1' };
    await assert.rejects(createUser(db, { ...base, username: 'li.si' }), { code: 'username_taken' });
    await assert.rejects(createUser(db, { ...base, username: 'wang', password: 'short' }), { code: 'weak_password' });
    await assert.rejects(createUser(db, { ...base, username: 'has space' }), { code: 'invalid_username' });
    await assert.rejects(createUser(db, { ...base, username: 'wang', role: 'root' as never }), { code: 'invalid_role' });
  });

  it('keeps only the SHA-256 of a session token and expires it after 12 hours', async () => {
    const user = (await verifyLogin(db, 'li.si', PASSWORD))!;
    const now = new Date('2025-03-10T08:00:00Z');
    const { token, expiresAt } = await createSession(db, user.id, { ip: '10.0.0.1' }, now);
    assert.equal(expiresAt.getTime() - now.getTime(), SESSION_TTL_MS);
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE user_id = $1', [user.id]);
    assert.deepEqual(rows.map((r) => r.token_hash), [sha256(token)]);
    assert.equal((await sessionUser(db, token, new Date(now.getTime() + 1000)))?.id, user.id);
    assert.equal(await sessionUser(db, token, new Date(now.getTime() + SESSION_TTL_MS)), null);
    assert.equal(await sessionUser(db, token + 'x', now), null);
    await deleteSession(db, token);
    assert.equal(await sessionUser(db, token, now), null);
  });

  it('issues tokens to ingest clients only, shows the plaintext once and stores its hash', async () => {
    const client = await createUser(db, { username: 'jcj110-feed', displayName: '110', password: PASSWORD, role: 'ingest_client', unitId: 'unit:370500000000' });
    const t = await createApiToken(db, { userId: client.id, name: '110 feed', source: 'jcj110' });
    assert.match(t.token, /^shj_/);
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [t.id]);
    assert.equal(rows[0].token_hash, sha256(t.token));
    const found = await tokenUser(db, t.token);
    assert.equal(found?.user.username, 'jcj110-feed');
    assert.equal(found?.source, 'jcj110');
    assert.equal(await tokenUser(db, 'shj_forged'), null);
    await db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [t.id]);
    assert.equal(await tokenUser(db, t.token), null);
    const officer = (await verifyLogin(db, 'li.si', PASSWORD))!;
    await assert.rejects(createApiToken(db, { userId: officer.id, name: 'x', source: 'jcj110' }), { code: 'wrong_role' });
    await assert.rejects(createApiToken(db, { userId: client.id, name: 'x', source: 'Bad Source' }), { code: 'invalid_source' });
  });
});

describe('login throttle', () => {
  it('lets five failures through, then doubles the wait, and forgets on success', () => {
    const t = new LoginThrottle(5, 60_000);
    const now = 1_000_000;
    for (let i = 0; i < 5; i++) {
      assert.equal(t.retryAfter('k', now), 0);
      t.fail('k', now);
    }
    assert.equal(t.retryAfter('k', now), 0);
    t.fail('k', now); // 6th failure: 1 s
    assert.equal(t.retryAfter('k', now), 1000);
    t.fail('k', now); // 7th: 2 s
    assert.equal(t.retryAfter('k', now), 2000);
    assert.equal(t.retryAfter('other', now), 0);
    for (let i = 0; i < 20; i++) t.fail('k', now);
    assert.equal(t.retryAfter('k', now), 60_000, 'capped');
    t.succeed('k');
    assert.equal(t.retryAfter('k', now), 0);
  });
});
