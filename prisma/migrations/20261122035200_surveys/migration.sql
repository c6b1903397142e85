-- CreateTable
CREATE TABLE "Survey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "seriesCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "definition" TEXT NOT NULL,
    "opensOn" DATETIME,
    "closesOn" DATETIME,
    "previousWaveId" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Survey_previousWaveId_fkey" FOREIGN KEY ("previousWaveId") REFERENCES "Survey" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyVersion" (
    "surveyId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("surveyId", "version"),
    CONSTRAINT "SurveyVersion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyTarget" (
    "surveyId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "quota" INTEGER NOT NULL,

    PRIMARY KEY ("surveyId", "unitId"),
    CONSTRAINT "SurveyTarget_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyTarget_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clientUuid" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "collaboratorId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "ageBand" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "occupation" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_collaboratorId_fkey" FOREIGN KEY ("collaboratorId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "responseId" INTEGER NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "option" TEXT NOT NULL DEFAULT '',
    "num" REAL,
    "text" TEXT,

    PRIMARY KEY ("responseId", "question", "option"),
    CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyTally" (
    "surveyId" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "option" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "numSum" REAL NOT NULL DEFAULT 0,

    PRIMARY KEY ("surveyId", "question", "option", "unitId")
);

-- CreateTable
CREATE TABLE "SurveyUnitTally" (
    "surveyId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "counted" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("surveyId", "unitId")
);

-- CreateTable
CREATE TABLE "SurveyResponseEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "responseId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "comment" TEXT,
    "payload" TEXT,
    CONSTRAINT "SurveyResponseEvent_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Survey_code_key" ON "Survey"("code");

-- CreateIndex
CREATE INDEX "Survey_status_createdAt_idx" ON "Survey"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyTarget_unitId_idx" ON "SurveyTarget"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_clientUuid_key" ON "SurveyResponse"("clientUuid");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_status_unitId_idx" ON "SurveyResponse"("surveyId", "status", "unitId");

-- CreateIndex
CREATE INDEX "SurveyResponse_collaboratorId_submittedAt_idx" ON "SurveyResponse"("collaboratorId", "submittedAt");

-- CreateIndex
CREATE INDEX "SurveyAnswer_surveyId_question_option_num_idx" ON "SurveyAnswer"("surveyId", "question", "option", "num");

-- CreateIndex
CREATE INDEX "SurveyResponseEvent_responseId_idx" ON "SurveyResponseEvent"("responseId");

