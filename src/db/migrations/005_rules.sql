-- The rule engine's state (issue 3). Everything here is derived from the event log and can be
-- rebuilt from it (`shuju rules reevaluate`), except the alerts' history (raised/retracted records
-- are kept for the audit trail).

-- The evaluation group of every event: the case it belongs to (directly, through its incident,
-- or through the person/item/document/media it concerns), else its incident, else the venue it
-- observes (area snapshots, officers' positions). Rules evaluate one group at a time.
CREATE TABLE event_groups (
  event_id      text PRIMARY KEY,
  group_id      text NOT NULL
);
CREATE INDEX event_groups_group_idx ON event_groups (group_id);

-- Incident → case (from case.accepted), so an incident's events join its case's group.
CREATE TABLE incident_cases (
  incident_id   text PRIMARY KEY,
  case_id       text NOT NULL
);

-- Groups whose events changed and that the rule worker must re-evaluate. Written in the import's
-- transaction, so an accepted import is never left unevaluated (a crash leaves rows here).
CREATE TABLE rule_dirty_groups (
  group_id      text PRIMARY KEY,
  marked_at     timestamptz NOT NULL DEFAULT now()
);

-- Pending deadlines: the next instant at which a group's state changes by time alone (a warning
-- point or a deadline). Claimed with FOR UPDATE SKIP LOCKED, so several workers share it.
CREATE TABLE rule_deadlines (
  id            text PRIMARY KEY,          -- alert id + ':' + kind
  group_id      text NOT NULL,
  alert_id      text NOT NULL,
  rule_id       text NOT NULL,
  kind          text NOT NULL,             -- warn | due
  fire_at       timestamptz NOT NULL,
  due_at        timestamptz NOT NULL
);
CREATE INDEX rule_deadlines_fire_idx ON rule_deadlines (fire_at);
CREATE INDEX rule_deadlines_group_idx ON rule_deadlines (group_id);

-- Alerts as the live engine raised them. Never deleted: an alert whose facts disappear becomes
-- `retracted`; late compliance makes it `complied_late`; a warning complied in time `resolved`.
CREATE TABLE rule_alerts (
  id            text PRIMARY KEY,
  group_id      text NOT NULL,
  rule_id       text NOT NULL,
  rule_version  integer NOT NULL,
  level         text NOT NULL,             -- warning | overdue | violation
  status        text NOT NULL,             -- open | resolved | complied_late | retracted
  severity      text NOT NULL,             -- S1..S4
  subject_type  text NOT NULL,
  subject_id    text NOT NULL,
  case_id       text,
  incident_id   text,
  unit_id       text,
  trigger_event_id text NOT NULL,
  evidence_event_ids jsonb NOT NULL DEFAULT '[]',
  due_at        timestamptz,
  raised_at     timestamptz NOT NULL,
  resolved_at   timestamptz,
  computation   jsonb,
  basis         jsonb NOT NULL,
  message_zh    text NOT NULL,
  message_en    text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rule_alerts_group_idx ON rule_alerts (group_id);
CREATE INDEX rule_alerts_unit_idx ON rule_alerts (unit_id, status);
CREATE INDEX rule_alerts_case_idx ON rule_alerts (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX rule_alerts_rule_idx ON rule_alerts (rule_id, raised_at);
