// One guard on every free-text field a person types (docs/decisions/0015): each field refuses every
// positive of the corpus unless confirmed, and accepts every negative.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { PERSONAL_DATA_REFUSED } from "~/forms/personal-data";
import { reportContentSchema, reviewReportSchema } from "~/opinion-reports/report-schemas";
import { fileReport, reviewReport } from "~/opinion-reports/reports.server";
import { answerProposalSchema, createProposalSchema } from "~/proposals/proposal-schemas";
import { storeSubmission } from "~/surveys/storage.server";
import { reviewSchema } from "~/surveys/survey-schemas";
import { catchError, thrownBody, thrownStatus } from "./fixtures";
import { NEGATIVES, POSITIVES } from "./fixtures/personal-data-corpus";
import { content, reportingWorld } from "./report-fixtures";
import { body, publishedSurvey, uuid } from "./surveys-fixtures";

const POSITIVE_TEXTS = POSITIVES.map(([text]) => text);
const NEGATIVE_TEXTS = NEGATIVES.filter(Boolean);

/** Posts a form like the browser does (Conform parses FormData with the shared schema). */
function postForm(schema: Parameters<typeof parseWithZod>[1]["schema"], fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return parseWithZod(form, { schema });
}

type FormCase = { name: string; schema: Parameters<typeof parseWithZod>[1]["schema"]; field: string; base: Record<string, string> };
const FORM_FIELDS: FormCase[] = [
  { name: "report return comment", schema: reviewReportSchema, field: "comment", base: { intent: "return" } },
  {
    name: "proposal title",
    schema: createProposalSchema,
    field: "title",
    base: { intent: "create", agencyCode: "SO.YT", unitCode: "T.A", content: "Đề nghị kiểm tra giá điện", forwardedOn: "2026-03-01", dueOn: "2026-04-01" },
  },
  {
    name: "proposal content",
    schema: createProposalSchema,
    field: "content",
    base: { intent: "create", agencyCode: "SO.YT", unitCode: "T.A", title: "Giá điện", forwardedOn: "2026-03-01", dueOn: "2026-04-01" },
  },
  { name: "agency's answer", schema: answerProposalSchema, field: "answerText", base: { intent: "answer", answeredOn: "2026-03-10" } },
  { name: "questionnaire return comment", schema: reviewSchema, field: "comment", base: { intent: "return" } },
];

describe.each(FORM_FIELDS)("the $name", ({ schema, field, base }) => {
  it("refuses every positive of the corpus without the confirmation, on that field", () => {
    for (const text of POSITIVE_TEXTS) {
      const result = postForm(schema, { ...base, [field]: text.slice(0, 200) });
      expect(result.status, text).toBe("error");
      expect(result.reply().error?.[field], text).toEqual([PERSONAL_DATA_REFUSED]);
    }
  });

  it("accepts every negative", () => {
    for (const text of NEGATIVE_TEXTS) expect(postForm(schema, { ...base, [field]: text }).status, text).toBe("success");
  });

  it("accepts flagged text the person confirmed (the checkbox)", () => {
    const result = postForm(schema, { ...base, [field]: "Ông Nguyễn Văn An, 0912 345 678", confirmNoPersonalData: "on" });
    expect(result.status).toBe("success");
  });
});

describe("the questionnaire's per-question return comments", () => {
  it("are refused with a flagged text unless confirmed", () => {
    const questionComments = JSON.stringify({ Q3: "gọi anh An 0912  345  678" });
    expect(postForm(reviewSchema, { intent: "return", comment: "Bổ sung", questionComments }).reply().error?.questionComments).toEqual([PERSONAL_DATA_REFUSED]);
    expect(postForm(reviewSchema, { intent: "return", comment: "Bổ sung", questionComments, confirmNoPersonalData: "on" }).status).toBe("success");
  });
});

describe("the report (items and note)", () => {
  it.each(["title", "summary", "proposal"] as const)("refuses every positive in an item's %s, accepts every negative", (field) => {
    for (const text of POSITIVE_TEXTS) {
      const result = reportContentSchema.safeParse(content({ [field]: text.slice(0, 200) }));
      expect(result.error?.issues.map((i) => i.path.join(".")), text).toEqual([`items.0.${field}`]);
    }
    for (const text of NEGATIVE_TEXTS) expect(reportContentSchema.safeParse(content({ [field]: text })).success, text).toBe(true);
  });

  it("refuses every positive in the note, accepts every negative", () => {
    for (const text of POSITIVE_TEXTS) expect(reportContentSchema.safeParse(content({}, { note: text })).error?.issues[0]?.path, text).toEqual(["note"]);
    for (const text of NEGATIVE_TEXTS) expect(reportContentSchema.safeParse(content({}, { note: text })).success, text).toBe(true);
  });

  it("stores the issue's missed forms only when confirmed, and records the confirmation", async () => {
    const w = await reportingWorld();
    const missed = ["Ông Nguyễn Văn An", "0912  345  678", "0 9 1 2 3 4 5 6 7 8", "0912_345_678", "０９１２３４５６７８", "0012 3456 7890", "001234 567890", "an (at) gmail.com", "số 12 đường Lê Lợi", "nhà 45/3 ngõ 7 phố Hàng Bạc"];
    for (const text of missed) expect(reportContentSchema.safeParse(content({ summary: text })).success, text).toBe(false);
    const { id } = await fileReport(w.collaborator, w.period.id, { clientUuid: uuid(), payload: content({ summary: missed[0]! }, { confirmNoPersonalData: true }) }, new Date(), "fast");
    expect((await db.opinionReport.findUniqueOrThrow({ where: { id } })).personalDataConfirmed).toBe(true);
  });

  it("records a confirmed return comment in the audit entry", async () => {
    const w = await reportingWorld();
    const { id } = await fileReport(w.collaborator, w.period.id, { clientUuid: uuid(), payload: content() });
    await reviewReport(w.secretariat, id, { intent: "return", comment: "Hỏi lại chị Trần Thị Lan", confirmNoPersonalData: true });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "report.return" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ personalDataConfirmed: true });
  });
});

describe("survey free-text answers (the JSON API's write path)", () => {
  const answers = (text: string) => ({ Q1: "Q1_3", Q3: text, Q4: 3 });

  it("refuses a flagged answer without the draft's confirmation: 400, the question marked, nothing stored", async () => {
    const { survey, ctv1 } = await publishedSurvey();
    for (const text of POSITIVE_TEXTS) {
      const error = await catchError(storeSubmission(ctv1, body(survey.id, answers(text.slice(0, 300)))));
      expect(thrownStatus(error), text).toBe(400);
      expect(thrownBody(error)?.errors, text).toEqual({ Q3: [PERSONAL_DATA_REFUSED] });
    }
    expect(await db.surveyResponse.count()).toBe(0);
  });

  it("stores every negative, and a flagged answer the collaborator confirmed (recorded in the audit entry)", async () => {
    const { survey, ctv1 } = await publishedSurvey();
    for (const text of NEGATIVE_TEXTS) expect((await storeSubmission(ctv1, body(survey.id, answers(text)))).status, text).toBe(201);
    const confirmed = await storeSubmission(ctv1, body(survey.id, answers("gọi 0912 345 678"), uuid(), { confirmNoPersonalData: true }));
    expect(confirmed.status).toBe(201);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: String(confirmed.responseId), action: "survey.response.submit" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ personalDataConfirmed: true });
  });
});
