-- CreateIndex
CREATE INDEX "SurveyResponse_collaboratorId_surveyId_status_idx" ON "SurveyResponse"("collaboratorId", "surveyId", "status");

