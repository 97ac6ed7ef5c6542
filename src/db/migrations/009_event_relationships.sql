-- Each event's relationships (E2O) beside the event, as sent: [[qualifier, object id], …] in the
-- record's order. The rule engine reads a group's events with one look-up each instead of two
-- (src/rules/store/doc-rows.ts: a fifth of a page statement); event_objects stays the index by object
-- and by qualifier. Both are written from the same record in the same transaction. `json`, not
-- `jsonb`: kept as written (order and all), checked but not converted on the way in or out — the
-- importer writes it for every event (jsonb cost it 1 s per 258,000 events, json a third of that).
ALTER TABLE events ADD COLUMN relationships json;
UPDATE events e SET relationships = COALESCE(
  (SELECT json_agg(json_build_array(eo.qualifier, eo.object_id) ORDER BY eo.ctid) FROM event_objects eo WHERE eo.event_id = e.id), '[]');
ALTER TABLE events ALTER COLUMN relationships SET NOT NULL;
