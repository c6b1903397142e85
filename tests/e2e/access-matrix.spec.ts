// The access matrix: every route file × every role (a province-level and a
// commune-level account of each, plus signed out) × a record inside the account's subtree, one
// outside it and one that does not exist. A foreign record answers exactly like a missing one
// (404), a missing capability answers 404, an allowed request 200 (or the route's redirect).
// Actions are posted to as well: to a foreign or missing record, and without the capability, with
// a payload the action would otherwise accept (404, nothing written); with the capability on an
// own record, with an invalid payload (400: the gate let it through, nothing written).
//
// The table below is the specification. A route file without an entry fails the first test, so a
// new route cannot ship unlisted; a route with an action needs a POST entry (or a stated reason).
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./test";
import { queryOne } from "./support";
import { accountOf, count, inBatches, openSession, ORIGIN, statusOfResponse, type Session } from "./matrix-support";

type Role = "admin" | "secretariat" | "official" | "collaborator";
type Level = "province" | "commune";
/** A status, or one per level when a capability is held only at the province (decision 0013). */
type Cell = number | { province: number; commune: number };
type Expect = Record<Role, Cell>;

const ACCOUNTS: { username: string; role: Role; level: Level }[] = [
  { username: "admin", role: "admin", level: "province" },
  { username: "admin.xa", role: "admin", level: "commune" },
  { username: "thuky", role: "secretariat", level: "province" },
  { username: "thuky.xa", role: "secretariat", level: "commune" },
  { username: "lanhdao", role: "official", level: "province" },
  { username: "lanhdao.xa", role: "official", level: "commune" },
  { username: "ctv.tinh01", role: "collaborator", level: "province" },
  { username: "ctv", role: "collaborator", level: "commune" },
];

// ── Expectation shorthands ──────────────────────────────────────────────────────────────────────
const PROVINCE_ONLY = { province: 200, commune: 404 };
const only = (allowed: Partial<Record<Role, Cell>>): Expect => ({ admin: 404, secretariat: 404, official: 404, collaborator: 404, ...allowed });
const EVERYONE = (status: number): Expect => ({ admin: status, secretariat: status, official: status, collaborator: status });
const ADMIN = only({ admin: 200 });
const OFFICE = only({ admin: 200, secretariat: 200 }); // roster, proposals, report and survey review
const DASHBOARDS = only({ admin: 200, secretariat: 200, official: 200 });
const DESIGN = only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY }); // designSurveys, manageTopics
const FIELD = only({ collaborator: 200 });

/**
 * What a route's `:id` (or the record a POST body names) stands for. Each account gets an id of
 * its own (inside its subtree / its own record), a foreign one (outside; for province accounts
 * there is none) and a missing one. See `recordIds` for how they are found in the seeded database.
 */
type Kind = "unit" | "collaborator" | "proposal" | "report" | "survey" | "assignedSurvey" | "response" | "period";

type Post = {
  /** Who holds the action's capability: they get `invalid` on an own record → 400 (nothing written). */
  allowed: Expect;
  /** A payload the action would accept: sent to foreign and missing records and by accounts
   *  without the capability (→ 404). `id` is the record's id when the record travels in the body. */
  valid: (w: World, who: Who, id: number) => Record<string, string> | string;
  invalid: Record<string, string> | string;
  /** The record travels in the body (the URL is fixed). */
  bodyRecord?: Kind;
  json?: true;
  /** What a foreign/out-of-scope record answers when it is not a subtree matter (default 404). */
  foreign?: number;
  /** What a missing record answers (default 404; a unit chosen in a form's field answers as an
   *  unknown one: 400 with the field's message, and so does a foreign one). */
  missing?: number;
  /** Signed out (default: 302 to the sign-in page). */
  anonymous?: number;
  /** The valid payload naming another unit by code: a foreign unit must answer exactly as an
   *  unknown code does (400 "unit not found"), and nothing is written. */
  unitRef?: (w: World, who: Who, code: string) => Record<string, string>;
};

type Entry =
  | { layout: string }
  | {
      /** URL; `:id` is replaced by the record's id. */
      url: string;
      record?: Kind;
      get: Expect;
      /** Signed out (default: 302 to the sign-in page). */
      anonymous?: number;
      /** Also GET `<path>.data` (single fetch's data URL) and expect the same statuses. */
      data?: true;
      post?: Post | { skip: string };
    };

