import { formatDate } from '../cases/format.js';
import type { Queryable } from '../db/database.js';
import { newSecret, sha256 } from './secrets.js';
import { UserInputError, findUser, userFromRow, type User } from './users.js';

type Db = Pick<Queryable, 'query'>;

export const SOURCE_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  source: string;
  createdAt: string;
}

/**
 * Issues an API token for a source system. The plaintext is returned once and never stored.
 * Only `ingest_client` accounts get tokens: a leaked token can then deliver data, nothing more.
 */
export async function createApiToken(
  db: Db,
  input: { userId: number; name: string; source: string },
): Promise<ApiToken & { token: string }> {
  if (!SOURCE_PATTERN.test(input.source)) {
    throw new UserInputError('invalid_source', 'source: lower-case letters, digits and "_", e.g. jcj110');
  }
  if (!input.name.trim()) throw new UserInputError('invalid_name', 'name: required');
  const user = await findUser(db, { id: input.userId });
  if (!user) throw new UserInputError('unknown_user', `no user with id ${input.userId}`);
  if (user.role !== 'ingest_client') {
    throw new UserInputError('wrong_role', `tokens are issued to ingest_client accounts only (${user.username} is ${user.role})`);
  }
  const token = newSecret('shj_');
  const { rows } = await db.query<{ id: number; created_at: Date }>(
    'INSERT INTO api_tokens (user_id, name, source, token_hash) VALUES ($1, $2, $3, $4) RETURNING id, created_at',
    [user.id, input.name, input.source, sha256(token)],
  );
  return {
    id: Number(rows[0].id),
    userId: user.id,
    name: input.name,
    source: input.source,
    createdAt: formatDate(new Date(rows[0].created_at)),
    token,
  };
}

/** The active user and source behind an unrevoked token, or null. Records its last use. */
export async function tokenUser(db: Db, token: string): Promise<{ user: User; source: string; tokenId: number } | null> {
  const { rows } = await db.query<Parameters<typeof userFromRow>[0] & { token_id: number; source: string }>(
    `UPDATE api_tokens t SET last_used_at = now()
       FROM users u
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND u.active
     RETURNING t.id AS token_id, t.source, u.id, u.username, u.display_name, u.role, u.unit_id,
               u.officer_id, u.locale, u.active, u.created_at`,
    [sha256(token)],
  );
  const r = rows[0];
  return r ? { user: userFromRow(r), source: r.source, tokenId: Number(r.token_id) } : null;
}
