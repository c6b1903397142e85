/**
 * The quarterly report's numbers as an Excel workbook: one sheet per section with the
 * figures behind every chart and table, and a "Thông tin" sheet saying which report, version and
 * checksum they come from. Numbers are numbers (shares in percent, dates as dates), every text is
 * formula-safe (`neutraliseFormula`), the header row is bold and frozen.
 */
import ExcelJS from "exceljs";
import { neutraliseFormula } from "~/exports/table-export.server";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import { formatDateTime } from "~/utils/dates";
import type { ChangeRow } from "../compile.server";
import { documentT, plain, quarterName } from "./document-text.server";
import type { ExportSource } from "./source.server";

type Value = string | number | Date | null;
type Kind = "text" | "count" | "decimal" | "percent" | "date" | "p";
type Column = { header: string; kind?: Kind; width?: number };

const FORMATS: Record<Kind, string | undefined> = { text: undefined, count: "#,##0", decimal: "#,##0.00", percent: "0.0", date: "dd/mm/yyyy", p: "0.0000" };
const MAX_WIDTH = 60;

/** A calendar day stored as "2026-05-31" → a date cell. */
const day = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00.000Z`) : null);
const percent = (fraction: number | null) => (fraction === null ? null : 100 * fraction);
const share = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);

function safe(value: Value): ExcelJS.CellValue {
  if (value instanceof Date || typeof value === "number" || value === null) return value;
  return neutraliseFormula(plain(value));
}

/** A sheet: bold frozen header row, formats by column kind, widths from the content (capped, long text wrapped). */
function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Value[][], draft: string | null) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }], properties: draft ? { tabColor: { argb: "FFC00000" } } : {} });
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  for (const row of rows) sheet.addRow(row.map(safe));
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const format = FORMATS[c.kind ?? "text"];
    if (format) column.numFmt = format;
    const longest = Math.max(c.header.length / 2, ...rows.map((r) => (r[i] instanceof Date ? 10 : String(r[i] ?? "").length)));
    column.width = c.width ?? Math.min(MAX_WIDTH, Math.max(8, Math.ceil(longest) + 2));
    if (longest > MAX_WIDTH) column.alignment = { wrapText: true, vertical: "top" };
  });
  if (draft) sheet.headerFooter.oddHeader = `&R&"Times New Roman,Bold"&14${draft}`;
  return sheet;
}

export async function renderReportXlsx(source: ExportSource): Promise<Buffer> {
  const t = documentT();
  const draft = source.status.kind === "draft" ? t("quarterly.document.draft") : null;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Dư luận";
  workbook.title = plain(source.report.title);
  for (const [name, columns, rows] of sheetsOf(source)) addSheet(workbook, name, columns, rows, draft);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Sheet = [string, Column[], Value[][]];

function sheetsOf(source: ExportSource): Sheet[] {
  return [infoSheet(source), networkSheet(source), topicSheet(source), unitSheet(source), urgentSheet(source), changeSheet(source), surveySheet(source), ...proposalSheets(source), followUpSheet(source)];
}

function infoSheet(source: ExportSource): Sheet {
  const t = documentT();
  const s = (key: string) => t(`quarterly.document.sheet.${key}`);
  const { report, figures, status } = source;
  const rows: Value[][] = [
    [s("title"), report.title],
    [s("quarter"), quarterName(report.quarterKey)],
    [s("scope"), `${report.scope.name} (${report.scope.code})`],
    [s("version"), status.kind === "published" ? status.version : null],
    [s("publishedAt"), status.kind === "published" ? formatDateTime(status.publishedAt) : null],
    [s("publishedBy"), status.kind === "published" ? status.publishedBy : null],
    [s("checksum"), status.kind === "published" ? status.checksum : null],
    [s("draftFlag"), status.kind === "draft" ? s("draftYes").replace("{{at}}", formatDateTime(status.compiledAt)) : s("draftNo")],
    [t("quarterly.measure.items"), figures.flows.total],
    [t("quarterly.measure.itemSet"), figures.provenance.itemIdsSha256],
    [t("quarterly.measure.proposalSet"), figures.provenance.proposalIdsSha256],
    [s("weightRule"), t("quarterly.flows.weightRule")],
    [s("method"), t("quarterly.change.method")],
  ];
  return [s("info"), [{ header: s("field"), width: 28 }, { header: s("value"), width: 90 }], rows];
}

function networkSheet({ figures }: ExportSource): Sheet {
  const t = documentT();
  const s = (key: string) => t(`quarterly.document.sheet.${key}`);
  const { network } = figures;
  const coverage = new Map(network.coverage.map((c) => [c.unit.id, c]));
  const reporting = new Map(network.byUnit.map((r) => [r.unit.id, r]));
  const silent = new Set(network.unitsNotReporting.map((u) => u.id));
  const units = [...new Map([...network.coverage, ...network.byUnit].map((r) => [r.unit.id, r.unit])).values()];
  const rows: Value[][] = units.map((u) => {
    const c = coverage.get(u.id);
    const r = reporting.get(u.id);
    return [u.code, u.name, c?.active ?? null, c?.target ?? null, r?.expected ?? null, r?.onTime ?? null, r?.late ?? null, r?.missing ?? null, silent.has(u.id) ? s("yes") : null];
  });
  const { collaborators, reports } = network;
  rows.push(["", t("completeness.total"), collaborators.active, collaborators.target, reports.expected, reports.onTime, reports.late, reports.missing, network.unitsNotReporting.length || null]);
  return [
    s("network"),
    [
      { header: s("unitCode") }, { header: t("summary.unit") },
      { header: s("collaboratorsActive"), kind: "count" }, { header: s("collaboratorsTarget"), kind: "count" },
      ...(["expected", "onTime", "late", "missing"] as const).map((m) => ({ header: t(`quarterly.measure.${m}`), kind: "count" as const })),
      { header: s("notReporting") },
    ],
    rows,
  ];
}

const directionColumns = (): Column[] => DIRECTIONS.map((d) => ({ header: documentT()(`opinion.direction.${d}`), kind: "count" }));

function topicSheet({ figures }: ExportSource): Sheet {
  const t = documentT();
  const { flows } = figures;
  const rows: Value[][] = flows.byTopic.map((r) => [r.rank, r.topic.code, r.topic.nameVi, ...DIRECTIONS.map((d) => r.byDirection[d]), r.total, r.weight]);
  if (rows.length) rows.push([null, "", t("completeness.total"), ...DIRECTIONS.map((d) => flows.byDirection[d]), flows.total, flows.byTopic.reduce((s, r) => s + r.weight, 0)]);
  return [
    t("quarterly.document.sheet.flows"),
    [{ header: t("quarterly.flows.rank"), kind: "count" }, { header: t("quarterly.document.sheet.code") }, { header: t("reports.topic") }, ...directionColumns(), { header: t("completeness.total"), kind: "count" }, { header: t("quarterly.measure.weight"), kind: "count" }],
    rows,
  ];
}

function unitSheet({ figures }: ExportSource): Sheet {
  const t = documentT();
  const suppressed = t("quarterly.document.sheet.suppressed");
  const rows: Value[][] = figures.flows.byUnit.map((r) => [r.unit.code, r.own ? t("summary.ownRow", { unit: r.unit.name }) : r.unit.name, ...DIRECTIONS.map((d) => r.byDirection?.[d] ?? null), r.total, r.byDirection ? null : suppressed]);
  return [
    t("quarterly.document.sheet.flowsByUnit"),
    [{ header: t("quarterly.document.sheet.unitCode") }, { header: t("summary.unit") }, ...directionColumns(), { header: t("completeness.total"), kind: "count" }, { header: t("quarterly.followUp.note") }],
    rows,
  ];
}

function urgentSheet({ figures }: ExportSource): Sheet {
  const t = documentT();
  const rows: Value[][] = figures.flows.urgent.map((i) => [i.title, i.topic.nameVi, i.areaUnit.code, i.areaUnit.name, t(`opinion.direction.${i.direction}`), i.summary]);
  return [
    t("quarterly.document.sheet.urgent"),
    [{ header: t("quarterly.proposals.issue") }, { header: t("reports.topic") }, { header: t("quarterly.document.sheet.unitCode") }, { header: t("summary.unit") }, { header: t("reports.direction") }, { header: t("quarterly.document.sheet.summary") }],
    rows,
  ];
}

function changeSheet({ figures }: ExportSource): Sheet {
  const t = documentT();
  const s = (key: string, o?: Record<string, string>) => t(`quarterly.document.sheet.${key}`, o);
  const rows: Value[][] = [];
  for (const which of ["previous", "lastYear"] as const) {
    const c = figures.change[which];
    const label = t(`quarterly.change.${which}`, { quarter: quarterName(c.quarterKey) });
    if (!c.available) rows.push([label, quarterName(c.quarterKey), "", t("quarterly.change.unavailable", { quarter: quarterName(c.quarterKey) })]);
    for (const r of c.rows) rows.push([label, quarterName(c.quarterKey), r.topic.code, r.topic.nameVi, r.nNow, r.nThen, ...DIRECTIONS.flatMap((d) => [share(r.now[d], r.nNow), share(r.then[d], r.nThen)]), ...testCells(r)]);
  }
  return [
    s("change"),
    [
      { header: s("comparedWith") }, { header: s("period") }, { header: s("code") }, { header: t("reports.topic") },
      { header: s("nNow"), kind: "count" }, { header: s("nThen"), kind: "count" },
      ...DIRECTIONS.flatMap((d) => [{ header: s("shareNow", { direction: t(`opinion.direction.${d}`) }), kind: "percent" as const }, { header: s("shareThen", { direction: t(`opinion.direction.${d}`) }), kind: "percent" as const }]),
      { header: s("statistic"), kind: "decimal" }, { header: s("df"), kind: "count" }, { header: s("pValue"), kind: "p" }, { header: s("pAdjusted"), kind: "p" },
      { header: t("quarterly.change.verdict") }, { header: s("flag") },
    ],
    rows,
  ];
}

function testCells(r: ChangeRow): Value[] {
  const t = documentT();
  if ("notTested" in r.test) return [null, null, null, null, t(`quarterly.change.notTested.${r.test.notTested}`), null];
  const flag = r.flag ? `${t(`opinion.direction.${r.flag.direction}`)} ${r.flag.points >= 0 ? "+" : "−"}${Math.abs(r.flag.points)}` : null;
  return [r.test.statistic, r.test.df, r.test.pValue, r.test.pAdjusted, t(r.significant ? "quarterly.change.significant" : "quarterly.change.notSignificant"), flag];
}

function surveySheet({ figures }: ExportSource): Sheet {
  const t = documentT();
  const s = (key: string) => t(`quarterly.document.sheet.${key}`);
  const rows: Value[][] = [];
  for (const sv of figures.surveys ?? []) {
    const head = [sv.survey.code, sv.survey.title, day(sv.survey.closesOn), sv.issued, sv.valid, percent(sv.rate)];
    if (sv.suppressed || sv.questions.length === 0) rows.push([...head, null, null, null, null, null, null, null, null, null, sv.suppressed ? t("quarterly.surveys.suppressed") : null]);
    for (const q of sv.questions) {
      if (q.options === null) rows.push([...head, q.code, q.title, q.n, null, null, null, null, null, null, t("quarterly.surveys.smallCell")]);
      else for (const o of q.options) rows.push([...head, q.code, q.title, q.n, o.label, o.count, 100 * o.share, 100 * o.ci[0], 100 * o.ci[1], percent(o.previousShare), null]);
    }
  }
  return [
    s("surveys"),
    [
      { header: s("code") }, { header: s("survey") }, { header: t("surveys.closesOn"), kind: "date" },
      { header: s("issued"), kind: "count" }, { header: s("valid"), kind: "count" }, { header: `${s("valid")} (%)`, kind: "percent" },
      { header: s("code") }, { header: s("question") }, { header: "n", kind: "count" }, { header: t("quarterly.surveys.option") }, { header: t("quarterly.surveys.count"), kind: "count" },
      { header: s("share"), kind: "percent" }, { header: s("ciLow"), kind: "percent" }, { header: s("ciHigh"), kind: "percent" }, { header: s("previousShare"), kind: "percent" },
      { header: t("quarterly.followUp.note") },
    ],
    rows,
  ];
}

function proposalSheets({ figures }: ExportSource): Sheet[] {
  const t = documentT();
  const s = (key: string) => t(`quarterly.document.sheet.${key}`);
  const { byAgency, totals } = figures.proposals;
  const measures = ["forwarded", "answered", "answeredLate", "overdue"] as const;
  const agencyRows: Value[][] = byAgency.map((a) => [a.agency.code, a.agency.name, ...measures.map((m) => a[m])]);
  if (agencyRows.length) agencyRows.push(["", t("completeness.total"), ...measures.map((m) => totals[m])]);
  const listRows: Value[][] = byAgency.flatMap((a) =>
    a.proposals.map((p) => [a.agency.name, p.title, p.unit.code, p.unit.name, t(`proposals.statusName.${p.status}`), day(p.forwardedOn), day(p.dueOn), day(p.answeredOn), p.answerText ?? null, p.answeredLate ? s("yes") : null, p.overdue ? s("yes") : null]),
  );
  return [
    [s("proposalsByAgency"), [{ header: s("agencyCode") }, { header: t("quarterly.proposals.agency") }, ...measures.map((m) => ({ header: t(`quarterly.measure.${m}`), kind: "count" as const }))], agencyRows],
    [
      s("proposals"),
      [
        { header: t("quarterly.proposals.agency") }, { header: t("quarterly.proposals.issue") }, { header: s("unitCode") }, { header: t("summary.unit") }, { header: t("proposals.status") },
        { header: t("proposals.forwardedOn"), kind: "date" }, { header: t("quarterly.proposals.dueOn"), kind: "date" }, { header: t("proposals.answeredOn"), kind: "date" },
        { header: t("quarterly.proposals.answer") }, { header: t("quarterly.measure.answeredLate") }, { header: t("proposals.overdue") },
      ],
      listRows,
    ],
  ];
}

function followUpSheet({ figures }: ExportSource): Sheet {
  const t = documentT();
  const rows: Value[][] = figures.followUp.map((task) => [task.task, task.responsibleUnit.code, task.responsibleUnit.name, day(task.dueOn), t(`quarterly.followUp.statusName.${task.status}`), task.note]);
  return [
    t("quarterly.document.sheet.followUp"),
    [{ header: t("quarterly.followUp.task") }, { header: t("quarterly.document.sheet.unitCode") }, { header: t("quarterly.followUp.unit") }, { header: t("quarterly.followUp.dueOn"), kind: "date" }, { header: t("quarterly.followUp.status") }, { header: t("quarterly.followUp.note") }],
    rows,
  ];
}
