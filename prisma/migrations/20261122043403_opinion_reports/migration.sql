-- CreateTable
CREATE TABLE "Topic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "SocialGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "quarterKey" INTEGER NOT NULL,
    "cutoffDay" INTEGER NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open'
);

-- CreateTable
CREATE TABLE "ReportExpectation" (
    "periodId" INTEGER NOT NULL,
    "collaboratorId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'missing',

    PRIMARY KEY ("periodId", "collaboratorId"),
    CONSTRAINT "ReportExpectation_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportExpectation_collaboratorId_fkey" FOREIGN KEY ("collaboratorId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReportExpectation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL DEFAULT 'monthly',
    "monthlyKey" TEXT,
    "clientUuid" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "periodId" INTEGER NOT NULL,
    "collaboratorId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "quality" TEXT,
    "returnComment" TEXT,
    "timeliness" TEXT NOT NULL,
    "personalDataConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "firstSubmittedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "reviewedAt" DATETIME,
    "reviewerId" INTEGER,
    CONSTRAINT "OpinionReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OpinionReport_collaboratorId_fkey" FOREIGN KEY ("collaboratorId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OpinionReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OpinionReport_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "periodId" INTEGER NOT NULL,
    "quarterKey" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "areaUnitId" INTEGER NOT NULL,
    "direction" TEXT NOT NULL,
    "strength" TEXT NOT NULL,
    "prevalence" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "proposal" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OpinionItem_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "OpinionReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpinionItem_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OpinionItem_areaUnitId_fkey" FOREIGN KEY ("areaUnitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionItemGroup" (
    "itemId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,

    PRIMARY KEY ("itemId", "groupId"),
    CONSTRAINT "OpinionItemGroup_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "OpinionItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpinionItemGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "SocialGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "comment" TEXT,
    "snapshot" TEXT,
    CONSTRAINT "ReportEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "OpinionReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER,
    "agencyId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "forwardedOn" DATETIME NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'forwarded',
    "answerText" TEXT,
    "answeredOn" DATETIME,
    "closedOn" DATETIME,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Proposal_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "OpinionItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnitCollaboratorTarget" (
    "unitId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "target" INTEGER NOT NULL,
    CONSTRAINT "UnitCollaboratorTarget_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Topic_code_key" ON "Topic"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SocialGroup_code_key" ON "SocialGroup"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE INDEX "ReportingPeriod_quarterKey_idx" ON "ReportingPeriod"("quarterKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_year_month_key" ON "ReportingPeriod"("year", "month");

-- CreateIndex
CREATE INDEX "ReportExpectation_periodId_unitId_outcome_idx" ON "ReportExpectation"("periodId", "unitId", "outcome");

-- CreateIndex
CREATE INDEX "ReportExpectation_collaboratorId_idx" ON "ReportExpectation"("collaboratorId");

-- CreateIndex
CREATE UNIQUE INDEX "OpinionReport_monthlyKey_key" ON "OpinionReport"("monthlyKey");

-- CreateIndex
CREATE UNIQUE INDEX "OpinionReport_clientUuid_key" ON "OpinionReport"("clientUuid");

-- CreateIndex
CREATE INDEX "OpinionReport_periodId_collaboratorId_idx" ON "OpinionReport"("periodId", "collaboratorId");

-- CreateIndex
CREATE INDEX "OpinionReport_status_submittedAt_idx" ON "OpinionReport"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "OpinionReport_collaboratorId_periodId_idx" ON "OpinionReport"("collaboratorId", "periodId");

-- CreateIndex
CREATE INDEX "OpinionReport_unitId_idx" ON "OpinionReport"("unitId");

-- CreateIndex
CREATE INDEX "OpinionItem_quarterKey_topicId_direction_areaUnitId_idx" ON "OpinionItem"("quarterKey", "topicId", "direction", "areaUnitId");

-- CreateIndex
CREATE INDEX "OpinionItem_topicId_quarterKey_direction_idx" ON "OpinionItem"("topicId", "quarterKey", "direction");

-- CreateIndex
CREATE INDEX "OpinionItem_reportId_position_idx" ON "OpinionItem"("reportId", "position");

-- CreateIndex
CREATE INDEX "OpinionItem_urgent_createdAt_idx" ON "OpinionItem"("urgent", "createdAt");

-- CreateIndex
CREATE INDEX "OpinionItemGroup_groupId_idx" ON "OpinionItemGroup"("groupId");

-- CreateIndex
CREATE INDEX "ReportEvent_reportId_at_idx" ON "ReportEvent"("reportId", "at");

-- CreateIndex
CREATE INDEX "Proposal_agencyId_forwardedOn_idx" ON "Proposal"("agencyId", "forwardedOn");

-- CreateIndex
CREATE INDEX "Proposal_status_dueOn_idx" ON "Proposal"("status", "dueOn");

-- CreateIndex
CREATE INDEX "Proposal_unitId_idx" ON "Proposal"("unitId");

-- CreateIndex
CREATE INDEX "Proposal_itemId_idx" ON "Proposal"("itemId");

