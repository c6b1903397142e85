// The quarterly report's sections as the page shows them, from compiled figures (a draft's live
// ones or a published snapshot's). Each chart sits next to its table, which carries n and the
// exact numbers and is the accessible view of the chart.
import { Link } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import { DirectionCells, useDirectionColumns } from "~/opinion-reports/direction-columns";
import { TopicDirectionChart } from "~/opinion-reports/summary-charts";
import { useQuarterName } from "~/periods/quarter-select";
import { ChartFigure } from "~/ui/chart-figure";
import { DataTable } from "~/ui/data-table";
import { TitledSection } from "~/ui/titled-section";
import { formatDay, todayInVietnam } from "~/utils/dates";
import { formatNumber, formatPValue } from "~/utils/numbers";
import type { CompiledReport } from "./compile.server";
import { narrativeBlocks, type NarrativeBlock } from "./narrative";
import type { Narrative } from "./snapshot.server";
import { TrendSection } from "./trend-view";

type Figures = CompiledReport;

/** The report's wording: texts, the quarter's name, and numbers, shares and topics in the reader's language. */
function useFormat() {
  const { t, i18n } = useTranslation();
  const q = useQuarterName();
  const lang = i18n.language;
  return {
    t,
    q,
    lang,
    n: (v: number) => formatNumber(v, lang),
    pct: (part: number, whole: number) => (whole === 0 ? "—" : formatNumber((100 * part) / whole, lang, 1)),
    topicName: (t: { nameVi: string; nameEn: string }) => (lang === "en" ? t.nameEn : t.nameVi),
  };
}

const drillLink = (unitId: number, quarterKey: number) => `/opinion-summary?unit=${unitId}&quarter=${quarterKey}`;

/**
 * How the sections render. On paper (`print`) every breakdown is expanded (no folds), units are
 * names rather than links and charts carry no download button; `chartSource` is what every chart's
 * caption gives as its source.
 */
type ReportMode = { print: boolean; chartSource?: string };
const ReportModeContext = createContext<ReportMode>({ print: false });

/** The source a report's charts name: the published version and its date, or the draft's figures of today. */
export function useReportChartSource(published: { version: number; publishedAt: string | Date } | null): string {
  const { t } = useTranslation();
  return published
    ? t("charts.sourceReport", { version: published.version, date: formatDay(todayInVietnam(new Date(published.publishedAt))) })
    : t("charts.sourceDraft", { date: formatDay(todayInVietnam()) });
}

export function ReportSections({
  figures,
  narrative,
  followUpEditor,
  keyQuestionsEditor,
  print = false,
  chartSource,
}: {
  figures: Figures;
  narrative: Narrative;
  followUpEditor?: ReactNode;
  keyQuestionsEditor?: ReactNode;
  print?: boolean;
  chartSource?: string;
}) {
  const { t } = useTranslation();
  return (
    <ReportModeContext.Provider value={{ print, chartSource }}>
      {figures.empty ? <p className="notice" role="status">{t("quarterly.empty")}</p> : null}
      <NetworkSection figures={figures} />
      <FlowsSection figures={figures} />
      <ChangeSection figures={figures} />
      <SurveysSection figures={figures} editor={keyQuestionsEditor} />
      <ProposalsSection figures={figures} />
      <FollowUpSection figures={figures} editor={followUpEditor} />
      <Section name="narrative">
        {(["assessment", "forecast", "recommendations", "nextTasks"] as const).map((k) => (
          <div key={k} className="narrative">
            <h3>{t(`quarterly.narrative.${k}`)}</h3>
            {narrative[k] ? <NarrativeText blocks={narrativeBlocks(narrative[k])} /> : <p className="muted">{t("quarterly.narrative.empty")}</p>}
          </div>
        ))}
      </Section>
    </ReportModeContext.Provider>
  );
}

type SectionName = "network" | "flows" | "change" | "surveys" | "proposals" | "followUp" | "narrative";

/** One of the report's sections: a region named by its heading. */
function Section({ name, children }: { name: SectionName; children: ReactNode }) {
  const { t } = useTranslation();
  return <TitledSection id={`qr-${name.toLowerCase()}`} title={t(`quarterly.sections.${name}`)}>{children}</TitledSection>;
}

/** Plain text rendered as React text nodes: nothing in it is ever interpreted as markup. */
function NarrativeText({ blocks }: { blocks: NarrativeBlock[] }) {
  return (
    <>
      {blocks.map((b, i) =>
        b.kind === "heading" ? <h4 key={i}>{b.text}</h4> : b.kind === "list" ? <ul key={i}>{b.items.map((item, j) => <li key={j}>{item}</li>)}</ul> : <p key={i}>{b.text}</p>,
      )}
    </>
  );
}

