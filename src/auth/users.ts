import { Algorithm, hash, verify } from '@node-rs/argon2';
import { formatDate } from '../cases/format.js';
import type { Queryable } from '../db/database.js';
import { ROLES, type Actor, type Role } from '../org/actor.js';

/** A platform account. The password hash never leaves this module. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  officerId: string | null;
  locale: string;
  active: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: string;
  officerId?: string;
  locale?: string;
}

export const USERNAME_PATTERN = /^[\p{L}\p{N}._-]{2,64}$/u;
export const MIN_PASSWORD_LENGTH = 8;

/** Raised for input the caller can correct (bad username, weak password, taken name). */
export class UserInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1).
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

const USER_COLUMNS = `id, username, display_name, role, unit_id, officer_id, locale, active, created_at`;

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string;
  officer_id: string | null;
  locale: string;
  active: boolean;
  created_at: Date | string;
}

export const userFromRow = (r: UserRow): User => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  unitId: r.unit_id,
  officerId: r.officer_id,
  locale: r.locale,
  active: r.active,
  createdAt: formatDate(new Date(r.created_at)),
});

export async function createUser(db: Pick<Queryable, 'query'>, input: NewUser): Promise<User> {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw new UserInputError('invalid_username', 'username: 2-64 letters, digits, ".", "_" or "-"');
  }
  if (!ROLES.includes(input.role)) throw new UserInputError('invalid_role', `role: one of ${ROLES.join(', ')}`);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new UserInputError('weak_password', `password: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (!input.unitId) throw new UserInputError('invalid_unit', 'unit: required');
  const existing = await db.query('SELECT 1 FROM users WHERE username = $1', [input.username]);
  if (existing.rows.length > 0) throw new UserInputError('username_taken', `username ${input.username} is taken`);
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (username, display_name, password_hash, role, unit_id, officer_id, locale)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${USER_COLUMNS}`,
    [
      input.username,
      input.displayName,
      await hashPassword(input.password),
      input.role,
      input.unitId,
      input.officerId ?? null,
      input.locale ?? 'zh-CN',
    ],
  );
  return userFromRow(rows[0]);
}

// Verified against when the username is unknown, so a miss costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

/** The active user with this username and password, or null. */
export async function verifyLogin(db: Pick<Queryable, 'query'>, username: string, password: string): Promise<User | null> {
  const { rows } = await db.query<UserRow & { password_hash: string | null }>(
    `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE username = $1`,
    [username],
  );
  const row = rows[0];
  if (!row?.password_hash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const ok = await verify(row.password_hash, password).catch(() => false);
  return ok && row.active ? userFromRow(row) : null;
}

export async function findUser(db: Pick<Queryable, 'query'>, by: { id: number } | { username: string }): Promise<User | null> {
  const [column, value] = 'id' in by ? ['id', by.id] : ['username', by.username];
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE ${column} = $1`, [value]);
  return rows[0] ? userFromRow(rows[0]) : null;
}

/** Users whose unit satisfies `scope` (a condition on `unit_id`, see org/scope.ts). */
export async function listUsers(
  db: Pick<Queryable, 'query'>,
  scope: { sql: string; params: unknown[] } = { sql: 'TRUE', params: [] },
): Promise<User[]> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE ${scope.sql} ORDER BY unit_id, username`,
    scope.params,
  );
  return rows.map(userFromRow);
}

/** The actor a request acts as once its session or token has been resolved to a user. */
export function actorForUser(user: User, kind: 'user' | 'token', from: { ip?: string; userAgent?: string; source?: string }): Actor {
  return {
    kind,
    userId: user.id,
    username: user.username,
    role: user.role,
    unitId: user.unitId,
    ip: from.ip,
    userAgent: from.userAgent,
    ...(from.source !== undefined ? { source: from.source } : {}),
  };
}
