-- Each event's time beside its group (src/rules/store/groups.ts keeps it), so that the events of
-- a room within a window — the venue feed of an area stay — and a group's events up to T are an
-- index range instead of every event the group or room ever had (a busy room has thousands a year).
ALTER TABLE event_groups ADD COLUMN time timestamptz;
UPDATE event_groups g SET time = e.time FROM events e WHERE e.id = g.event_id;
DELETE FROM event_groups WHERE time IS NULL;
ALTER TABLE event_groups ALTER COLUMN time SET NOT NULL;
DROP INDEX event_groups_group_idx;
CREATE INDEX event_groups_group_time_idx ON event_groups (group_id, time);