/**
 * A per-unit breakdown (one row per unit below the scope: 130 at the province) folded under its
 * section's headline figures, so the report reads as findings first; opened, it shows everything.
 */
function UnitBreakdown({ count, children }: { count: number; children: ReactNode }) {
  const { t } = useTranslation();
  if (useContext(ReportModeContext).print) {
    return (
      <div className="unit-breakdown">
        <p className="unit-breakdown-title">{t("quarterly.unitBreakdown", { count })}</p>
        {children}
      </div>
    );
  }
  return (
    <details className="unit-breakdown">
      <summary>{t("quarterly.unitBreakdown", { count })}</summary>
      {children}
    </details>
  );
}

const NETWORK_MEASURES = ["expected", "onTime", "late", "missing"] as const;

function NetworkSection({ figures }: { figures: Figures }) {
  const { t, n, q } = useFormat();
  const { network } = figures;
  return (
    <Section name="network">
      <p>{t("quarterly.network.collaborators", { active: n(network.collaborators.active), target: n(network.collaborators.target) })}</p>
      <p>{t("quarterly.network.reports", { expected: n(network.reports.expected), onTime: n(network.reports.onTime), late: n(network.reports.late), missing: n(network.reports.missing) })}</p>
      {network.unitsNotReporting.length > 0 ? (
        <p>
          <strong>{t("quarterly.network.notReporting")}</strong> {network.unitsNotReporting.map((u) => u.name).join(", ")}
        </p>
      ) : network.reports.expected > 0 ? <p>{t("quarterly.network.allReported")}</p> : null}
      {network.byUnit.length > 0 ? (
        <UnitBreakdown count={network.byUnit.length}>
          <DataTable
            caption={t("quarterly.network.byUnit", { quarter: q(figures.quarterKey) })}
            captionVisible
            columns={[t("summary.unit"), ...NETWORK_MEASURES.map((m) => ({ label: t(`quarterly.measure.${m}`), numeric: true }))]}
          >
            {network.byUnit.map((r) => (
              <tr key={r.unit.id}>
                <th scope="row">{r.own ? t("summary.ownRow", { unit: r.unit.name }) : r.unit.name}</th>
                {NETWORK_MEASURES.map((m) => <td key={m} className="num">{n(r[m])}</td>)}
              </tr>
            ))}
          </DataTable>
        </UnitBreakdown>
      ) : null}
    </Section>
  );
}

function FlowsSection({ figures }: { figures: Figures }) {
  const { t, n, topicName, q } = useFormat();
  const { flows, scope, quarterKey } = figures;
  const quarter = q(quarterKey);
  const splitUnits = flows.byUnit.filter((r) => r.byDirection !== null);
  const mode = useContext(ReportModeContext);
  const directions = useDirectionColumns();
  const unitRowName = (r: { own: boolean; unit: { name: string } }) => (r.own ? t("summary.ownRow", { unit: r.unit.name }) : r.unit.name);
  return (
    <Section name="flows">
      {flows.total === 0 ? (
        <p className="notice" role="status">{t("quarterly.flows.noItems")}</p>
      ) : (
        <>
          <ChartFigure caption={{ title: t("charts.topicDirection"), period: quarter, unit: scope.name, n: flows.total, source: mode.chartSource }} downloadable={!mode.print}>
            <TopicDirectionChart label={t("quarterly.flows.byTopicChart", { quarter, unit: scope.name })} series={flows.byTopic.map((r) => ({ label: topicName(r.topic), byDirection: r.byDirection }))} />
          </ChartFigure>
          <p className="hint">{t("quarterly.flows.weightRule")}</p>
          <DataTable
            caption={t("quarterly.flows.byTopic", { quarter, unit: scope.name, n: n(flows.total) })}
            captionVisible
            columns={[
              { label: t("quarterly.flows.rank"), numeric: true },
              t("reports.topic"),
              ...directions,
              { label: t("completeness.total"), numeric: true },
              { label: t("quarterly.measure.weight"), numeric: true },
            ]}
          >
            {flows.byTopic.map((r) => (
              <tr key={r.topic.id}>
                <td className="num">{r.rank}</td>
                <th scope="row">{topicName(r.topic)}</th>
                <DirectionCells counts={r.byDirection} />
                <td className="num">{n(r.total)}</td>
                <td className="num">{n(r.weight)}</td>
              </tr>
            ))}
          </DataTable>
          {flows.byUnit.length > 0 ? (
            <UnitBreakdown count={flows.byUnit.length}>
              {splitUnits.length > 0 ? (
                <UnitChart units={splitUnits} quarter={quarter} scopeName={scope.name} />
              ) : null}
              <DataTable
                caption={t("quarterly.flows.byUnit", { quarter, n: n(flows.total) })}
                captionVisible
                columns={[t("summary.unit"), ...directions, { label: t("completeness.total"), numeric: true }]}
              >
                {flows.byUnit.map((r) => (
                  <tr key={r.unit.id}>
                    <th scope="row">
                      {mode.print ? (
                        unitRowName(r)
                      ) : (
                        <Link to={drillLink(r.unit.id, quarterKey)} aria-label={t("quarterly.drill", { unit: r.unit.name })}>{unitRowName(r)}</Link>
                      )}
                    </th>
                    <SuppressedDirectionCells counts={r.byDirection} />
                    <td className="num">{n(r.total)}</td>
                  </tr>
                ))}
              </DataTable>
              {splitUnits.length < flows.byUnit.length ? <p className="hint">{t("quarterly.flows.suppressedNote")}</p> : null}
            </UnitBreakdown>
          ) : null}
        </>
      )}
      <h3>{t("quarterly.flows.urgent", { count: flows.urgentCount })}</h3>
      {flows.urgent.length === 0 ? (
        <p>{t("quarterly.flows.noUrgent")}</p>
      ) : (
        <>
          <ul className="urgent-list">
            {flows.urgent.map((item) => (
              <li key={item.id}>
                <strong>{item.title}</strong> <span className="muted">· {topicName(item.topic)} · {item.areaUnit.name} · {t(`opinion.direction.${item.direction}`)}</span>
                <p>{item.summary}</p>
              </li>
            ))}
          </ul>
          {flows.urgentCount > flows.urgent.length ? <p className="hint">{t("quarterly.flows.urgentMore", { shown: flows.urgent.length, count: flows.urgentCount })}</p> : null}
        </>
      )}
      <SocialGroups figures={figures} />
    </Section>
  );
}

