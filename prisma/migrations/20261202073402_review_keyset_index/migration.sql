-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_status_id_idx" ON "SurveyResponse"("surveyId", "status", "id");