const REPORT_PAYLOAD = (w: World, who: Who, areaCode = who.code) =>
  JSON.stringify({
    urgent: false,
    items: [{ topicCode: w.topicCode, title: "Giá điện tăng", summary: "Nhiều ý kiến lo ngại giá điện.", areaCode, groupCodes: [], direction: "worried", strength: "moderate", prevalence: "many", channel: "direct", verified: false }],
  });
const ACCOUNT_BODY = (unitCode: string) => ({ username: "matrix.khong.duoc", password: "MatKhau@2026x", displayName: "Không được tạo", role: "official", unitCode });
const PROPOSAL_BODY = (w: World, unitCode: string) => ({ intent: "create", agencyCode: w.agencyCode, unitCode, title: "Không được tạo", content: "x", forwardedOn: "2026-11-01", dueOn: "2026-12-01" });
const UNIT_BODY = (parentCode: string) => ({ code: "SH.MATRIX", name: "Không được tạo", kind: "commune", parentCode, validFrom: "2026-01-01" });
/** An admin's form creating a record in a unit it names by code: the admin's own unit, or another one (refused as unknown). */
const ADMIN_CREATES_IN_UNIT = (body: (unitCode: string) => Record<string, string>): Post => ({
  allowed: ADMIN,
  valid: (_w, who) => body(who.code),
  unitRef: (_w, _who, code) => body(code),
  invalid: {},
});
let uuidCounter = 0;
const matrixUuid = () => `0000feed-0000-4000-8000-${String(++uuidCounter).padStart(12, "0")}`;

