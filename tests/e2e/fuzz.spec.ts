// A small, seeded fuzz run: the submission API the field form posts JSON to, the
// report filing form, and a few secretariat forms. Every case starts from a valid payload and
// applies at least one mutation that makes it invalid (wrong types, huge strings, unicode, missing
// or extra fields, negative and huge numbers, bad UUIDs, nested junk, invalid JSON, the wrong
// content type). Every answer must be a 4xx — never a 5xx, never a success — and no row may be
// written. FUZZ_SEED=<n> replays another run; a failure message names the seed and the case.
//
// Not in this corpus, and why:
// - a UUID in upper case is a valid spelling of the same UUID (lower-cased at the boundary), not a
//   bad input: tests/unit/submission-idempotency.test.ts holds it to one row;
// - `redirectTo` on /login and /set-language: tests/unit/utils.test.ts and
//   tests/e2e/auth-hardening.spec.ts cover tabs, newlines and foreign origins.
import { expect, test, type PlaywrightWorkerArgs } from "./test";
import { queryOne } from "./support";
import { accountOf, count, inBatches, mulberry32, openSession, ORIGIN, uuidFrom, type Rng, type Session } from "./matrix-support";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_010);
/** Accounts no other test uses, so row counts are theirs alone even when specs run in parallel. */
const FIELD_ACCOUNT = "ctv.x005.1";
const OFFICE_ACCOUNT = "thuky2";

type Body = { data: string; contentType: string } | { form: Record<string, string | string[]> };
type Case = { label: string; url: string; body: Body };

// ── Junk ────────────────────────────────────────────────────────────────────────────────────────
const UNICODE = ["Ｑ１", "nữ", "\u200b", "\u202eevil", "💥", "\u0000", "ゝ", "Ǆ", "\ud800", "İ", "ﬀ", "𝒬1_1", "🇻🇳"];
const huge = (rng: Rng) => "Ж".repeat(rng.pick([5_000, 70_000, 300_000]));
const junkValue = (rng: Rng, depth = 0): unknown => {
  const kinds = depth > 3 ? 6 : 9;
  switch (rng.int(0, kinds - 1)) {
    case 0: return null;
    case 1: return rng.pick([-1, 0, 1.5, 1e308, -1e308, 2 ** 53 + 2, 2_147_483_648]);
    case 2: return rng.pick(UNICODE);
    case 3: return rng.pick([true, false]);
    case 4: return "";
    case 5: return rng.pick(["__proto__", "constructor", "toString", "<script>alert(1)</script>", "' OR 1=1 --", "=HYPERLINK(\"x\")"]);
    case 6: return [junkValue(rng, depth + 1), junkValue(rng, depth + 1)];
    case 7: return { $gt: "", nested: junkValue(rng, depth + 1) };
    default: return { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } };
  }
};
/** Arrays nested n deep: JSON.parse copes, validation must too. */
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const badUuid = (rng: Rng, good: string) =>
  rng.pick([
    "", "not-a-uuid", good.replace(/-/g, ""), good.slice(0, -1), `${good}0`, `{${good}}`, ` ${good}x`, good.replace(/[0-9a-f]$/, "g"),
    good.replace(/-/, "\u2010"), "../../etc/passwd", "00000000-0000-0000-0000-00000000000Z", "0".repeat(5000),
    // good.toUpperCase() is not here: it is the same UUID (see the header).
  ]);

// ── The submission API ──────────────────────────────────────────────────────────────────────────
type Json = Record<string, unknown>;
/** The nested object to mutate, or a throwaway one when an earlier mutation replaced it with junk. */
const at = (s: Json, key: "bands" | "answers"): Json => {
  const v = s[key];
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
};

