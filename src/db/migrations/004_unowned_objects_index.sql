-- Objects an import created before their owner was known (their anchor came later in the same
-- file) are settled at the end of that import; this small partial index finds them.
CREATE INDEX objects_unowned_idx ON objects (first_import) WHERE unit_id IS NULL;
