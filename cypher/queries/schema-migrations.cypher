// Which schema migrations ran, when, and how long they took.
MATCH (m:SchemaMigration)
RETURN m.version AS version, m.description AS description, m.appliedAt AS appliedAt,
       m.durationMs AS ms, m.checksum AS checksum
ORDER BY m.version;