function validSubmission(rng: Rng, surveyId: number): Json {
  return {
    uuid: uuidFrom(rng),
    surveyId,
    version: 1,
    revision: 1,
    bands: { ageBand: "30-44", gender: "female", occupation: "farmer", area: "rural" },
    answers: { Q1: "Q1_3", Q2: "Giá phân bón tăng", Q3: ["Q3_1", "Q3_2"], Q4: "Q4_3", Q5: 7, Q6: { Q6_A: "K", Q6_B: "TB", Q6_C: "T" }, Q7: 4 },
  };
}

/** Each makes the submission invalid on its own. */
const SUBMISSION_MUTATIONS: ((rng: Rng, s: Json) => void)[] = [
  // missing fields (revision has a default, so it is not one of them)
  (rng, s) => { delete s[rng.pick(["uuid", "surveyId", "version", "bands", "answers"])]; },
  (rng, s) => { delete at(s, "bands")[rng.pick(["ageBand", "gender", "occupation", "area"])]; },
  (rng, s) => { delete at(s, "answers")[rng.pick(["Q1", "Q3", "Q4", "Q5"])]; },
  // extra fields: the envelope, the bands and the answers are strict
  (rng, s) => { s[rng.pick(["collaboratorId", "unitId", "status", "isAdmin", "__proto__x"])] = junkValue(rng); },
  (rng, s) => { at(s, "bands").income = rng.pick(["high", 1, null]); },
  (rng, s) => { at(s, "answers")[rng.pick(["Q99", "q1", "Q1 ", "__proto__x"])] = "Q1_1"; },
  // wrong types
  (rng, s) => { s.surveyId = rng.pick([String(s.surveyId), [s.surveyId], { id: s.surveyId }, true, null]); },
  (rng, s) => { s.version = rng.pick(["1", [1], null, false]); },
  (rng, s) => { s.uuid = rng.pick([12345, null, [s.uuid], { uuid: s.uuid }]); },
  (rng, s) => { s.bands = rng.pick([[], "rural", null, 7]); },
  (rng, s) => { s.answers = rng.pick([[], "Q1_1", null, 7, true]); },
  (rng, s) => { at(s, "answers").Q5 = rng.pick(["7", [7], { v: 7 }, true]); },
  (rng, s) => { at(s, "answers").Q3 = rng.pick(["Q3_1", [["Q3_1"]], [1, 2], {}]); },
  (rng, s) => { at(s, "answers").Q1 = rng.pick([["Q1_1"], 1, { code: "Q1_1" }, true]); },
  (rng, s) => { at(s, "answers").Q6 = rng.pick(["K", ["K", "TB"], { Q6_A: 1 }, { Q6_A: ["K"] }]); },
  (rng, s) => { at(s, "answers").Q7 = rng.pick(["4", [4], { n: 4 }]); },
  // negative and huge numbers
  (rng, s) => { s.surveyId = rng.pick([-1, 0, 1.5, 1e308, 2 ** 53 + 2, 2_147_483_648, -2_147_483_649]); },
  (rng, s) => { s.version = rng.pick([-1, 0, 0.5, 999, 1e308]); },
  (rng, s) => { s.revision = rng.pick([-1, 0, 0.5, -1e308]); },
  (rng, s) => { at(s, "answers").Q5 = rng.pick([-1, 11, 1e308, 7.5, -0.5]); },
  (rng, s) => { at(s, "answers").Q7 = rng.pick([0, 21, 2.5, -4, 1e9]); },
  // huge strings
  (rng, s) => { at(s, "answers").Q2 = huge(rng); },
  (rng, s) => { s.uuid = huge(rng); },
  (rng, s) => { at(s, "bands").area = huge(rng); },
  // unicode where codes belong
  (rng, s) => { at(s, "answers").Q1 = rng.pick(UNICODE); },
  (rng, s) => { at(s, "bands").gender = rng.pick(["nữ", "female\u200b", "ｆｅｍａｌｅ", "FEMALE"]); },
  (rng, s) => { at(s, "answers").Q3 = ["Q3_1", rng.pick(UNICODE)]; },
  // bad UUIDs
  (rng, s) => { s.uuid = badUuid(rng, typeof s.uuid === "string" ? s.uuid : "00000000-0000-4000-8000-000000000000"); },
  // nested junk
  (rng, s) => { at(s, "answers")[rng.pick(["Q1", "Q2", "Q4", "Q6"])] = { nested: junkValue(rng), deeper: [[junkValue(rng)]] }; },
  (rng, s) => { at(s, "bands").ageBand = junkValue(rng); },
  // logic: an answer to a question the form hides, the matrix incomplete, too many choices
  (rng, s) => { at(s, "answers").Q1 = "Q1_1"; at(s, "answers").Q2 = "ẩn mà vẫn trả lời"; },
  (rng, s) => { at(s, "answers").Q6 = { Q6_A: "K" }; at(s, "answers").Q3 = ["Q3_1", "Q3_2", "Q3_3", "Q3_4"]; },
];

