-- The audit log is append-only: the database itself refuses to change or delete an entry, so no
-- code path (nor a careless script) can rewrite history. PostgreSQL equivalent: a BEFORE UPDATE OR
-- DELETE trigger that raises an exception.
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
BEGIN
  SELECT RAISE(ABORT, 'AuditEntry is append-only');
END;

CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry"
BEGIN
  SELECT RAISE(ABORT, 'AuditEntry is append-only');
END;
