// The pages of each role, by label, for the walks that check every page (axe, the HTML's bytes).
import { queryOne, unitId } from "./support";
import { surveyId } from "./surveys-support";

const one = (sql: string) => queryOne<{ id: number }>(sql).id;
const survey = () => surveyId("KS.DSHL.2026Q4");

/** Page label → its URL (resolved when the test runs: the database exists only once the server does). */
export type Walk = Record<string, () => string>;

export const admin: Walk = {
  overview: () => "/",
  unit: () => `/units/${unitId("SH.X001")}`,
  "unit search": () => "/units?q=phuong",
  "new unit": () => "/units/new?parent=SH",
  accounts: () => "/admin/accounts",
  "new account": () => "/admin/accounts/new",
  audit: () => "/admin/audit",
  password: () => "/account/password",
};
export const secretariat: Walk = {
  overview: () => "/",
  surveys: () => "/surveys",
  "new survey": () => "/surveys/new",
  survey: () => `/surveys/${survey()}`,
  builder: () => `/surveys/${survey()}/build`,
  results: () => `/surveys/${survey()}/results`,
  "results cross-tab": () => `/surveys/${survey()}/results?xq=Q1&xby=gender`,
  review: () => `/surveys/${survey()}/review`,
  questionnaire: () => `/surveys/responses/${one('SELECT id FROM "SurveyResponse" ORDER BY id LIMIT 1')}`,
  inbox: () => "/reports/inbox",
  report: () => `/reports/${one('SELECT id FROM "OpinionReport" ORDER BY id LIMIT 1')}`,
  completeness: () => "/completeness",
  "opinion summary": () => "/opinion-summary",
  proposals: () => "/proposals",
  proposal: () => `/proposals/${one('SELECT id FROM "Proposal" ORDER BY id LIMIT 1')}`,
  roster: () => "/roster",
  "roster entry": () => `/roster/${one("SELECT id FROM \"Account\" WHERE role = 'collaborator' ORDER BY id LIMIT 1")}`,
  "roster import": () => "/roster/import",
  topics: () => "/topics",
  // The seeded, published province report presented (title slide, a chart slide).
  "meeting mode": () => "/quarterly-reports/1/present",
  "meeting mode, a chart slide": () => "/quarterly-reports/1/present?slide=5",
  "quarterly report print view": () => "/quarterly-reports/1/print",
};
export const collaboratorOnPhone: Walk = {
  overview: () => "/",
  "my reports": () => "/reports",
  "new report": () => `/reports/new?period=${one('SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 12')}`,
  surveys: () => "/surveys",
  "survey form": () => `/surveys/${survey()}/fill`,
};

export const official: Walk = {
  overview: () => "/",
  inbox: () => "/reports/inbox",
  completeness: () => "/completeness",
  "opinion summary": () => "/opinion-summary",
  proposals: () => "/proposals",
  surveys: () => "/surveys",
  results: () => `/surveys/${survey()}/results`,
  units: () => "/units",
};
