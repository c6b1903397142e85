// One source for the survey lifecycle (the server's status change, the form's intents and the
// page's buttons), and the gate's "any of these capabilities" check.
import { describe, expect, it } from "vitest";
import { requireAnyCapability, requireCapability } from "~/access/gate.server";
import { startSession } from "~/auth/session.server";
import { stepsFrom, SURVEY_STATUSES, SURVEY_STEP_NAMES, SURVEY_STEPS } from "~/surveys/lifecycle";
import { lifecycleSchema } from "~/surveys/survey-schemas";
import { addAccount, addUnit, catchError, thrownStatus } from "./fixtures";

async function requestAs(accountId: number) {
  const cookie = (await startSession(accountId)).split(";")[0]!;
  return new Request("http://localhost/somewhere", { headers: { Cookie: cookie } });
}

describe("the survey lifecycle table", () => {
  it("offers each status's steps in the page's order, and the schema accepts exactly the steps", () => {
    expect(Object.fromEntries(SURVEY_STATUSES.map((s) => [s, stepsFrom(s)]))).toEqual({
      draft: ["publish"],
      published: ["close"],
      closed: ["reopen", "archive"],
      archived: [],
    });
    for (const step of SURVEY_STEP_NAMES) expect(lifecycleSchema.safeParse({ intent: step }).success).toBe(true);
    expect(lifecycleSchema.safeParse({ intent: "delete" }).success).toBe(false);
    expect(SURVEY_STEPS.reopen).toEqual({ from: "closed", to: "published" });
  });
});

describe("requireAnyCapability", () => {
  it("lets in a viewer holding one of the capabilities and answers 404 to the others", async () => {
    const province = await addUnit(null, "P", "Tỉnh", "province");
    const collaborator = await addAccount(province, "ctv", "collaborator");
    const official = await addAccount(province, "lanhdao", "official");
    expect((await requireAnyCapability(await requestAs(collaborator.id), "reviewSurveys", "enterSurveys")).id).toBe(collaborator.id);
    expect(thrownStatus(await catchError(requireAnyCapability(await requestAs(official.id), "reviewSurveys", "enterSurveys")))).toBe(404);
    expect((await requireCapability(await requestAs(official.id), "readSurveyResults")).role).toBe("official");
  });
});
