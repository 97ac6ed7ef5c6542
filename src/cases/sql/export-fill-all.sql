-- The whole store (the local operator's export): every object by id, every event by time, id.
INSERT INTO export_objects (n, id)
SELECT row_number() OVER (ORDER BY id COLLATE "C"), id FROM objects;
INSERT INTO export_events (n, id)
SELECT row_number() OVER (ORDER BY time, id COLLATE "C"), id FROM events;