const ROUTES: Record<string, Entry> = {
  "_app": { layout: "pathless layout of the signed-in pages: covered by every _app.* route" },
  "_app._index": { url: "/", get: EVERYONE(200) },
  "_app.account.password": {
    url: "/account/password",
    get: EVERYONE(200),
    post: { allowed: EVERYONE(200), valid: () => ({}), invalid: { currentPassword: "" } },
  },
  "_app.admin.accounts.$accountId": {
    url: "/admin/accounts/:id",
    record: "collaborator",
    get: ADMIN,
    post: {
      allowed: ADMIN,
      valid: () => ({ intent: "setActive", active: "true" }),
      // Moving an own account into another subtree.
      unitRef: (_w, _who, unitCode) => ({ intent: "update", displayName: "Không được đổi", role: "collaborator", unitCode, sector: "press", termStart: "2025-10-01" }),
      invalid: { intent: "explode" },
    },
  },
  "_app.admin.accounts._index": { url: "/admin/accounts", get: ADMIN },
  "_app.admin.accounts.new": {
    url: "/admin/accounts/new",
    get: ADMIN,
    post: ADMIN_CREATES_IN_UNIT(ACCOUNT_BODY),
  },
  "_app.admin.audit": { url: "/admin/audit", get: ADMIN },
  "_app.completeness": {
    url: "/completeness?unit=:id",
    record: "unit",
    get: DASHBOARDS,
    post: {
      allowed: OFFICE,
      bodyRecord: "collaborator",
      valid: (w, _who, id) => ({ periodId: String(w.openPeriodId), collaboratorId: String(id) }),
      invalid: {},
    },
  },
  "_app.quarterly-reports._index": {
    url: "/quarterly-reports",
    get: DASHBOARDS,
    post: {
      allowed: OFFICE,
      // The scope unit is chosen in a field: a foreign one answers exactly as a missing one (400,
      // "unit not found" at the field) and compiles nothing.
      bodyRecord: "unit",
      foreign: 400,
      missing: 400,
      valid: (_w, _who, id) => ({ intent: "create", quarter: "20263", unit: String(id) }),
      invalid: { intent: "create" },
    },
  },
  // The seed publishes one report: the province's for Q2/2026 (id 1). Province accounts that read
  // reports open it; commune accounts find it outside their subtree (404, as a missing id). Own,
  // foreign and draft-versus-published reports at every level: tests/unit/quarterly-reports.test.ts.
  "_app.quarterly-reports.$reportId": {
    url: "/quarterly-reports/1",
    get: only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY, official: PROVINCE_ONLY }),
    post: { skip: "the seeded report is published; writing to it is proved in tests/e2e/quarterly-report.spec.ts and tests/unit/quarterly-reports.test.ts" },
  },
  // The seeded report's PowerPoint pack and meeting mode answer exactly as its page.
  "quarterly-reports.$reportId.export[.]pptx": { url: "/quarterly-reports/1/export.pptx", get: only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY, official: PROVINCE_ONLY }) },
  "quarterly-reports.$reportId.present": { url: "/quarterly-reports/1/present", get: only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY, official: PROVINCE_ONLY }) },
  // The report's print view and its PDF (printed by headless Chromium as the viewer),
  // exactly as the report page: province accounts that read reports, nobody below.
  "quarterly-reports.$reportId.print": { url: "/quarterly-reports/1/print", get: only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY, official: PROVINCE_ONLY }) },
  "quarterly-reports.$reportId.export[.]pdf": { url: "/quarterly-reports/1/export.pdf", get: only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY, official: PROVINCE_ONLY }) },
  "_app.opinion-summary": { url: "/opinion-summary?unit=:id", record: "unit", get: DASHBOARDS },
  "_app.proposals.$proposalId": {
    url: "/proposals/:id",
    record: "proposal",
    get: DASHBOARDS,
    data: true,
    post: { allowed: OFFICE, valid: () => ({ intent: "answer", answerText: "Trả lời trái phép", answeredOn: "2026-11-20" }), invalid: { intent: "explode" } },
  },
  "_app.proposals._index": {
    url: "/proposals",
    get: DASHBOARDS,
    post: {
      allowed: OFFICE,
      valid: (w, who) => PROPOSAL_BODY(w, who.code),
      unitRef: (w, _who, code) => PROPOSAL_BODY(w, code),
      invalid: { intent: "create" },
    },
  },
  "_app.proposals.export": { url: "/proposals/export", get: DASHBOARDS },
  "_app.completeness_.export": { url: "/completeness/export?format=csv&unit=:id", record: "unit", get: DASHBOARDS },
  "_app.reports.$reportId": {
    url: "/reports/:id",
    record: "report",
    get: EVERYONE(200),
    data: true,
    post: {
      // Collaborators resubmit their own returned report; reviewers rate/return/accept.
      allowed: only({ admin: 200, secretariat: 200, collaborator: 200 }),
      valid: (w, who): Record<string, string> => (who.role === "collaborator" ? { clientUuid: matrixUuid(), payload: REPORT_PAYLOAD(w, who) } : { intent: "accept" }),
      invalid: { intent: "explode" },
    },
  },
  "_app.reports._index": { url: "/reports", get: FIELD },
  "_app.reports.inbox": { url: "/reports/inbox", get: DASHBOARDS },
  "_app.reports.new": {
    url: "/reports/new?period=:id",
    record: "period",
    get: FIELD,
    post: {
      allowed: FIELD,
      valid: (w, who) => ({ clientUuid: matrixUuid(), payload: REPORT_PAYLOAD(w, who) }),
      unitRef: (w, who, code) => ({ clientUuid: matrixUuid(), payload: REPORT_PAYLOAD(w, who, code) }),
      invalid: { clientUuid: "not-a-uuid", payload: "{" },
      // A closed period is not a subtree matter: the form says so (400), nothing is written.
      foreign: 400,
    },
  },
  "_app.roster.$accountId": {
    url: "/roster/:id",
    record: "collaborator",
    get: OFFICE,
    post: {
      allowed: OFFICE,
      valid: () => ({ intent: "deactivate" }),
      // Moving an own collaborator into another subtree.
      unitRef: (_w, _who, unitCode) => ({ intent: "update", displayName: "Không được đổi", unitCode, sector: "press", status: "active", termStart: "2025-10-01" }),
      invalid: { intent: "explode" },
    },
  },
  "_app.roster._index": { url: "/roster", get: OFFICE },
  "_app.roster.export": { url: "/roster/export", get: OFFICE },
  "_app.roster.import": {
    url: "/roster/import",
    get: OFFICE,
    post: { allowed: OFFICE, valid: () => ({ intent: "preview" }), invalid: { intent: "explode" } },
  },
  "_app.surveys.$surveyId._index": {
    url: "/surveys/:id",
    record: "survey",
    get: DASHBOARDS,
    // "publish" on a published survey: refused even if the gate failed, so no write either way.
    post: { allowed: DESIGN, valid: () => ({ intent: "publish" }), invalid: { intent: "explode" } },
  },
  "_app.surveys.$surveyId.build": {
    url: "/surveys/:id/build",
    record: "survey",
    get: DESIGN,
    post: { allowed: DESIGN, valid: (w) => ({ definition: w.definition }), invalid: {} },
  },
  "_app.surveys.$surveyId.fill": { url: "/surveys/:id/fill", record: "assignedSurvey", get: FIELD },
  "_app.surveys.$surveyId.results": { url: "/surveys/:id/results", record: "survey", get: DASHBOARDS, data: true },
  "_app.surveys.$surveyId.review": {
    url: "/surveys/:id/review",
    record: "survey",
    get: OFFICE,
    // Bulk acceptance; a count no real filter has, so even an allowed post would accept nothing.
    post: { allowed: OFFICE, valid: () => ({ intent: "accept_filtered", expectedCount: "999999" }), invalid: { intent: "explode" } },
  },
  "_app.surveys._index": { url: "/surveys", get: EVERYONE(200) },
  "_app.surveys.new": {
    url: "/surveys/new",
    get: DESIGN,
    post: { allowed: DESIGN, valid: () => ({ code: "KS.MATRIX", seriesCode: "KS.MATRIX", title: "Không được tạo", period: "Quý IV/2026" }), invalid: {} },
  },
  "_app.surveys.responses.$responseId": {
    url: "/surveys/responses/:id",
    record: "response",
    // Reviewers and the questionnaire's own collaborator; officials read results, not questionnaires.
    get: only({ admin: 200, secretariat: 200, collaborator: 200 }),
    post: { allowed: OFFICE, valid: () => ({ intent: "accept" }), invalid: { intent: "explode" } },
  },
  "_app.topics": {
    url: "/topics",
    get: DESIGN,
    post: { allowed: DESIGN, valid: () => ({ intent: "create", code: "MATRIX", name: "Không được tạo" }), invalid: { intent: "explode" } },
  },
  "_app.units.$unitId": {
    url: "/units/:id",
    record: "unit",
    get: DASHBOARDS,
    data: true,
    post: { allowed: ADMIN, valid: () => ({ intent: "rename", name: "Tên bị đổi trái phép" }), invalid: { intent: "explode" } },
  },
  // Without a query the unit tree opens at the viewer's home unit.
  "_app.units._index": { url: "/units", get: only({ admin: 302, secretariat: 302, official: 302 }) },
  "_app.units.new": {
    url: "/units/new",
    get: ADMIN,
    post: ADMIN_CREATES_IN_UNIT(UNIT_BODY),
  },
  "_app.outbox": { url: "/outbox", get: FIELD },
  "offline-pages[.]json": { url: "/offline-pages.json", get: FIELD },
  // The outbox's reports (app/outbox/sending.ts): like the report form, a closed period says so (400).
  "api.reports": {
    url: "/api/reports",
    get: EVERYONE(404),
    anonymous: 404,
    post: {
      allowed: FIELD,
      json: true,
      bodyRecord: "period",
      valid: (w, who, id) => JSON.stringify({ clientUuid: matrixUuid(), periodId: id, kind: "fast", payload: JSON.parse(REPORT_PAYLOAD(w, who)) }),
      invalid: "{",
      foreign: 400,
      anonymous: 401,
    },
  },
  "api.surveys.responses": {
    url: "/api/surveys/responses",
    get: EVERYONE(404),
    anonymous: 404,
    post: {
      allowed: FIELD,
      json: true,
      bodyRecord: "assignedSurvey",
      valid: (_w, _who, id) =>
        JSON.stringify({ uuid: matrixUuid(), surveyId: id, version: 1, bands: { ageBand: "30-44", gender: "female", occupation: "farmer", area: "rural" }, answers: { Q1: "Q1_1", Q3: ["Q3_1"], Q4: "Q4_3", Q5: 7 } }),
      invalid: "{",
      anonymous: 401,
    },
  },
  "healthz": { url: "/healthz", get: EVERYONE(200), anonymous: 200 },
  "login": { url: "/login", get: EVERYONE(302), anonymous: 200, post: { skip: "signs in: tests/e2e/auth.spec.ts and security.spec.ts" } },
  "logout": { url: "/logout", get: EVERYONE(302), anonymous: 302, post: { skip: "ends the matrix's own session: security.spec.ts posts it cross-site (403)" } },
  // The seeded report's sealed snapshot (a published version; a draft has none: 404).
  "quarterly-reports.$reportId.export[.]json": { url: "/quarterly-reports/1/export.json", get: only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY, official: PROVINCE_ONLY }) },
  "set-language": { url: "/set-language", get: EVERYONE(302), anonymous: 302, post: { skip: "sets a cookie only: tests/e2e/language.spec.ts" } },
  // The committee pack's files of the seeded province report: who may read the report
  // may download it; the province report is outside commune accounts' subtree.
  "quarterly-reports.$reportId.export[.]docx": { url: "/quarterly-reports/1/export.docx", get: only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY, official: PROVINCE_ONLY }) },
  "quarterly-reports.$reportId.export[.]xlsx": { url: "/quarterly-reports/1/export.xlsx", get: only({ admin: PROVINCE_ONLY, secretariat: PROVINCE_ONLY, official: PROVINCE_ONLY }) },
  "surveys.$surveyId.definition[.]json": { url: "/surveys/:id/definition.json", record: "survey", get: DESIGN },
  "surveys.$surveyId.results[.]csv": { url: "/surveys/:id/results.csv", record: "survey", get: DASHBOARDS },
  "surveys.$surveyId.results[.]xlsx": { url: "/surveys/:id/results.xlsx", record: "survey", get: DASHBOARDS },
};

