/**
 * The seven sections of the quarterly report as the party document's numbered parts (I., 1., a)),
 * from the export source's figures and narrative: the same content as the page, with the charts
 * as images beside their tables. Long per-unit lists stay in the Excel file (the document names
 * the units that did not report, and says where the rest is).
 */
import { setImmediate } from "node:timers/promises";
import type { Paragraph, Table } from "docx";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import { formatDay } from "~/utils/dates";
import { formatPValue } from "~/utils/numbers";
import type { Comparison } from "../compile.server";
import { narrativeBlocks } from "../narrative";
import { DOCUMENT_LANGUAGE, documentT, num, pct, quarterName, shareOf } from "./document-text.server";
import { dash, gap, heading, note, para, SMALL_TABLE_SIZE, table, tableTitle, type CellValue } from "./docx-parts.server";
import type { ExportSource } from "./source.server";

type Block = Paragraph | Table;
type Figures = ExportSource["figures"];

/** Points are lettered in the Vietnamese alphabet's order: a), b), c), d), đ), e), g)… */
const LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];
const letter = (i: number) => LETTERS[i] ?? String(i + 1);

/** The report's chart images, as paragraphs ready to place, by chart id. */
export type ChartParagraphs = Map<string, Paragraph>;
type ChartOf = (id: string) => Paragraph[];

const SECTIONS: ((figures: Figures, chart: ChartOf, narrative: ExportSource["narrative"]) => Block[])[] = [
  (f) => (f.empty ? [para(documentT()("quarterly.empty"), { italics: true })] : []),
  networkSection,
  flowsSection,
  (f) => changeSection(f),
  surveysSection,
  (f) => proposalsSection(f),
  (f) => followUpSection(f),
  (_f, _chart, narrative) => narrativeSection(narrative),
];

/**
 * Sections I–VII, built one at a time with a turn of the event loop between them: a long report's
 * tables are tens of thousands of objects, and other requests should not wait for all of them.
 */
export async function reportSections(source: ExportSource, charts: ChartParagraphs): Promise<Block[]> {
  const chart: ChartOf = (id) => {
    const found = charts.get(id);
    return found ? [found] : [];
  };
  const blocks: Block[] = [];
  for (const section of SECTIONS) {
    blocks.push(...section(source.figures, chart, source.narrative));
    await setImmediate();
  }
  return blocks;
}

function networkSection(f: Figures, chart: ChartOf): Block[] {
  const t = documentT();
  const { network } = f;
  return [
    heading(t("quarterly.sections.network"), 1),
    heading(`1. ${t("quarterly.document.collaboratorsHeading")}`, 2),
    para(`${t("quarterly.network.collaborators", { active: num(network.collaborators.active), target: num(network.collaborators.target) })}.`),
    heading(`2. ${t("quarterly.document.reportsHeading")}`, 2),
    para(`${t("quarterly.network.reports", { expected: num(network.reports.expected), onTime: num(network.reports.onTime), late: num(network.reports.late), missing: num(network.reports.missing) })}.`),
    ...chart("network-reports"),
    ...(network.unitsNotReporting.length > 0
      ? [para(`${t("quarterly.network.notReporting")} ${network.unitsNotReporting.map((u) => u.name).join(", ")}.`)]
      : network.reports.expected > 0 ? [para(t("quarterly.network.allReported"))] : []),
    ...(network.byUnit.length > 0 ? [note(t("quarterly.document.seeWorkbook", { count: network.byUnit.length }))] : []),
  ];
}

function flowsSection(f: Figures, chart: ChartOf): Block[] {
  const t = documentT();
  const { flows, scope, quarterKey } = f;
  const quarter = quarterName(quarterKey);
  const out: Block[] = [heading(t("quarterly.sections.flows"), 1)];
  if (flows.total === 0) out.push(para(t("quarterly.flows.noItems")));
  else {
    out.push(
      heading(`1. ${t("quarterly.document.topicsHeading")}`, 2),
      para(t("quarterly.document.total", { n: num(flows.total) })),
      ...chart("flows-topic-direction"),
      tableTitle(t("quarterly.flows.byTopic", { quarter, unit: scope.name, n: num(flows.total) })),
      table(
        [
          { header: t("quarterly.flows.rank"), width: 9, numeric: true },
          { header: t("reports.topic"), width: 26 },
          ...DIRECTIONS.map((d) => ({ header: t(`opinion.direction.${d}`), width: 11, numeric: true })),
          { header: t("completeness.total"), width: 10, numeric: true },
          { header: t("quarterly.measure.weight"), width: 11, numeric: true },
        ],
        flows.byTopic.map((r) => [String(r.rank), r.topic.nameVi, ...DIRECTIONS.map((d) => num(r.byDirection[d])), num(r.total), num(r.weight)]),
      ),
      note(t("quarterly.flows.weightRule")),
      heading(`2. ${t("quarterly.document.rankingHeading")}`, 2),
      para(t("quarterly.document.topTopics", { list: flows.byTopic.slice(0, 3).map((r) => `${r.topic.nameVi} (${t("quarterly.measure.weight").toLocaleLowerCase("vi")} ${num(r.weight)})`).join("; ") })),
      ...chart("flows-topic-weight"),
    );
    if (flows.byUnit.length > 0) out.push(note(t("quarterly.document.seeWorkbook", { count: flows.byUnit.length })));
  }
  out.push(heading(`${flows.total === 0 ? 1 : 3}. ${t("quarterly.flows.urgent", { count: flows.urgentCount })}`, 2));
  if (flows.urgent.length === 0) out.push(para(t("quarterly.flows.noUrgent")));
  for (const item of flows.urgent) {
    out.push(dash(`${item.title} (${item.topic.nameVi}; ${item.areaUnit.name}; ${t(`opinion.direction.${item.direction}`)}): ${item.summary}`));
  }
  if (flows.urgentCount > flows.urgent.length) out.push(note(t("quarterly.flows.urgentMore", { shown: flows.urgent.length, count: flows.urgentCount })));
  return out;
}

