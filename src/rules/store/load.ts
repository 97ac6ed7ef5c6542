import type { Queryable } from '../../db/database.js';
import type { Obj, Snapshot } from '../engine/snapshot.js';
import { objectsOf, PAGE_SQL, REFERENCE_SQL, REFERENCE_TYPES, VENUE_SQL } from './doc-rows.js';
import { pageSnapshots, type PageDocs, readPage } from './page.js';
import { type VenueDoc, VenueFeed, type VenueWindow, venueParams } from './venue-events.js';

/**
 * Loads groups as they stood at T (§13): the events of each group with time ≤ T in their current
 * revision, void ones left out; the objects they concern with attribute history and O2O
 * relationships; reference data (units, officers, venues) once; and, for groups with
 * case-handling-area records, the events and surveillance of the rooms they used (`venue-events.ts`).
 *
 * A page of groups costs one statement (two with area records), answered as JSON documents
 * (`doc-rows.ts`) — the loader, not the rules, was most of a full re-evaluation's time when it
 * sent eight queries a batch and parsed every row field by field.
 */

/** Reference data as loaded after a given import (any import may bring units, officers, venues). */
interface ReferenceCache {
  afterImport?: number;
  data?: Promise<Map<string, Obj>>;
}

export class SnapshotLoader {
  constructor(
    private readonly db: Queryable,
    private readonly cache: ReferenceCache = {},
  ) {}

  /** The same loader on another connection or transaction, sharing the reference data. */
  on(db: Queryable): SnapshotLoader {
    return new SnapshotLoader(db, this.cache);
  }

  /** Units, officers and venues (shared by every group; reloaded after a new import). */
  referenceData(afterImport?: number): Promise<Map<string, Obj>> {
    if (!this.cache.data || (afterImport !== undefined && afterImport !== this.cache.afterImport)) {
      this.cache.afterImport = afterImport;
      this.cache.data = this.referenceDoc().then(objectsOf);
    }
    return this.cache.data;
  }

  /** The reference data as a document (for evaluation workers, which parse it themselves). */
  async referenceDoc(): Promise<unknown> {
    const { rows } = await this.db.query<{ doc: unknown }>(REFERENCE_SQL, [REFERENCE_TYPES]);
    return rows[0]?.doc ?? null;
  }

  /**
   * For the rest of the caller's transaction (a no-op outside one): no JIT — the page statements
   * cost enough for PostgreSQL to compile them, which takes longer than running them — no
   * Memoize (every look-up key of a page is distinct: the caches never hit and cost 4 %), and room
   * to deduplicate a page's objects in memory rather than in temporary files (the default
   * work_mem is 4 MB). Returns the last import, which tells whether reference data is current.
   */
  private async session(): Promise<number> {
    const { rows } = await this.db.query<{ last_import: number | null }>(
      `SELECT set_config('jit', 'off', true), set_config('enable_memoize', 'off', true), set_config('work_mem', '64MB', true),
              (SELECT max(id) FROM imports) AS last_import`);
    return Number(rows[0]?.last_import ?? 0);
  }

  /** The documents of a page of groups (PAGE_SQL), and the last import. */
  async pageDocs(groupIds: string[], asOf: Date): Promise<PageDocs & { lastImport: number }> {
    const lastImport = await this.session();
    const { rows } = await this.db.query<PageDocs>(PAGE_SQL, [groupIds, asOf.toISOString(), REFERENCE_TYPES]);
    return { events: rows[0]?.events ?? null, objects: rows[0]?.objects ?? null, lastImport };
  }

  /** The venue events and surveillance the windows ask for, as documents (null: none). */
  async venueDoc(windows: Map<string, VenueWindow>): Promise<VenueDoc> {
    const params = venueParams(windows);
    if (!params) return null;
    await this.session();
    const { rows } = await this.db.query<{ events: unknown; media: unknown }>(VENUE_SQL, params);
    return { events: rows[0]?.events ?? null, media: rows[0]?.media ?? null };
  }

  /** Snapshots of the given groups as of T ('none' and venue groups yield nothing of their own). */
  async load(groupIds: string[], asOf: Date): Promise<Snapshot[]> {
    const ids = ownGroups(groupIds);
    if (ids.length === 0) return [];
    const docs = await this.pageDocs(ids, asOf);
    const reference = await this.referenceData(docs.lastImport);
    const page = readPage(ids, asOf, docs);
    return pageSnapshots(page, reference, new VenueFeed(await this.venueDoc(page.windows), asOf));
  }
}

/** The groups that have snapshots of their own ('none' and venue groups have not). */
export const ownGroups = (groupIds: string[]): string[] => groupIds.filter((g) => g !== 'none' && !g.startsWith('venue:'));
