import type { Queryable } from '../db/database.js';
import { newSecret, sha256 } from './secrets.js';
import { userFromRow, type User } from './users.js';

export const SESSION_COOKIE = 'shuju_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

type Db = Pick<Queryable, 'query'>;

/** Opens a session; returns the token for the cookie (stored only as its SHA-256). */
export async function createSession(
  db: Db,
  userId: number,
  from: { ip?: string; userAgent?: string } = {},
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  // Expired sessions of this user are dropped here rather than by a sweeper.
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [userId, now]);
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5)',
    [sha256(token), userId, expiresAt, from.ip ?? null, from.userAgent ?? null],
  );
  return { token, expiresAt };
}

/** The active user of an unexpired session, or null. */
export async function sessionUser(db: Db, token: string, now = new Date()): Promise<User | null> {
  const { rows } = await db.query<Parameters<typeof userFromRow>[0]>(
    `SELECT u.id, u.username, u.display_name, u.role, u.unit_id, u.officer_id, u.locale, u.active, u.created_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
    [sha256(token), now],
  );
  return rows[0] ? userFromRow(rows[0]) : null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}
