import type { Queryable } from '../db/database.js';
import type { Actor } from '../org/actor.js';

/**
 * The append-only audit log (who, what, when, from where). Every read of personal data — a
 * person record, an id number, a transcript, a case timeline naming persons — writes one row.
 * `detail` must name records, never copy personal values into the log.
 */
export interface AuditEntry {
  action: string; // e.g. 'person.read', 'case.timeline.read', 'export.case'
  resourceType?: string;
  resourceId?: string;
  detail?: Record<string, unknown>;
}

export async function audit(db: Pick<Queryable, 'query'>, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, username, role, action, resource_type, resource_id, detail, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actor.userId ?? null,
      actor.username,
      actor.role,
      entry.action,
      entry.resourceType ?? null,
      entry.resourceId ?? null,
      JSON.stringify(entry.detail ?? {}),
      actor.ip ?? null,
      actor.userAgent ?? null,
    ],
  );
}
