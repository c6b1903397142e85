-- CreateTable
CREATE TABLE "QuarterlyReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "quarterKey" INTEGER NOT NULL,
    "scopeUnitId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "assessment" TEXT NOT NULL DEFAULT '',
    "forecast" TEXT NOT NULL DEFAULT '',
    "recommendations" TEXT NOT NULL DEFAULT '',
    "nextTasks" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QuarterlyReport_scopeUnitId_fkey" FOREIGN KEY ("scopeUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuarterlyReport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuarterlyReportVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "publishedById" INTEGER NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    CONSTRAINT "QuarterlyReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "QuarterlyReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuarterlyReportVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpTask" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "task" TEXT NOT NULL,
    "responsibleUnitId" INTEGER NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUpTask_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "QuarterlyReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpTask_responsibleUnitId_fkey" FOREIGN KEY ("responsibleUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuarterlyReport_quarterKey_idx" ON "QuarterlyReport"("quarterKey");

-- CreateIndex
CREATE UNIQUE INDEX "QuarterlyReport_scopeUnitId_quarterKey_key" ON "QuarterlyReport"("scopeUnitId", "quarterKey");

-- CreateIndex
CREATE UNIQUE INDEX "QuarterlyReportVersion_reportId_version_key" ON "QuarterlyReportVersion"("reportId", "version");

-- CreateIndex
CREATE INDEX "FollowUpTask_reportId_dueOn_idx" ON "FollowUpTask"("reportId", "dueOn");

-- CreateIndex
CREATE INDEX "FollowUpTask_responsibleUnitId_idx" ON "FollowUpTask"("responsibleUnitId");

-- CreateIndex
CREATE INDEX "OpinionItem_quarterKey_topicId_prevalence_strength_areaUnitId_idx" ON "OpinionItem"("quarterKey", "topicId", "prevalence", "strength", "areaUnitId");