// ── Records: own / foreign / missing ids per account, from the seeded database ─────────────────
type Who = ReturnType<typeof accountOf> & { username: string; role: Role; level: Level };
type World = { topicCode: string; agencyCode: string; openPeriodId: number; closedPeriodId: number; definition: string };
type Ids = { own: number | null; foreign: number | null; missing: number };

const MISSING = 999_999;
/** Inside the account's subtree. */
const IN = `u.path LIKE ? || '%'`;
/** Outside it and not one of its ancestors (a sibling subtree). */
const OUT = `NOT (u.path LIKE ? || '%') AND NOT (? LIKE u.path || '%')`;

function id(sql: string, ...params: unknown[]): number | null {
  return queryOne<{ id: number } | undefined>(sql, ...params)?.id ?? null;
}

const idCache = new Map<string, Ids>();
function recordIds(kind: Kind, who: Who, w: World): Ids {
  const key = `${kind}:${who.username}`;
  const cached = idCache.get(key);
  if (cached) return cached;
  const found = findRecordIds(kind, who, w);
  idCache.set(key, found);
  return found;
}

function findRecordIds(kind: Kind, who: Who, w: World): Ids {
  const p = who.path;
  const collab = who.role === "collaborator";
  const ids = (own: number | null, foreign: number | null): Ids => ({ own, foreign, missing: MISSING });
  switch (kind) {
    case "unit":
      // A commune in the subtree (the home unit of a commune account): a province page costs more and proves no more.
      return ids(id(`SELECT u.id FROM "Unit" u WHERE ${IN} AND u."validTo" IS NULL ORDER BY u.kind IN ('commune', 'ward') DESC, u.id LIMIT 1`, p), id(`SELECT u.id FROM "Unit" u WHERE ${OUT} AND u."validTo" IS NULL ORDER BY u.id LIMIT 1`, p, p));
    case "collaborator": {
      const q = (where: string) => `SELECT a.id FROM "Account" a JOIN "Unit" u ON u.id = a."unitId" WHERE a.role = 'collaborator' AND a.id <> ? AND ${where} ORDER BY a.id LIMIT 1`;
      return ids(id(q(IN), who.id, p), id(q(OUT), who.id, p, p));
    }
    case "proposal": {
      const q = (where: string) => `SELECT x.id FROM "Proposal" x JOIN "Unit" u ON u.id = x."unitId" WHERE ${where} ORDER BY x.id LIMIT 1`;
      return ids(id(q(IN), p), id(q(OUT), p, p));
    }
    case "report":
    case "response": {
      const table = kind === "report" ? "OpinionReport" : "SurveyResponse";
      const q = (where: string) => `SELECT x.id FROM "${table}" x JOIN "Unit" u ON u.id = x."unitId" WHERE ${where} ORDER BY x.id LIMIT 1`;
      // A collaborator's own are theirs only: another collaborator's in the same unit is foreign.
      if (collab) return ids(id(q(`x."collaboratorId" = ?`), who.id), id(q(`x."collaboratorId" <> ? AND x."unitId" = ?`), who.id, who.unitId));
      return ids(id(q(IN), p), id(q(OUT), p, p));
    }
    case "survey": {
      const q = (some: string) => `SELECT s.id FROM "Survey" s WHERE s.status <> 'draft' AND ${some} (SELECT 1 FROM "SurveyTarget" t JOIN "Unit" u ON u.id = t."unitId" WHERE t."surveyId" = s.id AND ${IN}) ORDER BY s.id DESC LIMIT 1`;
      return ids(id(q("EXISTS"), p), id(q("NOT EXISTS"), p));
    }
    case "assignedSurvey": {
      // Filled in only for one's own unit (a province-level collaborator has no assignment).
      const q = (some: string) => `SELECT s.id FROM "Survey" s WHERE s.status = 'published' AND ${some} (SELECT 1 FROM "SurveyTarget" t WHERE t."surveyId" = s.id AND t."unitId" = ?) ORDER BY s.id LIMIT 1`;
      return ids(id(q("EXISTS"), who.unitId), id(q("NOT EXISTS"), who.unitId));
    }
    case "period":
      // Periods have no unit: "foreign" here is a closed period, which takes no reports.
      return ids(w.openPeriodId, w.closedPeriodId);
  }
}

