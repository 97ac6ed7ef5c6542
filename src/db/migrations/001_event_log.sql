-- The object-centric event log (OCEL 2.0, shared/spec/interchange.md): objects with time-stamped
-- attribute history, qualified object-to-object relationships, events with qualified
-- event-to-object relationships, superseded event versions, and the imports that brought them.

CREATE TABLE imports (
  id            bigserial PRIMARY KEY,
  name          text NOT NULL,
  source        text,
  format        text NOT NULL,              -- jsonocel | jsonl
  status        text NOT NULL,              -- accepted | rejected
  counts        jsonb NOT NULL DEFAULT '{}',
  errors        jsonb NOT NULL DEFAULT '[]',
  actor         text,
  received_at   timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);

CREATE TABLE objects (
  id            text PRIMARY KEY,
  type          text NOT NULL,
  -- Derived, recomputed on import: the unit that owns the object (scope), and its anchors.
  unit_id       text,
  case_id       text,
  incident_id   text,
  first_import  bigint NOT NULL,
  last_import   bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX objects_type_idx ON objects (type);
CREATE INDEX objects_unit_idx ON objects (unit_id);
CREATE INDEX objects_case_idx ON objects (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX objects_incident_idx ON objects (incident_id) WHERE incident_id IS NOT NULL;

-- One row per (object, attribute, valid-from time). The value is kept as sent (as a string).
CREATE TABLE object_attributes (
  object_id     text NOT NULL,
  name          text NOT NULL,
  time          timestamptz NOT NULL,
  value         text NOT NULL,
  import_id     bigint NOT NULL,
  PRIMARY KEY (object_id, name, time)
);

-- A replaced (name, time) entry keeps its old value here (§3.2).
CREATE TABLE object_attribute_replacements (
  object_id     text NOT NULL,
  name          text NOT NULL,
  time          timestamptz NOT NULL,
  old_value     text NOT NULL,
  new_value     text NOT NULL,
  import_id     bigint NOT NULL,
  replaced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX object_attribute_replacements_object_idx ON object_attribute_replacements (object_id);

CREATE TABLE object_relationships (
  source_id     text NOT NULL,
  qualifier     text NOT NULL,
  target_id     text NOT NULL,
  import_id     bigint NOT NULL,
  PRIMARY KEY (source_id, qualifier, target_id)
);
CREATE INDEX object_relationships_target_idx ON object_relationships (target_id, qualifier);

-- The current version of every event. Attributes keep the sender's names and string values.
CREATE TABLE events (
  id            text PRIMARY KEY,
  type          text NOT NULL,
  time          timestamptz NOT NULL,
  attributes    jsonb NOT NULL DEFAULT '[]',
  revision      integer NOT NULL DEFAULT 0,
  void          boolean NOT NULL DEFAULT false,
  content_hash  text NOT NULL,
  source        text,
  import_id     bigint NOT NULL,
  received_at   timestamptz NOT NULL
);
CREATE INDEX events_time_idx ON events (time);

CREATE TABLE event_objects (
  event_id      text NOT NULL,
  object_id     text NOT NULL,
  qualifier     text NOT NULL
);
CREATE INDEX event_objects_event_idx ON event_objects (event_id);
CREATE INDEX event_objects_object_idx ON event_objects (object_id);

-- Every superseded version, whole, so nothing accepted is ever lost (§3.3).
CREATE TABLE event_versions (
  event_id      text NOT NULL,
  revision      integer NOT NULL,
  type          text NOT NULL,
  time          timestamptz NOT NULL,
  attributes    jsonb NOT NULL,
  relationships jsonb NOT NULL,
  void          boolean NOT NULL,
  content_hash  text NOT NULL,
  source        text,
  import_id     bigint NOT NULL,
  received_at   timestamptz NOT NULL,
  superseded_by_import bigint NOT NULL,
  superseded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_versions_event_idx ON event_versions (event_id);

-- Unit hierarchy as a closure table, rebuilt from unit objects' `parent` relationships.
CREATE TABLE unit_closure (
  ancestor_id   text NOT NULL,
  descendant_id text NOT NULL,
  depth         integer NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX unit_closure_descendant_idx ON unit_closure (descendant_id);
