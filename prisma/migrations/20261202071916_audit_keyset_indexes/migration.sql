-- DropIndex
DROP INDEX "AuditEntry_actorId_at_idx";

-- DropIndex
DROP INDEX "AuditEntry_entityType_entityId_idx";

-- DropIndex
DROP INDEX "AuditEntry_at_idx";

-- CreateIndex
CREATE INDEX "AuditEntry_at_id_idx" ON "AuditEntry"("at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_id_idx" ON "AuditEntry"("action", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_id_idx" ON "AuditEntry"("actorId", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_id_idx" ON "AuditEntry"("entityType", "entityId", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_at_id_idx" ON "AuditEntry"("entityType", "at", "id");