const unitCode = (unitId: number) => queryOne<{ code: string }>(`SELECT code FROM "Unit" WHERE id = ?`, unitId).code;

function cell(expectation: Expect, who: Who): number {
  const c = expectation[who.role];
  return typeof c === "number" ? c : c[who.level];
}

const routeDir = path.resolve("app/routes");
const routeFiles = () => fs.readdirSync(routeDir).filter((f) => /\.(tsx?|jsx?)$/.test(f));
const routeId = (file: string) => file.replace(/\.(tsx?|jsx?)$/, "");
const source = (file: string) => fs.readFileSync(path.join(routeDir, file), "utf8");
const routeFileOf = (route: string) => routeFiles().find((f) => routeId(f) === route)!;
/** A page (has a component), as opposed to a resource route (loader/action only). */
const pages = new Map<string, boolean>();
const isPage = (route: string) => pages.get(route) ?? pages.set(route, /export default function/.test(source(routeFileOf(route)))).get(route)!;
const hasAction = (file: string) => /export (async function|const) action\b/.test(fs.readFileSync(path.join(routeDir, file), "utf8"));

test("every route file has an entry in the access matrix, and every action a POST expectation", () => {
  const files = routeFiles();
  const unlisted = files.map(routeId).filter((r) => !(r in ROUTES));
  expect(unlisted, "route files missing from ROUTES in access-matrix.spec.ts").toEqual([]);
  const stale = Object.keys(ROUTES).filter((r) => !files.some((f) => routeId(f) === r));
  expect(stale, "ROUTES entries without a route file").toEqual([]);
  const actionsWithoutPost = files.filter(hasAction).map(routeId).filter((r) => { const e = ROUTES[r]!; return "url" in e && !e.post; });
  expect(actionsWithoutPost, "routes with an action but no POST expectation").toEqual([]);
  // The production build serves exactly these routes (root aside).
  const manifest = fs.readFileSync("build/server/index.js", "utf8");
  for (const r of files.map(routeId)) expect(manifest, `build lacks routes/${r}`).toContain(`"routes/${r}"`);
});

