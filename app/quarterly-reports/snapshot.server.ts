/**
 * The published snapshot of a quarterly report (decision 0017): a self-contained, versioned JSON
 * document — figures, narrative, provenance — serialised canonically (sorted keys) and checksummed
 * with SHA-256, so that a receiver at the next level can verify it after parsing and
 * re-serialising. And the figure-by-figure comparison of a snapshot with the live figures.
 */
import crypto from "node:crypto";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import { splitQuarterKey } from "~/periods/period-math";
import { formatQuarter } from "~/utils/dates";
import type { CompiledReport } from "./compile.server";
import { FOLLOW_UP_STATUSES } from "./report-schemas";

/** Bumped whenever the document's shape changes; readers switch on it. */
export const SNAPSHOT_SCHEMA_VERSION = 1;
export const SNAPSHOT_KIND = "du-luan/quarterly-report";

export type Narrative = { assessment: string; forecast: string; recommendations: string; nextTasks: string };

export type SnapshotDocument = {
  kind: typeof SNAPSHOT_KIND;
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  report: { id: number; title: string; quarterKey: number; scope: { code: string; name: string }; version: number };
  figures: CompiledReport;
  narrative: Narrative;
  provenance: CompiledReport["provenance"] & { publishedAt: string; publishedBy: { username: string; role: string }; compiler: string };
};

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256Hex(text: string): string {
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

/** The stored text and its checksum. */
export function sealSnapshot(document: SnapshotDocument): { snapshot: string; checksum: string } {
  const snapshot = canonicalJson(document);
  return { snapshot, checksum: sha256Hex(snapshot) };
}

/** Parses a stored snapshot, telling whether its bytes still match the checksum. */
export function openSnapshot(snapshot: string, checksum: string): { document: SnapshotDocument; intact: boolean } {
  return { document: JSON.parse(snapshot) as SnapshotDocument, intact: sha256Hex(snapshot) === checksum };
}

// ── Figures and their differences ─────────────────────────────────────────────────────────────

/** A subject's name in both languages (topics) or one (units, agencies: proper names). */
export type Subject = string | { vi: string; en: string } | null;
export type Figure = { key: string; section: "network" | "flows" | "surveys" | "proposals" | "followUp" | "provenance" | "trend"; subject: Subject; measure: string; value: number | string };

/** Every figure the report shows that a correction could change, keyed stably by codes. */
export function figureList(c: CompiledReport): Figure[] {
  const out: Figure[] = [];
  const push = (key: string, section: Figure["section"], subject: Subject, measure: string, value: number | string) => out.push({ key, section, subject, measure, value });
  push("network.collaborators.active", "network", null, "collaboratorsActive", c.network.collaborators.active);
  push("network.collaborators.target", "network", null, "collaboratorsTarget", c.network.collaborators.target);
  for (const m of ["expected", "onTime", "late", "missing"] as const) push(`network.reports.${m}`, "network", null, m, c.network.reports[m]);
  for (const r of c.network.byUnit) for (const m of ["onTime", "late", "missing"] as const) push(`network.unit.${r.unit.code}.${m}`, "network", r.unit.name, m, r[m]);
  push("flows.total", "flows", null, "items", c.flows.total);
  for (const r of c.flows.byTopic) {
    const subject = { vi: r.topic.nameVi, en: r.topic.nameEn };
    for (const [d, n] of Object.entries(r.byDirection)) push(`flows.topic.${r.topic.code}.${d}`, "flows", subject, d, n);
    push(`flows.topic.${r.topic.code}.weight`, "flows", subject, "weight", r.weight);
  }
  for (const r of c.flows.byUnit) push(`flows.unit.${r.unit.code}.total`, "flows", r.unit.name, "items", r.total);
  push("flows.urgent", "flows", null, "urgent", c.flows.urgentCount);
  // Snapshots published before the social groups and the trend existed have neither.
  for (const r of c.flows.socialGroups ?? []) push(`flows.group.${r.group.code}.items`, "flows", { vi: r.group.nameVi, en: r.group.nameEn }, "items", r.total);
  trendFigures(c, push);
  // Snapshots published before section 4 existed have no `surveys`.
  for (const sv of (c.surveys as CompiledReport["surveys"] | undefined) ?? []) {
    push(`surveys.${sv.survey.code}.issued`, "surveys", sv.survey.title, "formsIssued", sv.issued);
    push(`surveys.${sv.survey.code}.valid`, "surveys", sv.survey.title, "formsValid", sv.valid);
    for (const q of sv.questions) push(`surveys.${sv.survey.code}.${q.code}.n`, "surveys", `${sv.survey.title} · ${q.code}`, "answers", q.n);
  }
  for (const m of ["forwarded", "answered", "answeredLate", "overdue"] as const) push(`proposals.${m}`, "proposals", null, m, c.proposals.totals[m]);
  for (const a of c.proposals.byAgency) for (const m of ["forwarded", "answered", "answeredLate", "overdue"] as const) push(`proposals.agency.${a.agency.code}.${m}`, "proposals", a.agency.name, m, a[m]);
  push("followUp.tasks", "followUp", null, "followUpTasks", c.followUp.length);
  for (const s of FOLLOW_UP_STATUSES) push(`followUp.status.${s}`, "followUp", null, `followUpStatus.${s}`, c.followUp.filter((t) => t.status === s).length);
  push("provenance.items", "provenance", null, "itemSet", c.provenance.itemIdsSha256);
  push("provenance.proposals", "provenance", null, "proposalSet", c.provenance.proposalIdsSha256);
  return out;
}

/**
 * The trend's figures of the quarters before the report's (the report's own quarter is in the
 * flows already): a late correction to an earlier quarter shows as a difference too. Per topic,
 * quarter and direction; per survey question and wave, its n.
 */
function trendFigures(c: CompiledReport, push: (key: string, section: Figure["section"], subject: Subject, measure: string, value: number | string) => void) {
  if (!c.trend) return;
  const available = new Set(c.trend.quarters.filter((q) => q.available && q.quarterKey !== c.quarterKey).map((q) => q.quarterKey));
  for (const r of c.trend.topics) {
    for (const p of r.points) {
      if (!available.has(p.quarterKey)) continue;
      const { year, quarter } = splitQuarterKey(p.quarterKey);
      const subject = { vi: `${r.topic.nameVi} · ${formatQuarter(year, quarter, "vi")}`, en: `${r.topic.nameEn} · ${formatQuarter(year, quarter, "en")}` };
      for (const d of DIRECTIONS) push(`trend.topic.${r.topic.code}.${p.quarterKey}.${d}`, "trend", subject, d, p.byDirection[d]);
    }
  }
  for (const sv of c.trend.surveys) {
    for (const q of sv.questions) {
      for (const p of q.points) if (p.n !== null && p.wave.code !== sv.survey.code) push(`trend.survey.${sv.survey.code}.${q.code}.${p.wave.code}.n`, "trend", `${sv.survey.title} · ${q.code} · ${p.wave.period}`, "answers", p.n);
    }
  }
}

export type FigureDifference = Omit<Figure, "value"> & { published: number | string | null; live: number | string | null };

/**
 * The figures that differ between the published and the live compilation, in the published
 * order then the new ones. A count present on one side only is 0 on the other (a topic nobody
 * raised is a topic with zero items); the provenance hashes say "changed" without values.
 */
export function diffFigures(published: CompiledReport, live: CompiledReport): FigureDifference[] {
  const before = figureList(published);
  const after = figureList(shapedLike(published, live));
  const afterByKey = new Map(after.map((f) => [f.key, f]));
  const beforeKeys = new Set(before.map((f) => f.key));
  const absent = (f: Figure) => (typeof f.value === "number" ? 0 : null);
  const out: FigureDifference[] = [];
  for (const f of before) {
    const a = afterByKey.get(f.key);
    const live = a ? a.value : absent(f);
    if (live !== f.value) out.push({ key: f.key, section: f.section, subject: f.subject, measure: f.measure, published: f.value, live });
  }
  for (const a of after) {
    if (beforeKeys.has(a.key)) continue;
    const published = absent(a);
    if (published !== a.value) out.push({ key: a.key, section: a.section, subject: a.subject, measure: a.measure, published, live: a.value });
  }
  return out;
}

/**
 * The live figures without the parts a snapshot published before they existed lacks (surveys,
 * social groups, trend): a figure that was not in the published report is not a changed one.
 */
function shapedLike(published: CompiledReport, live: CompiledReport): CompiledReport {
  const had = (value: unknown) => value !== undefined;
  return {
    ...live,
    surveys: had(published.surveys) ? live.surveys : (undefined as unknown as CompiledReport["surveys"]),
    flows: had(published.flows.socialGroups) ? live.flows : { ...live.flows, socialGroups: undefined },
    trend: had(published.trend) ? live.trend : undefined,
  };
}
