import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { BAND_NAMES, BANDS, type BandName } from "~/surveys/definition";
import { specOf } from "~/surveys/question-types";
import { crossTable, readFilter, surveyResults, unitChoices } from "~/surveys/results.server";
import { QuestionResults } from "~/surveys/results-views";
import { questionSections, type QuestionSection } from "~/surveys/result-sections";
import { formatNumber, formatPercent } from "~/utils/numbers";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { UnitOptions } from "~/units/unit-options";
import { DataTable } from "~/ui/data-table";
import { SelectFilter } from "~/ui/list-view";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";
export { links } from "~/surveys/styles";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "surveyResults", args.data?.results.survey.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readSurveyResults");
  const surveyId = requireIdParam(params.surveyId);
  const url = new URL(request.url);
  const filter = readFilter(url);
  const { questions, definition, ...results } = await surveyResults(viewer, surveyId, filter);
  const xq = url.searchParams.get("xq") ?? "";
  const xbyParam = url.searchParams.get("xby") ?? "unit";
  const xby = (xbyParam === "unit" || (BAND_NAMES as string[]).includes(xbyParam) ? xbyParam : "unit") as "unit" | BandName;
  const cross = xq ? await crossTable(viewer, surveyId, xq, xby, filter) : null;
  const sections = questionSections(definition, questions);
  return { results, sections, filter, cross, xq, xby, units: await unitChoices(viewer, surveyId), answerDownloads: can(viewer, "downloadAnswers") };
}

/** The questions a cross-tab can break down (choice questions; a matrix by item), named as on the page. */
function crossChoices(sections: QuestionSection[], t: (key: string, values: Record<string, unknown>) => string) {
  return sections
    .filter((s) => s.rows.some((r) => r.options.length > 0))
    .flatMap((s) =>
      s.rows.map((r) =>
        specOf(s.type).results.view === "matrix"
          ? { code: r.code, label: t("surveys.results.itemTitle", { n: s.number, title: s.title, item: r.label }), short: t("surveys.results.itemShort", { n: s.number, item: r.label }) }
          : { code: r.code, label: t("surveys.results.questionTitle", { n: s.number, title: s.title }), short: t("surveys.results.questionShort", { n: s.number }) },
      ),
    );
}

