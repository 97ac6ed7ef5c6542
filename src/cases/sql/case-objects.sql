-- The incidents, persons, items, documents and media of a case (its closure's anchored objects).
--   $1 text[] case ids, $2 text[] further incident ids (see closure.sql)
-- @include closure.sql
SELECT o.id, o.type
  FROM objects o
 WHERE o.id IN (SELECT id FROM anchored) AND o.type IN ('incident', 'person', 'item', 'document', 'media')
 ORDER BY o.type, o.id COLLATE "C"