/** A row's direction counts, or "—" in each where the row is too small to split (under 5 items). */
function SuppressedDirectionCells({ counts }: { counts: Record<string, number> | null }) {
  const { t } = useTranslation();
  if (counts) return <DirectionCells counts={counts} />;
  return <>{DIRECTIONS.map((d) => <td key={d} className="num"><span title={t("quarterly.flows.suppressed")}>—</span></td>)}</>;
}

/** Units per chart on paper: 30 bars of 20 px fit an A4 page with their caption and legend. */
export const UNITS_PER_PRINTED_CHART = 30;

/** Consecutive slices of at most `size` items. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The units' stacked bars. On screen one chart (it scrolls with the page); on paper one chart per
 * page-sized slice of units, numbered, since a chart image cannot break across pages.
 */
function UnitChart({ units, quarter, scopeName }: { units: { unit: { name: string }; total: number; byDirection: Figures["flows"]["byUnit"][number]["byDirection"] }[]; quarter: string; scopeName: string }) {
  const { t } = useTranslation();
  const mode = useContext(ReportModeContext);
  const parts = mode.print ? chunks(units, UNITS_PER_PRINTED_CHART) : [units];
  // Parts of one breakdown share the axis: a bar on page 3 compares with a bar on page 1.
  const max = parts.length > 1 ? Math.max(...units.map((r) => r.total)) : undefined;
  return (
    <>
      {parts.map((part, i) => (
        <ChartFigure
          key={i}
          caption={{
            title: parts.length > 1 ? t("charts.part", { title: t("charts.unitDirection"), part: i + 1, parts: parts.length }) : t("charts.unitDirection"),
            period: quarter,
            unit: scopeName,
            n: part.reduce((sum, r) => sum + r.total, 0),
            source: mode.chartSource,
          }}
          downloadable={!mode.print}
        >
          <TopicDirectionChart
            label={t("quarterly.flows.byUnitChart", { quarter })}
            series={part.map((r) => ({ label: r.unit.name, byDirection: r.byDirection! }))}
            rowHeight={mode.print ? 20 : undefined}
            max={max}
          />
        </ChartFigure>
      ))}
    </>
  );
}