export default function SurveyResultsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { results, sections, filter, cross, xq, xby, units, answerDownloads } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { totals, survey } = results;
  const rate = totals.quota ? totals.received / totals.quota : 0;
  const crossQuestions = crossChoices(sections, t);
  // Each question's chart caption: the wave, the unit with the respondent filters, the survey.
  const bandNames = BAND_NAMES.filter((b) => filter.bands[b]).map((b) => t(`surveys.bandValues.${b}.${filter.bands[b]}`));
  const chart = { period: survey.period, unit: [results.scope.unitName, ...bandNames].join(", "), source: t("charts.sourceSurvey", { code: survey.code, title: survey.title }) };
  const stats = [
    { key: "issued", value: totals.quota, label: t("surveys.results.statIssued") },
    { key: "received", value: totals.received, label: t("surveys.results.statReceived", { rate: formatPercent(rate, lang) }) },
    { key: "counted", value: totals.counted, label: t("surveys.results.statCounted") },
    { key: "accepted", value: totals.accepted, label: t("surveys.results.statAccepted") },
    { key: "pending", value: totals.counted - totals.accepted, label: t("surveys.results.statPending") },
    { key: "returned", value: totals.returned, label: t("surveys.results.statReturned") },
  ];
  return (
    <>
      <PageHeader title={t("surveys.results.title", { title: survey.title })} back={{ to: `/surveys/${survey.id}`, label: survey.code }}>
        <p>{survey.period} · {t("surveys.results.scope", { unit: results.scope.unitName })}</p>
      </PageHeader>
      {/* The summary first: how many forms, and which of them the figures below count. */}
      <TitledSection id="summary-title" title={t("surveys.results.summaryTitle")} className="results-summary">
        <ul className="stat-cards">
          {stats.map((s) => (
            <li key={s.key} className={`stat-card stat-${s.key}`}>
              <span className="stat-value">{formatNumber(s.value, lang)}</span>
              <span className="stat-label">{s.label}</span>
            </li>
          ))}
        </ul>
        <p className="summary" role="status">
          {t("surveys.results.summary", { quota: formatNumber(totals.quota, lang), received: formatNumber(totals.received, lang), rate: formatPercent(rate, lang) })}{" "}
          {t("surveys.results.basis", {
            counted: formatNumber(totals.counted, lang),
            accepted: formatNumber(totals.accepted, lang),
            pending: formatNumber(totals.counted - totals.accepted, lang),
            returned: formatNumber(totals.returned, lang),
          })}
          {results.matching !== null ? ` ${t("surveys.results.matching", { matching: formatNumber(results.matching, lang) })}` : ""}
        </p>
        {results.previousWave ? <p className="hint">{t("surveys.results.comparedWith", { period: results.previousWave.period })}</p> : null}
      </TitledSection>
      <Form method="get" className="filters" aria-label={t("surveys.results.filters")}>
        <label>
          {t("surveys.results.unit")}
          <select name="unit" defaultValue={filter.unitId ?? ""}>
            <option value="">{t("common.all")}</option>
            <UnitOptions units={units} />
          </select>
        </label>
        {BAND_NAMES.map((b) => (
          <SelectFilter key={b} label={t(`surveys.bands.${b}`)} name={b} value={filter.bands[b] ?? ""} options={BANDS[b].map((v) => ({ value: v, label: t(`surveys.bandValues.${b}.${v}`) }))} />
        ))}
        <button type="submit">{t("common.filter")}</button>
      </Form>
      <p className="button-row">
        <a className="button" href={`/surveys/${survey.id}/results.xlsx${search}`} download>{t("surveys.results.exportXlsx")}</a>
        <a className="button" href={`/surveys/${survey.id}/results.csv${search}`} download>{t("surveys.results.exportCsv")}</a>
        {answerDownloads ? (
          <a className="button" href={`/surveys/${survey.id}/results.csv${search ? `${search}&` : "?"}kind=answers`} download>{t("surveys.results.exportAnswersCsv")}</a>
        ) : null}
      </p>
      <TitledSection id="questions-title" title={t("surveys.results.questions")}>
        {results.suppressed ? (
          <p className="notice" role="status">{t("surveys.results.suppressedScope", { min: results.suppressed.minCell })}</p>
        ) : null}
        {sections.map((s) => (
          <QuestionResults key={s.code} section={s} hasPrevious={Boolean(results.previousWave)} chart={chart} answersInExport={answerDownloads} />
        ))}
      </TitledSection>
      <TitledSection id="cross-title" title={t("surveys.results.crossTab")}>
        <Form method="get" className="filters" aria-label={t("surveys.results.crossTab")}>
          {filter.unitId ? <input type="hidden" name="unit" value={filter.unitId} /> : null}
          {BAND_NAMES.filter((b) => filter.bands[b]).map((b) => <input key={b} type="hidden" name={b} value={filter.bands[b]} />)}
          <label>
            {t("surveys.results.crossQuestion")}
            <select name="xq" defaultValue={xq}>
              {crossQuestions.map((q) => <option key={q.code} value={q.code}>{q.label}</option>)}
            </select>
          </label>
          <label>
            {t("surveys.results.crossBy")}
            <select name="xby" defaultValue={xby}>
              <option value="unit">{t("surveys.results.unit")}</option>
              {BAND_NAMES.map((b) => <option key={b} value={b}>{t(`surveys.bands.${b}`)}</option>)}
            </select>
          </label>
          <button type="submit">{t("surveys.results.crossShow")}</button>
        </Form>
        {cross && results.suppressed ? <p className="hint">{t("surveys.results.suppressedScope", { min: results.suppressed.minCell })}</p> : null}
        {cross && !results.suppressed ? (
          <>
            <DataTable
              caption={t("surveys.results.crossCaption", { question: crossQuestions.find((q) => q.code === cross.question)?.short ?? "" })}
              captionVisible
              columns={[
                xby === "unit" ? t("surveys.results.unit") : t(`surveys.bands.${xby}`),
                { label: <abbr title={t("surveys.results.nColumnTitle")}>{t("surveys.results.nColumn")}</abbr>, numeric: true, name: t("surveys.results.nColumnTitle") },
                ...cross.options.map((o) => ({ label: o.label, numeric: true })),
              ]}
            >
              {cross.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{xby === "unit" ? r.label : t(`surveys.bandValues.${xby}.${r.key}`)}</th>
                  <td className="num">{formatNumber(r.n, lang)}</td>
                  {r.cells.map((c, i) => (
                    <td key={i} className="num">{c.share === null ? <span title={t("surveys.results.suppressed")}>—</span> : `${formatPercent(c.share, lang)}%`}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
            <p className="hint">{t("surveys.results.suppressedNote")}</p>
          </>
        ) : null}
      </TitledSection>
      {/* The per-unit returns last and folded: a province has over a hundred rows (open for a few). */}
      <TitledSection id="units-title" title={t("surveys.results.byUnit")}>
        <details className="unit-breakdown" open={results.units.length <= 10}>
          <summary>{t("surveys.results.byUnitSummary", { count: results.units.length })}</summary>
          <DataTable
            caption={t("surveys.results.byUnitCaption")}
            captionVisible
            columns={[t("units.name"), ...(["targeted", "received", "counted", "accepted", "rate"] as const).map((c) => ({ label: t(`surveys.results.${c}`), numeric: true }))]}
          >
            {results.units.map((u) => (
              <tr key={u.code}>
                <th scope="row">{u.name}</th>
                <td className="num">{formatNumber(u.quota, lang)}</td>
                <td className="num">{formatNumber(u.received, lang)}</td>
                <td className="num">{formatNumber(u.counted, lang)}</td>
                <td className="num">{formatNumber(u.accepted, lang)}</td>
                <td className="num">{u.quota ? `${formatPercent(u.received / u.quota, lang)}%` : "—"}</td>
              </tr>
            ))}
          </DataTable>
        </details>
      </TitledSection>
    </>
  );
}
