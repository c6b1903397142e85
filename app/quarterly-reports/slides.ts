// The quarterly report as slides: ONE ordered model read by both meeting mode (the
// browser, Chart.js) and the PowerPoint committee pack (pptxgenjs, native charts), so that what
// the room sees and the file officials take home say the same thing with the same numbers.
// Pure: no I/O, no React; texts come from the `t` passed in (the page's or the request's language).
import { DIRECTION_COLORS } from "~/opinion-reports/direction-colors";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import { formatDay, formatQuarter, todayInVietnam } from "~/utils/dates";
import { formatNumber } from "~/utils/numbers";
import type { CompiledReport } from "./compile.server";
import type { ExportSource } from "./exports/source.server";
import { narrativeBlocks, type NarrativeBlock } from "./narrative";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A bar chart as data: meeting mode draws it with Chart.js, the pack as a native PowerPoint chart. */
export type SlideChart = {
  /** Bars run left to right (categories down the side): long Vietnamese labels stay readable. */
  horizontal: true;
  stacked: boolean;
  categories: string[];
  series: { name: string; values: number[]; color: string }[];
  /** Values are percentages (0–100, one decimal) rather than counts. */
  percent: boolean;
  /** The chart's accessible name (alt text in the file). */
  label: string;
};

type SlideBase = {
  heading: string;
  /** Chart and table slides: "quarter · unit · n = … · Source: …" under the heading. */
  meta: string | null;
  /** Speaker notes: the numbers behind the slide and, where statistics are read, the methods note. */
  notes: string;
};
export type Stat = { value: string; label: string };
export type TableColumn = { label: string; numeric: boolean };

export type Slide = SlideBase &
  (
    | { kind: "title"; reportType: string; lines: string[] }
    | { kind: "findings"; stats: Stat[]; bullets: string[] }
    | { kind: "bullets"; bullets: string[] }
    | { kind: "chart"; chart: SlideChart; bullets: string[] }
    | { kind: "table"; columns: TableColumn[]; rows: string[][]; bullets: string[] }
    | { kind: "text"; blocks: NarrativeBlock[] }
    | { kind: "closing"; lines: string[] }
  );

export type Deck = {
  /** "DỰ THẢO" on every slide of a draft; null once published. */
  draft: string | null;
  /** "Quý II/2026 · Tỉnh Sơn Hà" at the foot of every slide. */
  footer: string;
  slides: Slide[];
};

export type SlideSource = Pick<ExportSource, "report" | "figures" | "narrative" | "status">;

/** How many bullets, table rows or narrative lines a slide holds before it continues on the next. */
const MAX_BULLETS = 5;
const MAX_TABLE_ROWS = 8;
const MAX_TEXT_LINES = 9;
/** Units not reporting named on the slide (all of them in the notes). */
const NAMED_UNITS = 8;
/** Urgent items listed on the slide (the report lists more). */
const LISTED_URGENT = 5;

const OUTCOME_COLORS = { onTime: "#15803d", late: "#d97706", missing: "#b91c1c" } as const;
const WEIGHT_COLOR = "#1e3a8a";
/** The survey results page's colours: this wave, the previous one. */
const WAVE_COLORS = ["#b91c1c", "#9aa5b1"] as const;