/** Whole-body mutations: the text itself is not a JSON submission. */
const RAW_BODIES: ((rng: Rng, text: string) => Body)[] = [
  (rng, text) => ({ data: text.slice(0, rng.int(0, text.length - 1)), contentType: "application/json" }),
  (rng, text) => ({ data: `${text}${rng.pick(["}", ",", " x", "]"])}`, contentType: "application/json" }),
  (rng) => ({ data: rng.pick(["", "null", "[]", "42", "\"text\"", "true", "{}", "NaN", "{'uuid': 1}", "\ufeff{}"]), contentType: "application/json" }),
  (rng) => ({ data: deep(rng.pick([1_000, 100_000])), contentType: "application/json" }),
  // A "__proto__" key is an own property after JSON.parse: the strict envelope must refuse it.
  (rng, text) => ({ data: text.replace("{", `{"__proto__":{"${rng.pick(["isAdmin", "collaboratorId", "status"])}":1},`), contentType: "application/json" }),
  (rng) => ({ data: `{"answers":${deep(5_000)}}`, contentType: "application/json" }),
  // the wrong content type, with a body of that type
  (rng, text) => ({ data: `payload=${encodeURIComponent(text)}&uuid=1`, contentType: rng.pick(["application/x-www-form-urlencoded", "text/plain"]) }),
  (_rng, text) => ({ data: `--x\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${text}\r\n--x--`, contentType: "multipart/form-data; boundary=x" }),
  (rng) => ({ data: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x00]).toString("latin1") + rng.pick(["", "}"]), contentType: "application/octet-stream" }),
  (rng) => ({ data: "x".repeat(rng.pick([300_000, 2_000_000])), contentType: "application/json" }),
];

function submissionCases(rng: Rng, surveyId: number, n: number): Case[] {
  return Array.from({ length: n }, (_, i) => {
    const s = validSubmission(rng, surveyId);
    if (rng.chance(0.2)) {
      const raw = rng.int(0, RAW_BODIES.length - 1);
      return { label: `#${i} raw ${raw}`, url: "/api/surveys/responses", body: RAW_BODIES[raw]!(rng, JSON.stringify(s)) };
    }
    const picks = Array.from({ length: rng.int(1, 3) }, () => rng.int(0, SUBMISSION_MUTATIONS.length - 1));
    for (const m of picks) SUBMISSION_MUTATIONS[m]!(rng, s);
    return { label: `#${i} mutations ${picks.join(",")}`, url: "/api/surveys/responses", body: { data: JSON.stringify(s), contentType: rng.chance(0.9) ? "application/json" : "text/plain" } };
  });
}

// ── Forms ───────────────────────────────────────────────────────────────────────────────────────
/** A form field and what kind of value it takes; `optional` fields can be dropped and stay valid. */
type Field = { name: string; kind: "text" | "code" | "enum" | "int" | "day" | "uuid" | "json"; optional?: true };
type FormSpec = { name: string; url: string; fields: Field[]; valid: (rng: Rng) => Record<string, string>; jsonMutations?: JsonMutation[] };
type JsonMutation = (rng: Rng, payload: Json) => void;

