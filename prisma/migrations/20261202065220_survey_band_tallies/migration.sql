-- CreateTable
CREATE TABLE "SurveyBandTally" (
    "surveyId" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "option" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "ageBand" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "occupation" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "numSum" REAL NOT NULL DEFAULT 0,

    PRIMARY KEY ("surveyId", "question", "option", "value", "ageBand", "gender", "occupation", "area")
);


-- Backfill: the same increments the write path makes (app/surveys/rows.ts: tallyRows, bandTallyRows)
-- for every counted questionnaire already stored. tests/unit/survey-band-tallies.test.ts runs this
-- statement again and compares it with the tallies the app keeps.
INSERT INTO "SurveyBandTally" ("surveyId", "question", "option", "value", "ageBand", "gender", "occupation", "area", "count", "numSum")
SELECT c."surveyId", c."question", c."option", c."value", c."ageBand", c."gender", c."occupation", c."area", SUM(c."count"), SUM(c."numSum")
FROM (
    -- Every answer row; a number's value keys its distribution.
    SELECT a."surveyId", a."question", a."option", CASE WHEN a."option" = '' THEN COALESCE(a."num", 0) ELSE 0 END AS "value",
        r."ageBand", r."gender", r."occupation", r."area", 1 AS "count", COALESCE(a."num", 0) AS "numSum"
    FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId"
    WHERE r."status" IN ('submitted', 'accepted')
    UNION ALL
    -- A question's n, where none of its rows has option "" itself (choices, ratings, matrix items).
    SELECT a."surveyId", a."question", '', 0, r."ageBand", r."gender", r."occupation", r."area", 1,
        CASE WHEN COUNT(*) = 1 THEN COALESCE(MAX(a."num"), 0) ELSE 0 END
    FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId"
    WHERE r."status" IN ('submitted', 'accepted')
    GROUP BY a."surveyId", a."responseId", a."question", r."ageBand", r."gender", r."occupation", r."area"
    HAVING SUM(CASE WHEN a."option" = '' THEN 1 ELSE 0 END) = 0
    UNION ALL
    -- The questionnaire itself, under question "".
    SELECT r."surveyId", '', '', 0, r."ageBand", r."gender", r."occupation", r."area", 1, 0
    FROM "SurveyResponse" r
    WHERE r."status" IN ('submitted', 'accepted')
) c
GROUP BY c."surveyId", c."question", c."option", c."value", c."ageBand", c."gender", c."occupation", c."area";