function changeSection(f: Figures): Block[] {
  const t = documentT();
  return [
    heading(t("quarterly.sections.change"), 1),
    ...comparisonPart(f, "previous", 1),
    ...comparisonPart(f, "lastYear", 2),
    note(t("quarterly.change.method")),
  ];
}

function comparisonPart(f: Figures, which: "previous" | "lastYear", number: number): Block[] {
  const t = documentT();
  const c: Comparison = f.change[which];
  const then = quarterName(c.quarterKey);
  const now = quarterName(f.quarterKey);
  const out: Block[] = [heading(`${number}. ${t(`quarterly.change.${which}`, { quarter: then })}`, 2)];
  if (!c.available) return [...out, para(t("quarterly.change.unavailable", { quarter: then }))];
  const flags = c.rows.filter((r) => r.flag);
  if (flags.length === 0) out.push(para(t("quarterly.change.noFlags")));
  for (const r of flags) {
    out.push(dash(t("quarterly.change.flag", {
      direction: t(`opinion.direction.${r.flag!.direction}`),
      topic: r.topic.nameVi,
      verb: t(r.flag!.points >= 0 ? "quarterly.change.up" : "quarterly.change.down"),
      points: Math.abs(r.flag!.points),
      quarter: then,
    })));
  }
  if (c.rows.length === 0) return out;
  out.push(
    tableTitle(`${t("quarterly.change.table", { now, then })} (%; ${t("quarterly.document.nowOverThen", { now, then })})`),
    table(
      [
        { header: t("reports.topic"), width: 22 },
        ...DIRECTIONS.map((d) => ({ header: t(`opinion.direction.${d}`), width: 10, numeric: true })),
        { header: "n", width: 8, numeric: true },
        { header: t("quarterly.change.pValue"), width: 9, numeric: true },
        { header: t("quarterly.change.verdict"), width: 21 },
      ],
      // Each cell: this quarter's figure over the compared quarter's.
      c.rows.map((r) => [
        r.topic.nameVi,
        ...DIRECTIONS.map((d) => `${shareOf(r.now[d], r.nNow)}\n${shareOf(r.then[d], r.nThen)}`),
        `${num(r.nNow)}\n${num(r.nThen)}`,
        "pAdjusted" in r.test ? formatPValue(r.test.pAdjusted, DOCUMENT_LANGUAGE) : "—",
        "notTested" in r.test ? t(`quarterly.change.notTested.${r.test.notTested}`) : t(r.significant ? "quarterly.change.significant" : "quarterly.change.notSignificant"),
      ]),
      SMALL_TABLE_SIZE,
    ),
    gap(),
  );
  return out;
}

function surveysSection(f: Figures, chart: ChartOf): Block[] {
  const t = documentT();
  const surveys = f.surveys ?? [];
  const out: Block[] = [heading(t("quarterly.sections.surveys"), 1)];
  if (surveys.length === 0) out.push(para(t("quarterly.surveys.none")));
  surveys.forEach((sv, i) => {
    out.push(
      heading(`${i + 1}. ${sv.survey.title} (${sv.survey.code})`, 2),
      para(`${t("quarterly.surveys.forms", { issued: num(sv.issued), valid: num(sv.valid), rate: sv.rate === null ? "—" : pct(sv.rate), closesOn: formatDay(sv.survey.closesOn) })}${sv.previousWave ? ` ${t("quarterly.surveys.previousWave", { code: sv.previousWave.code })}` : ""}`),
    );
    if (sv.suppressed) out.push(para(t("quarterly.surveys.suppressed"), { italics: true }));
    sv.questions.forEach((q, j) => {
      out.push(heading(`${letter(j)}) ${t("quarterly.surveys.question", { title: q.title, n: num(q.n) })}`, 3));
      if (q.options === null) {
        out.push(para(t("quarterly.surveys.smallCell"), { italics: true }));
        return;
      }
      out.push(
        ...chart(`survey-${sv.survey.code}-${q.code}`),
        table(
          [
            { header: t("quarterly.surveys.option"), width: 34 },
            { header: t("quarterly.surveys.count"), width: 12, numeric: true },
            { header: "%", width: 10, numeric: true },
            { header: t("quarterly.surveys.ci"), width: 18, numeric: true },
            ...(sv.previousWave ? [{ header: t("quarterly.surveys.change"), width: 18, numeric: true }] : []),
          ],
          q.options.map((o) => [
            o.label,
            num(o.count),
            pct(o.share),
            `${pct(o.ci[0])}–${pct(o.ci[1])}`,
            ...(sv.previousWave ? [o.previousShare === null ? "—" : `${o.share >= o.previousShare ? "+" : "−"}${pct(Math.abs(o.share - o.previousShare))}`] : []),
          ]),
        ),
        gap(),
      );
    });
  });
  return out;
}