// ── The run ─────────────────────────────────────────────────────────────────────────────────────
/** `target`: the id of the record a POST would change if the gate let it through. */
type Case = { label: string; method: "GET" | "POST"; url: string; expected: number; body?: Record<string, string> | string; json?: boolean; target?: Target };
type Target = { kind: Kind; id: number };

function world(): World {
  return {
    topicCode: queryOne<{ code: string }>(`SELECT code FROM "Topic" WHERE active = 1 ORDER BY "sortOrder" LIMIT 1`).code,
    agencyCode: queryOne<{ code: string }>(`SELECT code FROM "Agency" ORDER BY id LIMIT 1`).code,
    openPeriodId: queryOne<{ id: number }>(`SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 12`).id,
    closedPeriodId: queryOne<{ id: number }>(`SELECT id FROM "ReportingPeriod" WHERE status = 'closed' ORDER BY year DESC, month DESC LIMIT 1`).id,
    definition: queryOne<{ definition: string }>(`SELECT definition FROM "Survey" WHERE code = 'KS.DSHL.2026Q4'`).definition,
  };
}

const fill = (url: string, id: number | string) => url.replace(":id", String(id));
/** `/units/5?x=1` → `/units/5.data?x=1`; `/` → `/_root.data`. */
const dataUrl = (url: string) => {
  const [p, q] = url.split("?");
  return `${p === "/" ? "/_root" : p}.data${q ? `?${q}` : ""}`;
};