/** The social groups most concerned (snapshots published before this existed have none). */
function SocialGroups({ figures }: { figures: Figures }) {
  const { t, n, pct, topicName, q } = useFormat();
  // Hooks before the early return: a version without groups and one with them render in turn.
  const directions = useDirectionColumns();
  const rows = figures.flows.socialGroups;
  if (!rows || figures.flows.total === 0) return null;
  const quarter = q(figures.quarterKey);
  const split = rows.filter((r) => r.byDirection !== null);
  return (
    <>
      <h3>{t("quarterly.groups.title")}</h3>
      {rows.length === 0 ? (
        <p>{t("quarterly.groups.none")}</p>
      ) : (
        <>
          {split.length > 0 ? <TopicDirectionChart label={t("quarterly.groups.chart", { quarter, n: n(figures.flows.total) })} series={split.map((r) => ({ label: topicName(r.group), byDirection: r.byDirection! }))} /> : null}
          <DataTable
            caption={t("quarterly.groups.table", { quarter, n: n(figures.flows.total) })}
            captionVisible
            columns={[
              { label: t("quarterly.flows.rank"), numeric: true },
              t("quarterly.groups.group"),
              { label: t("quarterly.measure.items"), numeric: true },
              { label: t("quarterly.groups.share"), numeric: true },
              ...directions,
            ]}
          >
            {rows.map((r) => (
              <tr key={r.group.code}>
                <td className="num">{r.rank}</td>
                <th scope="row">{topicName(r.group)}</th>
                <td className="num">{n(r.total)}</td>
                <td className="num">{pct(r.total, figures.flows.total)}</td>
                <SuppressedDirectionCells counts={r.byDirection} />
              </tr>
            ))}
          </DataTable>
          <p className="hint">{t("quarterly.groups.note")}</p>
        </>
      )}
    </>
  );
}

