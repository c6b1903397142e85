-- Section 4's key questions per report (issue 11): survey code -> question codes, as JSON text.
ALTER TABLE "QuarterlyReport" ADD COLUMN "keyQuestions" TEXT NOT NULL DEFAULT '{}';