function casesFor(who: Who, w: World): Case[] {
  const cases: Case[] = [];
  for (const [route, entry] of Object.entries(ROUTES)) {
    if (!("url" in entry)) continue;
    const allowed = cell(entry.get, who);
    const targets: { which: string; url: string; expected: number }[] = [];
    if (entry.record) {
      const ids = recordIds(entry.record, who, w);
      if (ids.own !== null) targets.push({ which: "own", url: fill(entry.url, ids.own), expected: allowed });
      // Out of scope or missing: 404 whatever the role (before or after the capability check).
      if (ids.foreign !== null) targets.push({ which: "foreign", url: fill(entry.url, ids.foreign), expected: 404 });
      // Missing: only where the capability is held (without it, the 404 comes before any lookup).
      if (allowed !== 404) targets.push({ which: "missing", url: fill(entry.url, ids.missing), expected: 404 });
    } else targets.push({ which: "-", url: entry.url, expected: allowed });
    const ui = isPage(route);
    for (const t of targets) {
      // A 404 is asked of the page's data URL (no HTML to render: a fraction of the cost); pages
      // marked `data` are asked both ways, so the document path is covered too.
      const document = !ui || t.expected !== 404 || entry.data;
      const data = ui && (t.expected === 404 || entry.data) && t.which !== "missing";
      if (document) cases.push({ label: `${route} GET ${t.which}`, method: "GET", url: t.url, expected: t.expected });
      if (data || (ui && !document)) cases.push({ label: `${route} GET .data ${t.which}`, method: "GET", url: dataUrl(t.url), expected: t.expected === 302 ? 202 : t.expected });
    }

    const post = entry.post;
    if (!post || "skip" in post) continue;
    const capable = cell(post.allowed, who) !== 404;
    const recordKind = post.bodyRecord ?? entry.record;
    const ids = recordKind ? recordIds(recordKind, who, w) : null;
    // The record travels in the URL, or (bodyRecord) in the body and the URL names the own one.
    const ownUrlId = entry.record ? recordIds(entry.record, who, w).own ?? MISSING : MISSING;
    const urlFor = (recordId: number) => fill(entry.url, entry.record && !post.bodyRecord ? recordId : ownUrlId);
    // Pages are posted to as the browser's forms do under single fetch (`.data`); the foreign
    // case of pages marked `data` is also posted as a form without JavaScript would (the document).
    const push = (which: string, recordId: number, body: Record<string, string> | string, expected: number) => {
      const url = urlFor(recordId);
      const target = recordKind ? { kind: recordKind, id: recordId } : undefined;
      cases.push({ label: `${route} POST ${which}`, method: "POST", url: ui ? dataUrl(url) : url, body, json: post.json, expected, target });
      if (ui && entry.data && which === "foreign") cases.push({ label: `${route} POST document ${which}`, method: "POST", url, body: post.valid(w, who, recordId), json: post.json, expected, target });
    };
    if (!capable) {
      // Without the capability: a payload that would otherwise be accepted, to an own record → 404.
      const target = ids ? (ids.own ?? ids.foreign ?? ids.missing) : MISSING;
      push("without capability", target, post.valid(w, who, target), 404);
      continue;
    }
    if (post.unitRef) {
      // A unit named in the body: outside the subtree it is as unknown as a code that does not exist.
      const foreignUnit = recordIds("unit", who, w).foreign;
      const urlId = ids?.own ?? MISSING;
      if (foreignUnit !== null) push("naming a foreign unit", urlId, post.unitRef(w, who, unitCode(foreignUnit)), 400);
      push("naming a unit that does not exist", urlId, post.unitRef(w, who, "SH.KHONG.CO"), 400);
    }
    if (!ids) {
      push("allowed, invalid body", MISSING, post.invalid, 400);
      continue;
    }
    if (ids.own !== null) push("own, invalid body", ids.own, post.invalid, 400);
    if (ids.foreign !== null) push("foreign", ids.foreign, post.valid(w, who, ids.foreign), post.foreign ?? 404);
    push("missing", ids.missing, post.valid(w, who, ids.missing), post.missing ?? 404);
  }
  return cases;
}

function anonymousCases(w: World): Case[] {
  const cases: Case[] = [];
  const nobody = { ...accountOf("admin"), username: "(signed out)", role: "admin" as Role, level: "province" as Level };
  for (const [route, entry] of Object.entries(ROUTES)) {
    if (!("url" in entry)) continue;
    const url = entry.record ? fill(entry.url, recordIds(entry.record, nobody, w).own ?? MISSING) : entry.url;
    cases.push({ label: `${route} GET signed out`, method: "GET", url, expected: entry.anonymous ?? 302 });
    const post = entry.post;
    if (post && !("skip" in post)) {
      const body = post.valid(w, nobody, recordIds(post.bodyRecord ?? "unit", nobody, w).own ?? MISSING);
      cases.push({ label: `${route} POST signed out`, method: "POST", url, body, json: post.json, expected: post.anonymous ?? 302 });
    }
  }
  return cases;
}