function invalidValue(rng: Rng, field: Field): string | string[] {
  // Blank is "none" for an optional field (valid), so only required fields get blanks.
  const blanks = field.optional ? [] : ["", "   "];
  const common = [huge(rng), rng.pick(UNICODE), ...blanks, ["a", "b"]];
  const byKind: Record<Field["kind"], (string | string[])[]> = {
    text: [huge(rng), "", "  \t ", ["một", "hai"]],
    code: [...common, "có dấu", "A B", "-X", "X".repeat(33), "SH.X005\u0000", "../"],
    enum: [...common, "xyz", "ADMIN", "0", "true "],
    int: [...common, "-1", "0", "1.5", "abc", "Infinity", "NaN", "-99999999999"],
    day: [...common, "31/02/2026", "2026-13-45", "0000-00-00", "tomorrow", "2026-02-30", "99/99/9999", "1e10"],
    uuid: [...common, "not-a-uuid", "{00000000-0000-4000-8000-000000000000}", "00000000000040008000000000000000", "0".repeat(5000)],
    json: [...common, "{", "null", "[]", "\"x\"", "{\"items\":", deep(2_000), "1e999"],
  };
  return rng.pick(byKind[field.kind]);
}

const preview = (v: unknown) => JSON.stringify(v).slice(0, 24);

/** Makes a valid form invalid: a field dropped, given a value of the wrong shape, or given twice. */
function mutateForm(rng: Rng, spec: FormSpec, form: Record<string, string | string[]>): string {
  const required = spec.fields.filter((f) => !f.optional);
  const field = rng.pick(spec.fields);
  switch (rng.int(0, 3)) {
    case 0: {
      const f = rng.pick(required);
      delete form[f.name];
      return `drop ${f.name}`;
    }
    case 1: {
      if (!field.optional) {
        const value = form[field.name] as string;
        form[field.name] = [value, rng.pick([value, `${value}x`, ""])];
        return `twice ${field.name}`;
      }
      form[field.name] = invalidValue(rng, field);
      return `bad ${field.name}=${preview(form[field.name])}`;
    }
    default:
      form[field.name] = invalidValue(rng, field);
      return `bad ${field.name}=${preview(form[field.name])}`;
  }
}

function formCases(rng: Rng, spec: FormSpec, n: number): Case[] {
  return Array.from({ length: n }, (_, i) => {
    const form: Record<string, string | string[]> = spec.valid(rng);
    const labels: string[] = [];
    let body: Body | null = null;
    const payloadField = spec.fields.find((f) => f.kind === "json");
    if (payloadField && spec.jsonMutations && rng.chance(0.5)) {
      // Mutate inside the JSON the form carries (the report's items).
      const payload = JSON.parse(form[payloadField.name] as string) as Json;
      const m = rng.int(0, spec.jsonMutations.length - 1);
      spec.jsonMutations[m]!(rng, payload);
      form[payloadField.name] = JSON.stringify(payload);
      labels.push(`payload mutation ${m}`);
    } else if (rng.chance(0.12)) {
      // The wrong content type: the form as JSON, as text, or as broken multipart.
      const kind = rng.int(0, 2);
      body = [
        { data: JSON.stringify(form), contentType: "application/json" },
        { data: new URLSearchParams(form as Record<string, string>).toString(), contentType: "text/plain" },
        { data: "--b\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\nx", contentType: "multipart/form-data; boundary=b" },
      ][kind]!;
      if (kind === 0) labels.push("as JSON");
      if (kind === 1) { labels.push("as text/plain"); mutateForm(rng, spec, form); body = { data: new URLSearchParams(flat(form)).toString(), contentType: "text/plain" }; }
      if (kind === 2) labels.push("broken multipart");
    } else {
      labels.push(mutateForm(rng, spec, form));
      if (rng.chance(0.3)) labels.push(mutateForm(rng, spec, form));
    }
    // Extra fields ride along (a form schema strips them, so they never make a case valid alone).
    if (!body && rng.chance(0.3)) {
      form[rng.pick(["collaboratorId", "unitId", "role", "createdById", "status", "id"])] = String(junkValue(rng));
      labels.push("extra field");
    }
    return { label: `${spec.name} #${i} ${labels.join(" + ")}`, url: spec.url, body: body ?? { form } };
  });
}

