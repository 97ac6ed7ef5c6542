-- A case's linked incidents, as the rule engine's page statement asks for them (store/doc-rows.ts):
-- without this index every page of groups scanned the whole table (5.6 of 50 ms a page of 500
-- incident groups with 69,000 links stored, and growing with the store).
CREATE INDEX incident_cases_case_idx ON incident_cases (case_id);
