-- DropIndex
DROP INDEX "SurveyResponse_surveyId_status_unitId_idx";

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_unitId_status_ageBand_gender_occupation_area_idx" ON "SurveyResponse"("surveyId", "unitId", "status", "ageBand", "gender", "occupation", "area");

