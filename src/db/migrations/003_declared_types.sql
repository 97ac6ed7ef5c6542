-- Type declarations of imported .jsonocel logs, so that logs of other process-mining tools
-- (imported with the generic `ocel` profile) export with the types they were declared with.
CREATE TABLE declared_types (
  kind          text NOT NULL,            -- object | event
  type          text NOT NULL,
  PRIMARY KEY (kind, type)
);
CREATE TABLE declared_attributes (
  kind          text NOT NULL,
  type          text NOT NULL,
  name          text NOT NULL,
  attr_type     text NOT NULL,
  PRIMARY KEY (kind, type, name)
);
