-- Working sets of one export, numbered in output order so that pages are cheap keyset reads.
-- Temporary: they live in the export's transaction only.
CREATE TEMP TABLE export_objects (n bigint PRIMARY KEY, id text NOT NULL) ON COMMIT DROP;
CREATE INDEX export_objects_id_idx ON export_objects (id);
CREATE TEMP TABLE export_events (n bigint PRIMARY KEY, id text NOT NULL) ON COMMIT DROP;
