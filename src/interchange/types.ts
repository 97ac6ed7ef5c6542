/** Shapes of the interchange contract (OCEL 2.0 JSON, shared/spec/interchange.md §2). */

export interface OcelObjectAttribute {
  name: string;
  time: string;
  value: string;
}
export interface OcelEventAttribute {
  name: string;
  value: string;
}
export interface OcelRelationship {
  objectId: string;
  qualifier: string;
}
export interface OcelObject {
  id: string;
  type: string;
  attributes?: OcelObjectAttribute[];
  relationships?: OcelRelationship[];
}
export interface OcelEvent {
  id: string;
  type: string;
  time: string;
  attributes?: OcelEventAttribute[];
  relationships?: OcelRelationship[];
}
export interface OcelTypeDecl {
  name: string;
  attributes: { name: string; type: string }[];
}
export interface OcelLog {
  objectTypes: OcelTypeDecl[];
  eventTypes: OcelTypeDecl[];
  objects: OcelObject[];
  events: OcelEvent[];
}

export type ImportFormat = 'jsonocel' | 'jsonl';

/** Error codes of §11. */
export type ImportErrorCode =
  | 'malformed_json'
  | 'record_kind'
  | 'missing_field'
  | 'id_format'
  | 'unknown_type'
  | 'type_not_declared'
  | 'declaration_mismatch'
  | 'unknown_attribute'
  | 'missing_attribute'
  | 'attribute_type'
  | 'enum_value'
  | 'time_without_offset'
  | 'invalid_time'
  | 'future_time'
  | 'unknown_qualifier'
  | 'missing_relationship'
  | 'relationship_cardinality'
  | 'relationship_target_type'
  | 'unknown_object'
  | 'object_type_conflict'
  | 'duplicate_conflict'
  | 'stale_revision'
  | 'duplicate_in_batch'
  | 'import_too_large'
  /** Platform rule, not a contract code: the importing account may not write this unit's data. */
  | 'out_of_scope';

export interface ImportError {
  /** 1-based line (`.jsonl`). */
  line?: number;
  /** `objects[3]` / `events[9]` (`.jsonocel`). */
  record?: string;
  kind?: 'object' | 'event' | 'file';
  id?: string;
  /** JSON Pointer into the record (`/event/time`, `/events/9/time`). */
  field?: string;
  code: ImportErrorCode;
  reason: string;
}

export interface ImportCounts {
  objects: number;
  events: number;
  objects_new?: number;
  objects_updated?: number;
  events_new?: number;
  events_unchanged?: number;
  events_superseded?: number;
}

export interface ImportReport {
  import: string;
  importId?: number;
  status: 'accepted' | 'rejected';
  counts: ImportCounts;
  errors: ImportError[];
  /** Errors beyond the reported maximum (§11: up to 1,000). */
  errorsTruncated?: number;
}

/**
 * `shuju` (default) validates against the Shuju registry (§6–§8); `ocel` accepts any OCEL 2.0 log
 * whose types are declared, for logs from other process-mining tools (e.g. the standard example).
 */
export type ImportProfile = 'shuju' | 'ocel';

export interface ImportOptions {
  /** Registered source name (X-Source header, file-name prefix). */
  source?: string;
  /** Who imported: username or token name, recorded on the import. */
  actor?: string;
  profile?: ImportProfile;
  /** Receipt instant; `future_time` is judged against it (default: now). */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
  /** Size limit for the whole import in bytes (default 256 MiB for files, §2.1). */
  maxBytes?: number;
  /**
   * Units whose data this import may create or change (the importing account's scope); absent =
   * any (the local operator, the demo). Cases, incidents, persons, items, documents and media of
   * other units may be neither written nor named by its events.
   */
  scopeUnitIds?: ReadonlySet<string>;
  /**
   * Mark the evaluation groups the import touched for the rule engine (default true). Off only
   * in benchmarks that measure ingest without rules; `shuju rules reevaluate` catches up.
   */
  rules?: boolean;
}
