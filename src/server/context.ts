import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { Actor, Role } from '../org/actor.js';

/** One registered route, as the auth hook and the scope test see it. */
export interface RouteEntry {
  method: string;
  url: string;
  roles?: readonly Role[];
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    /** Every route registered so far (filled by an onRoute hook in buildApp). */
    routeTable: RouteEntry[];
    /** Tells the live rule engine that an import was accepted (a no-op until `serve` starts it). */
    rulesNudge: () => void;
  }
  interface FastifyRequest {
    /** Set by the auth hook for /api/v1 requests; null when unauthenticated. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Roles allowed on this route; every non-public /api/v1 route must name them. */
    roles?: readonly Role[];
    /** Reachable without a session (login). */
    public?: boolean;
  }
}

/** An error the client caused or may see; rendered as `{error: {code, message}}`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not_found', `${what} not found`);

/** The authenticated caller of a guarded route (the auth hook has already refused anonymous ones). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new HttpError(401, 'unauthenticated', 'login required');
  return req.actor;
}

/** Role sets shared by the routes. */
export const ANY_USER: readonly Role[] = ['admin', 'bureau_leader', 'legal_officer', 'unit_head', 'case_officer'];
export const AUDITORS: readonly Role[] = ['admin', 'legal_officer'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];