function ChangeSection({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  return (
    <Section name="change">
      <Comparison figures={figures} which="previous" />
      <Comparison figures={figures} which="lastYear" />
      <p className="hint">{t("quarterly.change.method")}</p>
      <TrendSection figures={figures} />
    </Section>
  );
}

function Comparison({ figures, which }: { figures: Figures; which: "previous" | "lastYear" }) {
  const { t, lang, pct, topicName, q } = useFormat();
  const c = figures.change[which];
  const now = q(figures.quarterKey);
  const then = q(c.quarterKey);
  const flags = c.rows.filter((r) => r.flag);
  const directions = useDirectionColumns();
  return (
    <>
      <h3>{t(`quarterly.change.${which}`, { quarter: then })}</h3>
      {!c.available ? (
        <p>{t("quarterly.change.unavailable", { quarter: then })}</p>
      ) : (
        <>
          {flags.length > 0 ? (
            <ul className="change-flags">
              {flags.map((r) => (
                <li key={r.topic.id}>
                  {t("quarterly.change.flag", {
                    direction: t(`opinion.direction.${r.flag!.direction}`),
                    topic: topicName(r.topic),
                    verb: t(r.flag!.points >= 0 ? "quarterly.change.up" : "quarterly.change.down"),
                    points: Math.abs(r.flag!.points),
                    quarter: then,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("quarterly.change.noFlags")}</p>
          )}
          {c.rows.length > 0 ? (
            <DataTable
              caption={t("quarterly.change.table", { now, then })}
              captionVisible
              columns={[
                t("reports.topic"),
                ...directions,
                { label: "n", numeric: true },
                { label: t("quarterly.change.pValue"), numeric: true },
                t("quarterly.change.verdict"),
              ]}
            >
              {c.rows.map((r) => (
                <tr key={r.topic.id}>
                  <th scope="row">{topicName(r.topic)}</th>
                  {DIRECTIONS.map((d) => <td key={d} className="num">{pct(r.now[d], r.nNow)} / {pct(r.then[d], r.nThen)}</td>)}
                  <td className="num">{r.nNow} / {r.nThen}</td>
                  <td className="num">{"pAdjusted" in r.test ? formatPValue(r.test.pAdjusted, lang) : "—"}</td>
                  <td>{"notTested" in r.test ? t(`quarterly.change.notTested.${r.test.notTested}`) : r.significant ? t("quarterly.change.significant") : t("quarterly.change.notSignificant")}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </>
      )}
    </>
  );
}

/** Section 4: surveys closed in the quarter (snapshots published before it existed have none). */
function SurveysSection({ figures, editor }: { figures: Figures; editor?: ReactNode }) {
  const { t, n, lang } = useFormat();
  const surveys = (figures.surveys as Figures["surveys"] | undefined) ?? [];
  const pct = (share: number) => formatNumber(100 * share, lang, 1);
  return (
    <Section name="surveys">
      {surveys.length === 0 ? <p>{t("quarterly.surveys.none")}</p> : null}
      {surveys.map((sv) => (
        <div key={sv.survey.code}>
          <h3>{sv.survey.title} <span className="muted">({sv.survey.code})</span></h3>
          <p>
            {t("quarterly.surveys.forms", { issued: n(sv.issued), valid: n(sv.valid), rate: sv.rate === null ? "—" : pct(sv.rate), closesOn: formatDay(sv.survey.closesOn) })}
            {sv.previousWave ? <> {t("quarterly.surveys.previousWave", { code: sv.previousWave.code })}</> : null}
          </p>
          {sv.suppressed ? <p className="notice">{t("quarterly.surveys.suppressed")}</p> : null}
          {sv.questions.map((q) => (
            <DataTable
              key={q.code}
              caption={t("quarterly.surveys.question", { title: q.title, n: n(q.n) })}
              captionVisible
              columns={[
                t("quarterly.surveys.option"),
                { label: t("quarterly.surveys.count"), numeric: true },
                { label: "%", numeric: true },
                { label: t("quarterly.surveys.ci"), numeric: true },
                ...(sv.previousWave ? [{ label: t("quarterly.surveys.change"), numeric: true }] : []),
              ]}
            >
              {q.options === null ? (
                <tr><td colSpan={sv.previousWave ? 5 : 4}>{t("quarterly.surveys.smallCell")}</td></tr>
              ) : (
                q.options.map((o) => (
                  <tr key={o.code}>
                    <th scope="row">{o.label}</th>
                    <td className="num">{n(o.count)}</td>
                    <td className="num">{pct(o.share)}</td>
                    <td className="num">{pct(o.ci[0])}–{pct(o.ci[1])}</td>
                    {sv.previousWave ? (
                      <td className="num">{o.previousShare === null ? "—" : `${o.share >= o.previousShare ? "+" : "−"}${formatNumber(Math.abs(100 * (o.share - o.previousShare)), lang, 1)}`}</td>
                    ) : null}
                  </tr>
                ))
              )}
            </DataTable>
          ))}
        </div>
      ))}
      {editor}
    </Section>
  );
}

function ProposalsSection({ figures }: { figures: Figures }) {
  const { t, n, q } = useFormat();
  const { proposals } = figures;
  return (
    <Section name="proposals">
      {proposals.totals.forwarded === 0 ? (
        <p>{t("quarterly.proposals.none")}</p>
      ) : (
        <>
          <p>{t("quarterly.proposals.summary", { forwarded: n(proposals.totals.forwarded), answered: n(proposals.totals.answered), answeredLate: n(proposals.totals.answeredLate), overdue: n(proposals.totals.overdue) })}</p>
          <DataTable
            caption={t("quarterly.proposals.byAgency", { quarter: q(figures.quarterKey) })}
            captionVisible
            columns={[t("quarterly.proposals.agency"), t("quarterly.proposals.issue"), t("quarterly.proposals.dueOn"), t("quarterly.proposals.answer")]}
          >
            {proposals.byAgency.flatMap((a) =>
              a.proposals.map((p, i) => (
                <tr key={p.id}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={a.proposals.length}>
                      {a.agency.name}
                      <br />
                      <span className="muted">{t("quarterly.measure.forwarded")} {a.forwarded} · {t("quarterly.measure.answered")} {a.answered} · {t("quarterly.measure.overdue")} {a.overdue}</span>
                    </th>
                  ) : null}
                  <td>{p.title} <span className="muted">({p.unit.name})</span></td>
                  <td>{formatDay(p.dueOn)}{p.overdue ? <> <span className="badge badge-urgent">{t("quarterly.measure.overdue")}</span></> : null}</td>
                  <td>{p.answerText ? <>{p.answerText} <span className="muted">({formatDay(p.answeredOn)}{p.answeredLate ? `, ${t("quarterly.measure.answeredLate")}` : ""})</span></> : t("quarterly.proposals.noAnswer")}</td>
                </tr>
              )),
            )}
          </DataTable>
        </>
      )}
    </Section>
  );
}

function FollowUpSection({ figures, editor }: { figures: Figures; editor?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Section name="followUp">
      {figures.followUp.length === 0 ? (
        <p>{t("quarterly.followUp.none")}</p>
      ) : (
        <DataTable
          caption={t("quarterly.sections.followUp")}
          captionVisible
          columns={(["task", "unit", "dueOn", "status", "note"] as const).map((c) => t(`quarterly.followUp.${c}`))}
        >
          {figures.followUp.map((task) => (
            <tr key={task.id}>
              <th scope="row">{task.task}</th>
              <td>{task.responsibleUnit.name}</td>
              <td>{formatDay(task.dueOn)}</td>
              <td>{t(`quarterly.followUp.statusName.${task.status}`)}</td>
              <td>{task.note ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {editor}
    </Section>
  );
}