/** Repeated fields as URL-encoded pairs (Playwright's `form` takes one value per name). */
function flat(form: Record<string, string | string[]>): [string, string][] {
  return Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
}

// ── Running and counting ────────────────────────────────────────────────────────────────────────
async function send(session: Session, cases: Case[], dataUrls: boolean) {
  const results = await inBatches(cases, 4, async (c) => {
    const url = dataUrls && !c.url.startsWith("/api/") ? c.url.replace(/^([^?]*)/, "$1.data") : c.url;
    const common = { maxRedirects: 0, failOnStatusCode: false, timeout: 20_000 };
    const response =
      "form" in c.body
        ? await session.request.post(url, {
            ...common,
            headers: { ...ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
            data: new URLSearchParams(flat(c.body.form)).toString(),
          })
        : await session.request.post(url, { ...common, headers: { ...ORIGIN, "Content-Type": c.body.contentType }, data: c.body.data });
    const status = response.status();
    await response.dispose();
    return { label: c.label, url, status };
  });
  return results;
}

function expectAll4xx(results: { label: string; url: string; status: number }[]) {
  // FUZZ_DEBUG=1 prints each case's status, to see which paths a seed reaches.
  if (process.env.FUZZ_DEBUG) for (const r of results) console.log(`${r.status} ${r.url} ${r.label}`);
  // A 403 would mean the cross-site check stopped the case before any action ran: proves nothing.
  expect.soft(results.filter((r) => r.status === 403).map((r) => r.label), "refused as cross-site").toEqual([]);
  const bad = results.filter((r) => r.status < 400 || r.status >= 500).map((r) => `${r.label} ${r.url} → ${r.status}`);
  // Soft: the check of rows written still runs and reports too.
  expect.soft(bad, `seed ${SEED}: cases not answered with a 4xx`).toEqual([]);
}

/**
 * Sends the cases as `account` (a session of its own): each must be answered with a 4xx, and
 * `rows` (what the account can have written) must read the same afterwards. `forms`: most cases
 * as the app's forms post (single fetch), every fifth as a form without JavaScript.
 */
async function expectRefusedUnwritten(playwright: PlaywrightWorkerArgs["playwright"], account: string, rows: () => unknown, cases: Case[], { forms }: { forms: boolean }) {
  const session = await openSession(playwright, account);
  const before = rows();
  try {
    if (forms) {
      expectAll4xx(await send(session, cases.filter((_, i) => i % 5 !== 0), true));
      expectAll4xx(await send(session, cases.filter((_, i) => i % 5 === 0), false));
    } else expectAll4xx(await send(session, cases, false));
  } finally {
    await session.request.dispose();
  }
  expect(rows(), `seed ${SEED}: rows written`).toEqual(before);
}

function fieldRows(accountId: number) {
  return {
    responses: count(`SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "collaboratorId" = ?`, accountId),
    answers: count(`SELECT COUNT(*) AS n FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" WHERE r."collaboratorId" = ?`, accountId),
    events: count(`SELECT COUNT(*) AS n FROM "SurveyResponseEvent" WHERE "actorId" = ?`, accountId),
    reports: count(`SELECT COUNT(*) AS n FROM "OpinionReport" WHERE "collaboratorId" = ?`, accountId),
    items: count(`SELECT COUNT(*) AS n FROM "OpinionItem" i JOIN "OpinionReport" r ON r.id = i."reportId" WHERE r."collaboratorId" = ?`, accountId),
    audit: auditRows(accountId),
  };
}

function auditRows(accountId: number) {
  return count(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE "actorId" = ? AND action NOT LIKE 'auth.%'`, accountId);
}

/** Opening or closing a period leaves no row of its own but an audit entry by the actor. */
function officeRows(accountId: number) {
  return {
    audit: auditRows(accountId),
    proposals: count(`SELECT COUNT(*) AS n FROM "Proposal" WHERE "createdById" = ?`, accountId),
    surveys: count(`SELECT COUNT(*) AS n FROM "Survey" WHERE "createdById" = ?`, accountId),
    catalogue: count(`SELECT (SELECT COUNT(*) FROM "Topic" WHERE code LIKE 'FZ%') + (SELECT COUNT(*) FROM "SocialGroup" WHERE code LIKE 'FZ%') + (SELECT COUNT(*) FROM "Agency" WHERE code LIKE 'FZ%') AS n`),
  };
}

// ── The tests ───────────────────────────────────────────────────────────────────────────────────
test.describe("fuzz", () => {
  test.describe.configure({ timeout: 90_000 });
  const surveyId = () => queryOne<{ id: number }>(`SELECT id FROM "Survey" WHERE code = 'KS.DSHL.2026Q4'`).id;

  for (const [part, offset] of [["a", 0], ["b", 1]] as const) {
    test(`the submission API answers mutated questionnaires with a 4xx and stores nothing (${part})`, async ({ playwright }) => {
      const rng = mulberry32(SEED + offset);
      const me = accountOf(FIELD_ACCOUNT);
      await expectRefusedUnwritten(playwright, FIELD_ACCOUNT, () => fieldRows(me.id), submissionCases(rng, surveyId(), 110), { forms: false });
    });
  }

  test("the report form answers mutated reports with a 4xx and files nothing", async ({ playwright }) => {
    const rng = mulberry32(SEED + 2);
    const me = accountOf(FIELD_ACCOUNT);
    const period = queryOne<{ id: number }>(`SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 12`).id;
    const closed = queryOne<{ id: number }>(`SELECT id FROM "ReportingPeriod" WHERE status = 'closed' ORDER BY id DESC LIMIT 1`).id;
    const topic = queryOne<{ code: string }>(`SELECT code FROM "Topic" WHERE active = 1 ORDER BY "sortOrder" LIMIT 1`).code;
    const group = queryOne<{ code: string }>(`SELECT code FROM "SocialGroup" WHERE active = 1 ORDER BY id LIMIT 1`).code;
    const item = () => ({ topicCode: topic, title: "Giá phân bón tăng", summary: "Bà con lo chi phí vụ đông xuân.", areaCode: me.code, groupCodes: [group], direction: "worried", strength: "moderate", prevalence: "many", channel: "direct", verified: false });
    const items = (p: Json) => p.items as Json[];
    const jsonMutations: JsonMutation[] = [
      (_r, p) => { p.items = []; },
      (_r, p) => { p.items = Array.from({ length: 60 }, item); },
      (r, p) => { p.items = r.pick([null, "x", { 0: item() }, 7]); },
      (r, p) => { delete items(p)[0]![r.pick(["topicCode", "title", "summary", "areaCode", "direction", "strength", "prevalence", "channel", "verified"])]; },
      (r, p) => { items(p)[0]![r.pick(["direction", "strength", "prevalence", "channel"])] = r.pick(["xyz", ...UNICODE, 1, null, ["worried"]]); },
      (r, p) => { items(p)[0]!.verified = r.pick(["yes", 1, "true", null]); },
      (r, p) => { items(p)[0]!.topicCode = r.pick(["NOPE", "có dấu", "", 5, huge(r)]); },
      // Another unit's area (outside the collaborator's subtree), an unknown one, junk.
      (r, p) => { items(p)[0]!.areaCode = r.pick(["SH.X002", "SH", "SH.NOPE", "../x", huge(r)]); },
      (r, p) => { items(p)[0]!.groupCodes = r.pick(["NONG_DAN", [huge(r)], Array.from({ length: 25 }, () => group), [["x"]], [null]]); },
      (r, p) => { items(p)[0]![r.pick(["title", "summary", "proposal"])] = huge(r); },
      (r, p) => { p.note = huge(r); },
      // Personal data without the confirmation: refused by the guard.
      (r, p) => { items(p)[0]!.summary = r.pick(["Phụ huynh gọi 0912 345 678 để phản ánh.", "Liên hệ nguyenvanan@gmail.com", "CCCD 001234567890 của người dân"]); },
      (r, p) => { items(p)[0]!.title = { nested: junkValue(r) }; },
      (r, p) => { p.urgent = r.pick(["yes", 1, null, []]); },
    ];
    const spec: FormSpec = {
      name: "reports/new",
      url: `/reports/new?period=${period}`,
      fields: [{ name: "clientUuid", kind: "uuid" }, { name: "payload", kind: "json" }],
      valid: (r) => ({ clientUuid: uuidFrom(r), payload: JSON.stringify({ urgent: false, items: [item()] }) }),
      jsonMutations,
    };
    const cases = formCases(rng, spec, 110);
    // The period in the URL: junk, missing, closed (a valid report for a closed period is refused).
    for (const q of ["-1", "abc", "0", "99999999999", "1e3", "", `${closed}`, "%00"]) {
      cases.push({ label: `reports/new period=${q}`, url: `/reports/new?period=${q}`, body: { form: spec.valid(rng) } });
    }
    for (const q of ["-1", "abc", "99999999999"]) cases.push({ label: `reports/new fast period=${q}`, url: `/reports/new?period=${q}&fast=1`, body: { form: spec.valid(rng) } });
    await expectRefusedUnwritten(playwright, FIELD_ACCOUNT, () => fieldRows(me.id), cases, { forms: true });
  });

  test("secretariat forms answer mutated input with a 4xx and write nothing", async ({ playwright }) => {
    const rng = mulberry32(SEED + 3);
    const me = accountOf(OFFICE_ACCOUNT);
    const agency = queryOne<{ code: string }>(`SELECT code FROM "Agency" ORDER BY id LIMIT 1`).code;
    const proposal = queryOne<{ id: number }>(`SELECT id FROM "Proposal" WHERE status = 'forwarded' ORDER BY id LIMIT 1`).id;
    const collaborator = queryOne<{ id: number }>(`SELECT a.id FROM "Account" a JOIN "Unit" u ON u.id = a."unitId" WHERE a.username = 'ctv.x006.1'`).id;
    const report = queryOne<{ id: number }>(`SELECT r.id FROM "OpinionReport" r JOIN "Account" a ON a.id = r."collaboratorId" WHERE r.status = 'submitted' AND a.username = 'ctv.x007.1' ORDER BY r.id LIMIT 1`)?.id;
    const december = queryOne<{ id: number }>(`SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 12`).id;
    const specs: FormSpec[] = [
      {
        name: "topics create",
        url: "/topics",
        fields: [{ name: "intent", kind: "enum" }, { name: "code", kind: "code" }, { name: "nameVi", kind: "text" }, { name: "nameEn", kind: "text" }, { name: "group", kind: "enum" }],
        valid: (r) => ({ intent: "create", code: `FZ.T${r.int(100, 999)}`, nameVi: "Chủ đề thử", nameEn: "Fuzz topic", group: "society" }),
      },
      {
        name: "topics createAgency",
        url: "/topics",
        fields: [{ name: "intent", kind: "enum" }, { name: "code", kind: "code" }, { name: "name", kind: "text" }],
        valid: (r) => ({ intent: "createAgency", code: `FZ.A${r.int(100, 999)}`, name: "Cơ quan thử" }),
      },
      {
        name: "topics setPeriodStatus",
        url: "/topics",
        fields: [{ name: "intent", kind: "enum" }, { name: "periodId", kind: "int" }, { name: "status", kind: "enum" }],
        valid: () => ({ intent: "setPeriodStatus", periodId: String(december), status: "closed" }),
      },
      {
        name: "proposals create",
        url: "/proposals",
        fields: [{ name: "intent", kind: "enum" }, { name: "agencyCode", kind: "code" }, { name: "unitCode", kind: "code" }, { name: "title", kind: "text" }, { name: "content", kind: "text" }, { name: "forwardedOn", kind: "day" }, { name: "dueOn", kind: "day" }],
        valid: () => ({ intent: "create", agencyCode: agency, unitCode: "SH.X005", title: "Kiến nghị thử", content: "Nội dung thử", forwardedOn: "2026-11-01", dueOn: "2026-12-01" }),
      },
      {
        name: "proposal answer",
        url: `/proposals/${proposal}`,
        fields: [{ name: "intent", kind: "enum" }, { name: "answerText", kind: "text" }, { name: "answeredOn", kind: "day" }],
        valid: () => ({ intent: "answer", answerText: "Trả lời thử", answeredOn: "2026-11-20" }),
      },
      {
        name: "completeness excuse",
        url: "/completeness",
        fields: [{ name: "periodId", kind: "int" }, { name: "collaboratorId", kind: "int" }],
        valid: () => ({ periodId: String(december), collaboratorId: String(collaborator) }),
      },
      {
        name: "roster update",
        url: `/roster/${collaborator}`,
        fields: [{ name: "intent", kind: "enum" }, { name: "displayName", kind: "text" }, { name: "unitCode", kind: "code" }, { name: "sector", kind: "enum" }, { name: "status", kind: "enum" }, { name: "termStart", kind: "day" }, { name: "termEnd", kind: "day", optional: true }],
        valid: () => ({ intent: "update", displayName: "Tên thử", unitCode: "SH.X006", sector: "press", status: "active", termStart: "2025-10-01", termEnd: "2030-09-30" }),
      },
      {
        name: "surveys new",
        url: "/surveys/new",
        fields: [{ name: "code", kind: "code" }, { name: "seriesCode", kind: "code" }, { name: "title", kind: "text" }, { name: "period", kind: "text" }],
        valid: (r) => ({ code: `FZ.S${r.int(100, 999)}`, seriesCode: "FZ.S", title: "Khảo sát thử", period: "Quý I/2027" }),
      },
      ...(report
        ? [{
            name: "report return",
            url: `/reports/${report}`,
            fields: [{ name: "intent", kind: "enum" }, { name: "comment", kind: "text" }] as Field[],
            valid: () => ({ intent: "return", comment: "Đề nghị bổ sung." }),
          }]
        : []),
    ];
    const cases = specs.flatMap((spec) => formCases(rng, spec, 14));
    // Ids out of every range: an id the database cannot hold must be a 404, not a crash.
    for (const id of ["99999999999", "-1", "0", "1.5", "abc"]) {
      cases.push({ label: `completeness excuse periodId=${id}`, url: "/completeness", body: { form: { periodId: id, collaboratorId: String(collaborator) } } });
      cases.push({ label: `completeness excuse collaboratorId=${id}`, url: "/completeness", body: { form: { periodId: String(december), collaboratorId: id } } });
      cases.push({ label: `setPeriodStatus periodId=${id}`, url: "/topics", body: { form: { intent: "setPeriodStatus", periodId: id, status: "closed" } } });
    }
    await expectRefusedUnwritten(playwright, OFFICE_ACCOUNT, () => officeRows(me.id), cases, { forms: true });
  });
});
