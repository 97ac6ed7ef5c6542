-- Area surveillance by room: every media `area_cctv` segment with an O2O `venue`, one row per
-- room, with the widest span any of its started_at / ended_at values gives (values the importer
-- validated as times with an offset). The rule engine's venue feed finds a room's segments near
-- a stay here with one index range (rules/store/doc-rows.ts) instead of probing every object
-- linked to the room; each import keeps it current (rules/store/groups.ts).
CREATE TABLE venue_surveillance (
  venue_id text NOT NULL,
  media_id text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  PRIMARY KEY (venue_id, started_at, media_id)
);
CREATE INDEX venue_surveillance_media_idx ON venue_surveillance (media_id);

INSERT INTO venue_surveillance (venue_id, media_id, started_at, ended_at)
SELECT r.target_id, m.id, s.t0, e.t1
  FROM objects m
  JOIN object_relationships r ON r.source_id = m.id AND r.qualifier = 'venue'
  CROSS JOIN LATERAL (SELECT min(a.value::timestamptz) AS t0 FROM object_attributes a WHERE a.object_id = m.id AND a.name = 'started_at') s
  CROSS JOIN LATERAL (SELECT max(a.value::timestamptz) AS t1 FROM object_attributes a WHERE a.object_id = m.id AND a.name = 'ended_at') e
 WHERE m.type = 'media' AND s.t0 IS NOT NULL AND e.t1 IS NOT NULL
   AND EXISTS (SELECT 1 FROM object_attributes k WHERE k.object_id = m.id AND k.name = 'kind' AND k.value = 'area_cctv');
