-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_id_idx" ON "SurveyResponse"("surveyId", "id");

