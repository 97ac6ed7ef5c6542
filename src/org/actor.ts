/** Who is asking: a logged-in user, a source system's API token, or the local CLI operator. */

export const ROLES = [
  'admin', // system administrator: accounts, tokens, settings; city-wide scope
  'bureau_leader', // 局长 / 分管领导
  'legal_officer', // 法制民警 / 法制员
  'unit_head', // 所长 / 大队长
  'case_officer', // 主办民警
  'ingest_client', // source system: may only deliver data
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  kind: 'user' | 'token' | 'cli';
  userId?: number;
  username: string;
  role: Role;
  /** Root of the caller's scope; null = the whole store (local CLI operator only). */
  unitId: string | null;
  ip?: string;
  userAgent?: string;
  /** Registered source system an API token delivers for (`X-Source`, interchange §2.3). */
  source?: string;
}

/** Roles that may see [S] personal fields unmasked inside their scope (each read audited). */
const PERSONAL_DATA_ROLES: ReadonlySet<Role> = new Set(['bureau_leader', 'legal_officer', 'unit_head', 'case_officer']);

export const canReadPersonalData = (a: Actor): boolean => a.kind === 'cli' || PERSONAL_DATA_ROLES.has(a.role);

export const cliOperator = (username: string): Actor => ({ kind: 'cli', username, role: 'admin', unitId: null });