const chunk = <T>(list: T[], size: number): T[][] => (list.length === 0 ? [[]] : Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size)));
const joinNotes = (...parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join("\n\n");

/** Everything the builders share: texts, number formats, the quarter and unit of the report. */
function context(source: SlideSource, t: Translate, lang: string) {
  const { report } = source;
  const quarterOf = (key: number) => formatQuarter(Math.floor(key / 10), (key % 10) as 1 | 2 | 3 | 4, lang);
  const quarter = formatQuarter(report.year, report.quarter as 1 | 2 | 3 | 4, lang);
  const unit = report.scope.name;
  return {
    t,
    lang,
    quarter,
    quarterOf,
    unit,
    n: (v: number) => formatNumber(v, lang),
    pct: (fraction: number) => formatNumber(100 * fraction, lang, 1),
    topicName: (topic: { nameVi: string; nameEn: string }) => (lang === "en" ? topic.nameEn : topic.nameVi),
    meta: (n: number, source: string) => t("quarterly.slides.meta", { quarter, unit, n: formatNumber(n, lang), source }),
    methods: t("quarterly.change.method"),
  };
}
type Ctx = ReturnType<typeof context>;

/** The slides of a quarterly report, in the order they are presented. */
export function buildDeck(source: SlideSource, t: Translate, lang: string): Deck {
  const c = context(source, t, lang);
  const { figures } = source;
  return {
    draft: source.status.kind === "draft" ? t("quarterly.slides.draft") : null,
    footer: t("quarterly.slides.footer", { quarter: c.quarter, unit: c.unit }),
    slides: [
      titleSlide(source, c),
      findingsSlide(figures, c),
      ...changeSlides(figures, c),
      networkSlide(figures, c),
      ...topicSlides(figures, c),
      ...urgentSlides(figures, c),
      ...surveySlides(figures, c),
      ...proposalSlides(figures, c),
      ...followUpSlides(figures, c),
      ...narrativeSlides(source.narrative, c),
      closingSlide(source, c),
    ],
  };
}

/** The numbers behind a chart, one line per category, for the speaker notes. */
export function chartFigures(chart: SlideChart, lang: string): string {
  const value = (v: number) => (chart.percent ? `${formatNumber(v, lang, 1)}%` : formatNumber(v, lang));
  return chart.categories.map((category, i) => `${category}: ${chart.series.map((s) => `${s.name} ${value(s.values[i] ?? 0)}`).join("; ")}`).join("\n");
}

function titleSlide(source: SlideSource, c: Ctx): Slide {
  const { status, report } = source;
  const published = status.kind === "published";
  const statusLine = published
    ? c.t("quarterly.slides.published", { version: status.version, date: formatDay(todayInVietnam(new Date(status.publishedAt))) })
    : c.t("quarterly.slides.draftStatus", { date: formatDay(todayInVietnam(new Date(status.compiledAt))) });
  const lines = [`${c.quarter} · ${c.unit}`, statusLine];
  return {
    kind: "title",
    heading: report.title,
    reportType: c.t("quarterly.slides.reportType"),
    meta: null,
    lines,
    notes: joinNotes(report.title, lines.join("\n"), published && c.t("quarterly.checksum", { checksum: status.checksum })),
  };
}

/** Flagged (significant) changes against the previous quarter and the same quarter last year, in words. */
function flagSentences(figures: CompiledReport, c: Ctx) {
  return (["previous", "lastYear"] as const).flatMap((which) => {
    const comparison = figures.change[which];
    return comparison.rows
      .filter((r) => r.flag)
      .map((r) => ({
        row: r,
        then: c.quarterOf(comparison.quarterKey),
        text: c.t("quarterly.change.flag", {
          direction: c.t(`opinion.direction.${r.flag!.direction}`),
          topic: c.topicName(r.topic),
          verb: c.t(r.flag!.points >= 0 ? "quarterly.change.up" : "quarterly.change.down"),
          points: Math.abs(r.flag!.points),
          quarter: c.quarterOf(comparison.quarterKey),
        }),
      }));
  });
}

function findingsSlide(figures: CompiledReport, c: Ctx): Slide {
  const { flows, network, proposals } = figures;
  const stats: Stat[] = [
    { value: c.n(flows.total), label: c.t("quarterly.slides.findings.items") },
    { value: `${c.n(network.reports.onTime)} / ${c.n(network.reports.expected)}`, label: c.t("quarterly.slides.findings.onTime") },
    { value: `${c.n(network.collaborators.active)} / ${c.n(network.collaborators.target)}`, label: c.t("quarterly.slides.findings.collaborators") },
    { value: c.n(flows.urgentCount), label: c.t("quarterly.slides.findings.urgent") },
    { value: c.n(proposals.totals.forwarded), label: c.t("quarterly.slides.findings.proposals", { overdue: c.n(proposals.totals.overdue) }) },
  ];
  const bullets: string[] = [];
  if (figures.empty) bullets.push(c.t("quarterly.slides.findings.empty"));
  const top = flows.byTopic[0];
  if (top) {
    const direction = DIRECTIONS.reduce((best, d) => (top.byDirection[d] > top.byDirection[best] ? d : best), DIRECTIONS[0]);
    bullets.push(c.t("quarterly.slides.findings.topTopic", { topic: c.topicName(top.topic), n: c.n(top.total), share: c.pct(top.byDirection[direction] / top.total), direction: c.t(`opinion.direction.${direction}`).toLowerCase() }));
  }
  const flags = flagSentences(figures, c);
  if (flags.length > 0) bullets.push(c.t("quarterly.slides.findings.changes", { count: flags.length }));
  else if (figures.change.previous.available || figures.change.lastYear.available) bullets.push(c.t("quarterly.slides.findings.noChanges"));
  return {
    kind: "findings",
    heading: c.t("quarterly.slides.findings.title"),
    meta: null,
    stats,
    bullets,
    notes: joinNotes(
      c.t("quarterly.network.collaborators", { active: c.n(network.collaborators.active), target: c.n(network.collaborators.target) }),
      c.t("quarterly.network.reports", { expected: c.n(network.reports.expected), onTime: c.n(network.reports.onTime), late: c.n(network.reports.late), missing: c.n(network.reports.missing) }),
      c.t("quarterly.flows.byTopic", { quarter: c.quarter, unit: c.unit, n: c.n(flows.total) }),
      c.t("quarterly.flows.urgent", { count: flows.urgentCount }),
      c.t("quarterly.proposals.summary", { forwarded: c.n(proposals.totals.forwarded), answered: c.n(proposals.totals.answered), answeredLate: c.n(proposals.totals.answeredLate), overdue: c.n(proposals.totals.overdue) }),
      bullets.join("\n"),
      c.methods,
    ),
  };
}

/** Section III: the flagged changes in plain language, or honestly none; the test's figures in the notes. */
function changeSlides(figures: CompiledReport, c: Ctx): Slide[] {
  const flags = flagSentences(figures, c);
  const lines = flags.length > 0
    ? flags.map((f) => f.text)
    : (["previous", "lastYear"] as const).map((which) => {
        const comparison = figures.change[which];
        const then = c.quarterOf(comparison.quarterKey);
        return comparison.available ? `${c.t(`quarterly.change.${which}`, { quarter: then })}: ${c.t("quarterly.change.noFlags")}` : c.t("quarterly.change.unavailable", { quarter: then });
      });
  const detail = flags.map(({ row, then }) => {
    const shares = (counts: Record<string, number>, n: number) => DIRECTIONS.map((d) => `${c.t(`opinion.direction.${d}`)} ${c.pct(counts[d]! / n)}%`).join(", ");
    const p = "pAdjusted" in row.test ? formatNumber(row.test.pAdjusted, c.lang, 4) : "—";
    return c.t("quarterly.slides.change.notesRow", { topic: c.topicName(row.topic), now: `${c.quarter}: ${shares(row.now, row.nNow)}`, then: `${then}: ${shares(row.then, row.nThen)}`, nNow: c.n(row.nNow), nThen: c.n(row.nThen), p });
  });
  const heading = flags.length > 0 ? c.t("quarterly.slides.change.title") : c.t("quarterly.sections.change");
  return chunk(lines, MAX_BULLETS).map((bullets, i) => ({
    kind: "bullets",
    heading: i === 0 ? heading : c.t("quarterly.slides.continued", { title: heading }),
    meta: null,
    bullets,
    notes: joinNotes(bullets.join("\n"), detail.length > 0 && `${c.t("quarterly.slides.notes.figures")}\n${detail.join("\n")}`, c.methods),
  }));
}

/** Section I: reports on time, late and missing as one stacked bar; the units that filed nothing named. */
function networkSlide(figures: CompiledReport, c: Ctx): Slide {
  const { network } = figures;
  const names = network.unitsNotReporting.map((u) => u.name);
  const bullets = [
    c.t("quarterly.network.collaborators", { active: c.n(network.collaborators.active), target: c.n(network.collaborators.target) }),
    c.t("quarterly.network.reports", { expected: c.n(network.reports.expected), onTime: c.n(network.reports.onTime), late: c.n(network.reports.late), missing: c.n(network.reports.missing) }),
  ];
  if (names.length > 0) {
    const shown = names.length > NAMED_UNITS ? c.t("quarterly.slides.network.notReportingMore", { names: names.slice(0, NAMED_UNITS).join(", "), count: names.length - NAMED_UNITS }) : names.join(", ");
    bullets.push(`${c.t("quarterly.network.notReporting")} ${shown}`);
  } else if (network.reports.expected > 0) bullets.push(c.t("quarterly.network.allReported"));
  const notes = joinNotes(bullets.slice(0, 2).join("\n"), names.length > 0 && `${c.t("quarterly.network.notReporting")} ${names.join(", ")}`);
  const heading = c.t("quarterly.sections.network");
  if (network.reports.expected === 0) return { kind: "bullets", heading, meta: null, bullets, notes };
  const chart: SlideChart = {
    horizontal: true,
    stacked: true,
    categories: [c.quarter],
    series: (["onTime", "late", "missing"] as const).map((m) => ({ name: c.t(`quarterly.measure.${m}`), values: [network.reports[m]], color: OUTCOME_COLORS[m] })),
    percent: false,
    label: c.t("quarterly.slides.network.chart"),
  };
  return { kind: "chart", heading, meta: c.meta(network.reports.expected, c.t("quarterly.slides.source.completeness")), chart, bullets, notes };
}

/** Section II: topics × direction (stacked), then topics ranked by weight. */
function topicSlides(figures: CompiledReport, c: Ctx): Slide[] {
  const { flows } = figures;
  if (flows.total === 0) return [{ kind: "bullets", heading: c.t("quarterly.sections.flows"), meta: null, bullets: [c.t("quarterly.flows.noItems")], notes: c.t("quarterly.flows.noItems") }];
  const categories = flows.byTopic.map((r) => c.topicName(r.topic));
  const meta = c.meta(flows.total, c.t("quarterly.slides.source.reports"));
  const byDirection: SlideChart = {
    horizontal: true,
    stacked: true,
    categories,
    series: DIRECTIONS.map((d) => ({ name: c.t(`opinion.direction.${d}`), values: flows.byTopic.map((r) => r.byDirection[d]), color: DIRECTION_COLORS[d] })),
    percent: false,
    label: c.t("quarterly.flows.byTopicChart", { quarter: c.quarter, unit: c.unit }),
  };
  const byWeight: SlideChart = {
    horizontal: true,
    stacked: false,
    categories,
    series: [{ name: c.t("quarterly.measure.weight"), values: flows.byTopic.map((r) => r.weight), color: WEIGHT_COLOR }],
    percent: false,
    label: c.t("quarterly.slides.topics.weightTitle"),
  };
  const totals = flows.byTopic.map((r) => `${c.topicName(r.topic)}: n = ${c.n(r.total)}`).join("\n");
  return [
    { kind: "chart", heading: c.t("quarterly.slides.topics.title"), meta, chart: byDirection, bullets: [], notes: joinNotes(byDirection.label, chartFigures(byDirection, c.lang), totals) },
    { kind: "chart", heading: c.t("quarterly.slides.topics.weightTitle"), meta, chart: byWeight, bullets: [], notes: joinNotes(chartFigures(byWeight, c.lang), c.t("quarterly.flows.weightRule")) },
  ];
}

/** The hot issues of the quarter, if any: the latest few by title, unit and topic. */
function urgentSlides(figures: CompiledReport, c: Ctx): Slide[] {
  const { flows } = figures;
  if (flows.urgentCount === 0) return [];
  const line = (item: CompiledReport["flows"]["urgent"][number]) => `${item.title} (${item.areaUnit.name} · ${c.topicName(item.topic)})`;
  const bullets = flows.urgent.slice(0, LISTED_URGENT).map(line);
  if (flows.urgentCount > bullets.length) bullets.push(c.t("quarterly.slides.urgent.more", { count: flows.urgentCount - bullets.length }));
  return [{
    kind: "bullets",
    heading: c.t("quarterly.flows.urgent", { count: flows.urgentCount }),
    meta: c.meta(flows.urgentCount, c.t("quarterly.slides.source.reports")),
    bullets,
    notes: flows.urgent.map((item) => `${line(item)}: ${item.summary}`).join("\n"),
  }];
}

/** Section IV: one slide per single-choice question: shares with their 95% intervals, n, the previous wave. */
function surveySlides(figures: CompiledReport, c: Ctx): Slide[] {
  // Snapshots published before section 4 existed have no `surveys`.
  const surveys = (figures.surveys as CompiledReport["surveys"] | undefined) ?? [];
  const heading = c.t("quarterly.sections.surveys");
  if (surveys.length === 0) return [{ kind: "bullets", heading, meta: null, bullets: [c.t("quarterly.surveys.none")], notes: c.t("quarterly.surveys.none") }];
  return surveys.flatMap((sv) => {
    const forms = `${c.t("quarterly.slides.survey.title", { title: sv.survey.title })}. ${c.t("quarterly.surveys.forms", { issued: c.n(sv.issued), valid: c.n(sv.valid), rate: sv.rate === null ? "—" : c.pct(sv.rate), closesOn: formatDay(sv.survey.closesOn) })}`;
    const source = c.t("quarterly.slides.source.survey", { code: sv.survey.code, title: sv.survey.title });
    if (sv.suppressed || sv.questions.length === 0) {
      const bullets = [forms, ...(sv.suppressed ? [c.t("quarterly.surveys.suppressed")] : [])];
      return [{ kind: "bullets" as const, heading: c.t("quarterly.slides.survey.title", { title: sv.survey.title }), meta: null, bullets, notes: bullets.join("\n") }];
    }
    return sv.questions.map((q): Slide => {
      const meta = c.meta(q.n, source);
      if (q.options === null) return { kind: "bullets", heading: q.title, meta, bullets: [forms, c.t("quarterly.surveys.smallCell")], notes: joinNotes(forms, c.t("quarterly.surveys.smallCell")) };
      const options = q.options;
      const round1 = (share: number) => Math.round(share * 1000) / 10;
      const showPrevious = sv.previousWave !== null && options.some((o) => o.previousShare !== null);
      const chart: SlideChart = {
        horizontal: true,
        stacked: false,
        categories: options.map((o) => c.t("quarterly.slides.survey.option", { label: o.label, low: c.pct(o.ci[0]), high: c.pct(o.ci[1]) })),
        series: [
          { name: c.t("surveys.results.thisWave"), values: options.map((o) => round1(o.share)), color: WAVE_COLORS[0] },
          // As on the results page: an option the previous wave did not have shows 0.
          ...(showPrevious ? [{ name: c.t("surveys.results.previousWave"), values: options.map((o) => round1(o.previousShare ?? 0)), color: WAVE_COLORS[1] }] : []),
        ],
        percent: true,
        label: c.t("quarterly.surveys.question", { title: q.title, n: c.n(q.n) }),
      };
      const optionLines = options.map((o) => c.t("quarterly.slides.survey.notesOption", { label: o.label, count: c.n(o.count), share: c.pct(o.share), low: c.pct(o.ci[0]), high: c.pct(o.ci[1]) }) + (o.previousShare === null ? "" : ` (${c.t("surveys.results.previousWave")} ${c.pct(o.previousShare)})`));
      return { kind: "chart", heading: q.title, meta, chart, bullets: [forms], notes: joinNotes(forms, optionLines.join("\n"), c.t("quarterly.slides.survey.ciNote")) };
    });
  });
}

/** Section V: forwarded, answered, answered late and overdue by agency (Decision 238), with a total row. */
function proposalSlides(figures: CompiledReport, c: Ctx): Slide[] {
  const { proposals } = figures;
  const heading = c.t("quarterly.sections.proposals");
  if (proposals.totals.forwarded === 0) return [{ kind: "bullets", heading, meta: null, bullets: [c.t("quarterly.proposals.none")], notes: c.t("quarterly.proposals.none") }];
  const measures = ["forwarded", "answered", "answeredLate", "overdue"] as const;
  const columns: TableColumn[] = [{ label: c.t("quarterly.proposals.agency"), numeric: false }, ...measures.map((m) => ({ label: c.t(`quarterly.measure.${m}`), numeric: true }))];
  const rows = proposals.byAgency.map((a) => [a.agency.name, ...measures.map((m) => c.n(a[m]))]);
  const total = [c.t("quarterly.slides.proposals.total"), ...measures.map((m) => c.n(proposals.totals[m]))];
  const summary = c.t("quarterly.proposals.summary", { forwarded: c.n(proposals.totals.forwarded), answered: c.n(proposals.totals.answered), answeredLate: c.n(proposals.totals.answeredLate), overdue: c.n(proposals.totals.overdue) });
  const meta = c.meta(proposals.totals.forwarded, c.t("quarterly.slides.source.proposals"));
  const pages = chunk(rows, MAX_TABLE_ROWS);
  return pages.map((page, i) => ({
    kind: "table",
    heading: i === 0 ? c.t("quarterly.slides.proposals.title") : c.t("quarterly.slides.continued", { title: c.t("quarterly.slides.proposals.title") }),
    meta,
    columns,
    rows: i === pages.length - 1 ? [...page, total] : page,
    bullets: [summary],
    notes: joinNotes(summary, page.map((r) => r.map((cell, j) => (j === 0 ? cell : `${columns[j]!.label} ${cell}`)).join("; ")).join("\n")),
  }));
}

/** Section VI: the tasks set at the previous meeting and how far they got. */
function followUpSlides(figures: CompiledReport, c: Ctx): Slide[] {
  const heading = c.t("quarterly.sections.followUp");
  if (figures.followUp.length === 0) return [{ kind: "bullets", heading, meta: null, bullets: [c.t("quarterly.followUp.none")], notes: c.t("quarterly.followUp.none") }];
  const columns: TableColumn[] = (["task", "unit", "dueOn", "status"] as const).map((k) => ({ label: c.t(`quarterly.followUp.${k}`), numeric: false }));
  const pages = chunk(figures.followUp, MAX_TABLE_ROWS - 2);
  return pages.map((page, i) => ({
    kind: "table",
    heading: i === 0 ? heading : c.t("quarterly.slides.continued", { title: heading }),
    meta: null,
    columns,
    rows: page.map((task) => [task.task, task.responsibleUnit.name, formatDay(task.dueOn), c.t(`quarterly.followUp.statusName.${task.status}`)]),
    bullets: [],
    notes: page.map((task) => `${task.task} — ${task.responsibleUnit.name}, ${formatDay(task.dueOn)}: ${c.t(`quarterly.followUp.statusName.${task.status}`)}${task.note ? `. ${task.note}` : ""}`).join("\n"),
  }));
}

/** Roughly how many lines of a slide a block takes (headings one; text wraps at ~100 characters). */
const linesOf = (text: string) => Math.max(1, Math.ceil(text.length / 100));

/** Splits a narrative into slide-sized pages of blocks, splitting long lists between items. */
export function pageBlocks(blocks: NarrativeBlock[], maxLines = MAX_TEXT_LINES): NarrativeBlock[][] {
  const pages: NarrativeBlock[][] = [];
  let page: NarrativeBlock[] = [];
  let used = 0;
  const add = (block: NarrativeBlock, lines: number) => {
    if (used + lines > maxLines && page.length > 0) {
      pages.push(page);
      page = [];
      used = 0;
    }
    const last = page.at(-1);
    if (block.kind === "list" && last?.kind === "list") last.items.push(...block.items);
    else page.push(block.kind === "list" ? { kind: "list", items: [...block.items] } : block);
    used += lines;
  };
  for (const block of blocks) {
    if (block.kind === "list") for (const item of block.items) add({ kind: "list", items: [item] }, linesOf(item));
    else add(block, block.kind === "heading" ? 1 : linesOf(block.text));
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

const blockText = (b: NarrativeBlock) => (b.kind === "list" ? b.items.map((item) => `- ${item}`).join("\n") : b.text);

/** Section VII: the secretariat's assessment, forecast, recommendations and tasks for next quarter (those written). */
function narrativeSlides(narrative: SlideSource["narrative"], c: Ctx): Slide[] {
  return (["assessment", "forecast", "recommendations", "nextTasks"] as const).flatMap((k) => {
    const heading = c.t(`quarterly.narrative.${k}`);
    return pageBlocks(narrativeBlocks(narrative[k] ?? "")).map((blocks, i): Slide => ({
      kind: "text",
      heading: i === 0 ? heading : c.t("quarterly.slides.continued", { title: heading }),
      meta: null,
      blocks,
      notes: blocks.map(blockText).join("\n"),
    }));
  });
}

function closingSlide(source: SlideSource, c: Ctx): Slide {
  const lines = [c.t("quarterly.slides.closing.discussion"), source.report.title];
  return { kind: "closing", heading: c.t("quarterly.slides.closing.title"), meta: null, lines, notes: lines.join("\n") };
}
