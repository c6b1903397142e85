/**
 * Section 4's key questions: the secretariat chooses, per survey closed in the
 * report's quarter, which single-choice questions the report shows. The choice is stored on the
 * report (QuarterlyReport.keyQuestions, JSON survey code → question codes) and read by every
 * compilation of it; a published version keeps the questions it showed.
 */
import type { z } from "zod";
import type { Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { surveysClosedIn } from "./compile.server";
import { keyQuestionsOf, parseKeyQuestions, type KeyQuestions } from "./key-questions";
import type { keyQuestionsSchema } from "./report-schemas";
import { findReport } from "./reports.server";

/** For the editor: each survey closed in the quarter within the scope, its single-choice questions, which are key. */
export async function keyQuestionChoices(viewer: Viewer, id: number) {
  const report = await findReport(viewer, id);
  const choice = parseKeyQuestions(report.keyQuestions);
  const surveys = await surveysClosedIn(report.scopeUnit.path, report.quarterKey);
  return surveys.map((s) => {
    const key = new Set(keyQuestionsOf(choice, s.code, s.singleChoice.map((q) => q.code)));
    return { id: s.id, code: s.code, title: s.title, chosen: s.code in choice, questions: s.singleChoice.map((q) => ({ ...q, key: key.has(q.code) })) };
  });
}
export type KeyQuestionChoice = Awaited<ReturnType<typeof keyQuestionChoices>>[number];

/**
 * Stores the key questions of the surveys the form covered (others keep their choice). A survey
 * the report does not list, or a code that is not one of its single-choice questions, is refused
 * (400 on the form, nothing written).
 */
export async function saveKeyQuestions(viewer: Viewer, id: number, input: z.output<typeof keyQuestionsSchema>) {
  const report = await findReport(viewer, id);
  const listed = new Map((await surveysClosedIn(report.scopeUnit.path, report.quarterKey)).map((s) => [s.id, s]));
  const before = parseKeyQuestions(report.keyQuestions);
  const after: KeyQuestions = { ...before };
  for (const surveyId of new Set(input.survey)) {
    const survey = listed.get(surveyId);
    if (!survey) throw new FieldError("survey", "quarterly.errors.surveyNotListed");
    after[survey.code] = [];
  }
  for (const value of input.question) {
    const [surveyId, code] = value.split(":") as [string, string];
    const survey = listed.get(Number(surveyId));
    if (!survey || !input.survey.includes(survey.id) || !survey.singleChoice.some((q) => q.code === code)) throw new FieldError("question", "quarterly.errors.notKeyQuestion");
    after[survey.code]!.push(code);
  }
  // Kept in the survey's own order, so the stored choice reads like the questionnaire.
  for (const survey of listed.values()) if (after[survey.code]) after[survey.code] = keyQuestionsOf(after, survey.code, survey.singleChoice.map((q) => q.code));
  await db.$transaction(async (tx) => {
    await tx.quarterlyReport.update({ where: { id: report.id }, data: { keyQuestions: JSON.stringify(after) } });
    await recordAudit(tx, { actorId: viewer.id, action: "quarterly.keyQuestions", entityType: "QuarterlyReport", entityId: report.id, before, after });
  });
}