/** Sends the cases a few at a time; MATRIX_DEBUG=1 logs each request's time and status. */
async function run(session: Session, cases: Case[]) {
  const results = await inBatches(cases, 4, async (c) => {
    const options = { maxRedirects: 0, failOnStatusCode: false, timeout: 20_000 };
    const started = Date.now();
    const status = await statusOfResponse(
      c.method === "GET"
        ? session.request.get(c.url, options)
        : session.request.post(c.url, {
            ...options,
            headers: { ...ORIGIN, ...(c.json ? { "Content-Type": "application/json" } : {}) },
            ...(typeof c.body === "string" ? { data: c.body } : { form: c.body ?? {} }),
          }),
    );
    if (process.env.MATRIX_DEBUG) console.log(`${session.username} ${Date.now() - started}ms ${status}/${c.expected} ${c.method} ${c.url}`);
    return { ...c, status };
  });
  const wrong = results.filter((r) => r.status !== r.expected).map((r) => `${r.label} ${r.url} → ${r.status}, expected ${r.expected}`);
  // Soft: the check of rows written still runs and reports too.
  expect.soft(wrong, `${session.username}: cells that differ from the matrix`).toEqual([]);
  return results.length;
}

/**
 * What the matrix's POSTs would have written had the gate let one through. Other specs write as
 * the same demo accounts in parallel, so this counts only what is the matrix's own: audit entries
 * by the account about the records it posted to (not the entries that allowed downloads write:
 * an export is audited by design), the excused expectations of those records, and rows carrying
 * the matrix's markers (names, codes, UUIDs no other test uses).
 */
const ENTITY_TYPES: Record<Kind, string> = {
  unit: "Unit", collaborator: "Account", proposal: "Proposal", report: "OpinionReport", survey: "Survey", assignedSurvey: "Survey", response: "SurveyResponse", period: "ReportingPeriod",
};

function writeCounts(actorId: number, targets: Target[], w: World) {
  const about = targets.map((t) => [ENTITY_TYPES[t.kind], String(t.id)]);
  const collaborators = [0, ...targets.filter((t) => t.kind === "collaborator").map((t) => t.id)];
  const list = (n: number) => Array(n).fill("?").join(",");
  const marker = (sql: string) => count(sql);
  return {
    audit: count(
      `SELECT COUNT(*) AS n FROM "AuditEntry" WHERE "actorId" = ? AND action NOT LIKE '%.export' AND (${about.map(() => `("entityType" = ? AND "entityId" = ?)`).join(" OR ") || "0"})`,
      actorId, ...about.flat(),
    ),
    excused: count(`SELECT COUNT(*) AS n FROM "ReportExpectation" WHERE "periodId" = ? AND "collaboratorId" IN (${list(collaborators.length)})`, w.openPeriodId, ...collaborators),
    inactive: count(`SELECT COUNT(*) AS n FROM "Account" WHERE active = 0 AND id IN (${list(collaborators.length)})`, ...collaborators),
    markers: [
      marker(`SELECT COUNT(*) AS n FROM "OpinionReport" WHERE "clientUuid" LIKE '0000feed-%'`),
      marker(`SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "clientUuid" LIKE '0000feed-%'`),
      marker(`SELECT COUNT(*) AS n FROM "Account" WHERE username = 'matrix.khong.duoc' OR "displayName" = 'Không được đổi'`),
      marker(`SELECT COUNT(*) AS n FROM "Unit" WHERE code = 'SH.MATRIX' OR name = 'Tên bị đổi trái phép'`),
      marker(`SELECT COUNT(*) AS n FROM "Proposal" WHERE title = 'Không được tạo' OR "answerText" = 'Trả lời trái phép'`),
      marker(`SELECT COUNT(*) AS n FROM "Survey" WHERE code = 'KS.MATRIX'`),
      marker(`SELECT COUNT(*) AS n FROM "Topic" WHERE code = 'MATRIX'`),
    ],
  };
}

for (const account of ACCOUNTS) {
  test(`access matrix: ${account.username} (${account.role}, ${account.level})`, async ({ playwright }) => {
    test.setTimeout(90_000);
    const w = world();
    const who: Who = { ...accountOf(account.username), ...account };
    const session = await openSession(playwright, account.username);
    const cases = casesFor(who, w);
    const targets = cases.flatMap((c) => (c.target ? [c.target] : []));
    const before = writeCounts(who.id, targets, w);
    try {
      expect(await run(session, cases)).toBeGreaterThan(40);
    } finally {
      await session.request.dispose();
    }
    expect(writeCounts(who.id, targets, w), "rows written by the matrix's requests").toEqual(before);
  });
}

test("access matrix: signed out", async ({ playwright }) => {
  const session = await openSession(playwright, null);
  try {
    await run(session, anonymousCases(world()));
  } finally {
    await session.request.dispose();
  }
});
