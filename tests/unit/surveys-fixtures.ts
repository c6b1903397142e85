// A small published survey in the test's own database, assigned to two communes.
import crypto from "node:crypto";
import { db } from "~/db/db.server";
import type { SurveyDefinition } from "~/surveys/definition";
import { SAMPLE } from "../fixtures/survey-definitions";
import { addUnit, day, realViewerAt } from "./fixtures";

export { SAMPLE };

export const BANDS_A = { ageBand: "30-44", gender: "female", occupation: "farmer", area: "rural" } as const;

export async function publishedSurvey(def: SurveyDefinition = SAMPLE) {
  const province = await addUnit(null, "P", "Tỉnh", "province");
  const x1 = await addUnit(province, "P.X1", "Xã Một");
  const x2 = await addUnit(province, "P.X2", "Xã Hai");
  const other = await addUnit(province, "P.X3", "Xã Ba");
  const secretary = await realViewerAt(province, "thuky", "secretariat");
  const ctv1 = await realViewerAt(x1, "ctv1", "collaborator");
  const ctv2 = await realViewerAt(x2, "ctv2", "collaborator");
  const ctv3 = await realViewerAt(other, "ctv3", "collaborator");
  const survey = await db.survey.create({
    data: {
      code: "KS1",
      seriesCode: "KS",
      title: def.title,
      period: "2026-Q2",
      status: "published",
      definition: JSON.stringify(def),
      opensOn: day("2020-01-01"),
      closesOn: day("2099-12-31"),
      createdById: secretary.id,
      versions: { create: { version: 1, definition: JSON.stringify(def) } },
      targets: { create: [{ unitId: x1.id, quota: 10 }, { unitId: x2.id, quota: 20 }] },
    },
  });
  return { province, x1, x2, other, secretary, ctv1, ctv2, ctv3, survey };
}

export const uuid = () => crypto.randomUUID();

export function body(surveyId: number, answers: Record<string, unknown>, id: string = uuid(), extra: Record<string, unknown> = {}) {
  return { uuid: id, surveyId, version: 1, bands: BANDS_A, answers, ...extra };
}