function proposalsSection(f: Figures): Block[] {
  const t = documentT();
  const { proposals } = f;
  const out: Block[] = [heading(t("quarterly.sections.proposals"), 1)];
  if (proposals.totals.forwarded === 0) return [...out, para(t("quarterly.proposals.none"))];
  const { forwarded, answered, answeredLate, overdue } = proposals.totals;
  out.push(para(`${t("quarterly.proposals.summary", { forwarded: num(forwarded), answered: num(answered), answeredLate: num(answeredLate), overdue: num(overdue) })}.`));
  // Agency → issue → answer (Decision 238): the agency's cell spans its proposals' rows.
  const rows: CellValue[][] = proposals.byAgency.flatMap((a) =>
    a.proposals.map((p, i) => [
      ...(i === 0 ? [{ text: `${a.agency.name} (${t("quarterly.measure.forwarded").toLocaleLowerCase("vi")} ${a.forwarded}, ${t("quarterly.measure.answered").toLocaleLowerCase("vi")} ${a.answered}, ${t("quarterly.measure.overdue").toLocaleLowerCase("vi")} ${a.overdue})`, rowSpan: a.proposals.length, bold: true }] : []),
      `${p.title} (${p.unit.name})`,
      `${formatDay(p.dueOn)}${p.overdue ? ` (${t("quarterly.measure.overdue").toLocaleLowerCase("vi")})` : ""}`,
      p.answerText ? t("quarterly.document.answered", { text: p.answerText, date: formatDay(p.answeredOn), late: p.answeredLate ? t("quarterly.document.late") : "" }) : t("quarterly.proposals.noAnswer"),
    ]),
  );
  out.push(
    tableTitle(t("quarterly.proposals.byAgency", { quarter: quarterName(f.quarterKey) })),
    table(
      [
        { header: t("quarterly.proposals.agency"), width: 24 },
        { header: t("quarterly.proposals.issue"), width: 30 },
        { header: t("quarterly.proposals.dueOn"), width: 14 },
        { header: t("quarterly.proposals.answer"), width: 32 },
      ],
      rows,
    ),
    gap(),
  );
  return out;
}

function followUpSection(f: Figures): Block[] {
  const t = documentT();
  const out: Block[] = [heading(t("quarterly.sections.followUp"), 1)];
  if (f.followUp.length === 0) return [...out, para(t("quarterly.followUp.none"))];
  out.push(
    table(
      [
        { header: t("quarterly.followUp.task"), width: 32 },
        { header: t("quarterly.followUp.unit"), width: 18 },
        { header: t("quarterly.followUp.dueOn"), width: 13 },
        { header: t("quarterly.followUp.status"), width: 15 },
        { header: t("quarterly.followUp.note"), width: 22 },
      ],
      f.followUp.map((task) => [task.task, task.responsibleUnit.name, formatDay(task.dueOn), t(`quarterly.followUp.statusName.${task.status}`), task.note ?? ""]),
    ),
    gap(),
  );
  return out;
}

const NARRATIVE_PARTS = ["assessment", "forecast", "recommendations", "nextTasks"] as const;

/** Section 7: the secretariat's text, its "# " headings lettered a), b)…, its "- " lines as dashes. */
function narrativeSection(narrative: ExportSource["narrative"]): Block[] {
  const t = documentT();
  const out: Block[] = [heading(t("quarterly.sections.narrative"), 1)];
  NARRATIVE_PARTS.forEach((part, i) => {
    out.push(heading(`${i + 1}. ${t(`quarterly.narrative.${part}`)}`, 2));
    if (!narrative[part]) {
      out.push(para(t("quarterly.narrative.empty"), { italics: true }));
      return;
    }
    let headings = 0;
    for (const block of narrativeBlocks(narrative[part])) {
      if (block.kind === "heading") out.push(heading(`${letter(headings++)}) ${block.text}`, 3));
      else if (block.kind === "list") out.push(...block.items.map(dash));
      else out.push(para(block.text));
    }
  });
  return out;
}
