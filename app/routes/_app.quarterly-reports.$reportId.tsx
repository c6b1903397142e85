import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Await, Link, useLoaderData } from "@remix-run/react";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { Conflict } from "~/errors/domain-errors";
import { FieldError } from "~/forms/field-error.server";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { pageTitle } from "~/i18n/page-titles";
import { useQuarterName } from "~/periods/quarter-select";
import { narrativeSchema, publishSchema, quarterlyReportActionSchema } from "~/quarterly-reports/report-schemas";
import { ExportLinks } from "~/quarterly-reports/export-links";
import { FollowUpEditor } from "~/quarterly-reports/follow-up-form";
import { KeyQuestionsEditor } from "~/quarterly-reports/key-questions-form";
import { keyQuestionChoices, saveKeyQuestions } from "~/quarterly-reports/key-questions.server";
import { ReportSections, useReportChartSource } from "~/quarterly-reports/report-view";
import { listOpenUnits } from "~/units/units.server";
import { differencesSincePublication, publishQuarterlyReport, readQuarterlyReport, saveFollowUpTask, saveNarrative } from "~/quarterly-reports/reports.server";
import type { FigureDifference } from "~/quarterly-reports/snapshot.server";
import { CardForm } from "~/ui/card-form";
import { ReplyErrors, TextAreaField } from "~/ui/form-fields";
import { DataTable } from "~/ui/data-table";
import { formatDateTime } from "~/utils/dates";
import { parseId, requireIdParam } from "~/utils/http.server";
import { formatNumber } from "~/utils/numbers";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = (args) => pageTitle(args, "quarterlyReport");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readQuarterlyReports");
  const version = parseId(new URL(request.url).searchParams.get("version"));
  const id = requireIdParam(params.reportId);
  const read = await readQuarterlyReport(viewer, id, version);
  // Not awaited: the page opens from the snapshot alone; the comparison with the live figures
  // (a full compilation) streams in after it (single fetch sends the promise).
  const differences = read.published ? differencesSincePublication(viewer, read.figures) : null;
  const units = read.canCompile ? await listOpenUnits(viewer) : [];
  const keyQuestions = read.canCompile ? await keyQuestionChoices(viewer, id) : [];
  const top = Math.min(...units.map((u) => u.depth));
  return { ...read, differences, keyQuestions, units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.depth - top })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "compileQuarterlyReports");
  const id = requireIdParam(params.reportId);
  return runFormThenRedirect(request, quarterlyReportActionSchema, async (input) => {
    if (input.intent === "narrative") return saveNarrative(viewer, id, input);
    if (input.intent === "task") return saveFollowUpTask(viewer, id, input);
    if (input.intent === "keyQuestions") return saveKeyQuestions(viewer, id, input);
    try {
      await publishQuarterlyReport(viewer, id, input.expectedVersion);
    } catch (error) {
      // Someone published first (or this was a second click): say so on the form, write nothing.
      if (error instanceof Conflict) {
        throw new FieldError("expectedVersion", "quarterly.errors.publishedMeanwhile");
      }
      throw error;
    }
  }, `/quarterly-reports/${id}`);
}

export default function QuarterlyReportPage() {
  const { t, i18n } = useTranslation();
  const q = useQuarterName();
  const data = useLoaderData<typeof loader>();
  const { report, canCompile, versions, published, figures, narrative, differences, tasks, units, keyQuestions } = data;
  const editable = "draftNarrative" in data && data.draftNarrative ? data.draftNarrative : narrative;
  const narrativeForm = useFetcherForm("quarterly-narrative", narrativeSchema, editable);
  const publishForm = useFetcherForm("quarterly-publish", publishSchema);
  const publishTitle = report.currentVersion === 0 ? t("quarterly.publish") : t("quarterly.republish", { version: report.currentVersion + 1 });
  const chartSource = useReportChartSource(published);
  return (
    <>
      <PageHeader title={report.title} back={{ to: "/quarterly-reports", label: t("quarterly.title") }}>
        <p>
          {q(report.quarterKey)} · {report.scopeUnit.name} · {t(`quarterly.statusName.${report.status}`)}
          {published ? <> · {t("quarterly.version", { version: published.version })}</> : null}
        </p>
      </PageHeader>

      {published ? (
        <TitledSection id="qr-publication" title={t("quarterly.versions")} className="panel" titleHidden>
          <p>{t("quarterly.publishedNote", { version: published.version, at: formatDateTime(published.publishedAt) })}</p>
          {!published.latest ? (
            <p className="notice" role="status">
              {t("quarterly.viewingOld", { version: published.version })} <Link to={`/quarterly-reports/${report.id}`}>{t("quarterly.latest")}</Link>
            </p>
          ) : null}
          {published.intact ? <p className="muted small checksum">{t("quarterly.checksum", { checksum: published.checksum })}</p> : <p className="notice" role="alert">{t("quarterly.checksumBroken")}</p>}
          {differences ? (
            <Suspense fallback={<p className="muted" role="status">{t("quarterly.comparing")}</p>}>
              <Await resolve={differences} errorElement={<p className="notice" role="alert">{t("quarterly.compareFailed")}</p>}>
                {(list) => <Differences differences={list} lang={i18n.language} />}
              </Await>
            </Suspense>
          ) : null}
          <nav aria-label={t("quarterly.versions")}>
            <ul>
              {versions.map((v) => (
                <li key={v.version}>
                  <Link to={`/quarterly-reports/${report.id}?version=${v.version}`} aria-current={v.version === published.version ? "page" : undefined}>
                    {t("quarterly.versionLine", { version: v.version, at: formatDateTime(v.publishedAt), by: v.publishedBy.displayName })}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </TitledSection>
      ) : (
        <p className="notice" role="status">{t("quarterly.draftNote")}</p>
      )}

      <ExportLinks reportId={report.id} version={published && !published.latest ? published.version : null} draft={!published} />

      <ReportSections
        figures={figures}
        narrative={narrative}
        chartSource={chartSource}
        followUpEditor={canCompile ? <FollowUpEditor tasks={tasks} units={units} published={published !== null} /> : undefined}
        keyQuestionsEditor={canCompile ? <KeyQuestionsEditor surveys={keyQuestions} published={published !== null} /> : undefined}
      />

      {canCompile ? (
        <div className="card-grid">
          <CardForm form={narrativeForm} id="qr-edit" title={t("quarterly.narrative.edit")} hint={t("quarterly.narrative.hint")} intent="narrative" submit={t("quarterly.narrative.save")}>
            {(["assessment", "forecast", "recommendations", "nextTasks"] as const).map((k) => (
              <TextAreaField key={k} label={t(`quarterly.narrative.${k}`)} field={narrativeForm.fields[k]} />
            ))}
          </CardForm>
          <CardForm
            form={publishForm}
            id="qr-publish"
            title={publishTitle}
            hint={t("quarterly.publishHint")}
            intent="publish"
            errors={<ReplyErrors reply={publishForm.fetcher.data} />}
            submit={publishTitle}
            primary
          >
            <input type="hidden" name="expectedVersion" value={report.currentVersion} />
          </CardForm>
        </div>
      ) : null}
    </>
  );
}

/** "The data changed since publication", figure by figure (or that nothing did). */
function Differences({ differences, lang }: { differences: FigureDifference[]; lang: string }) {
  const { t } = useTranslation();
  if (differences.length === 0) return <p className="notice-ok notice" role="status">{t("quarterly.unchanged")}</p>;
  const subject = (s: FigureDifference["subject"]) => (s === null ? "" : typeof s === "string" ? s : lang === "en" ? s.en : s.vi);
  const value = (v: number | string | null) => (v === null ? "—" : typeof v === "number" ? formatNumber(v, lang) : "");
  return (
    <div role="region" aria-labelledby="qr-changed">
      <h2 id="qr-changed">{t("quarterly.changedTitle")}</h2>
      <p>{t("quarterly.changedIntro", { count: differences.length })}</p>
      <DataTable
        caption={t("quarterly.changedTitle")}
        columns={[t("quarterly.figure"), { label: t("quarterly.publishedValue"), numeric: true }, { label: t("quarterly.liveValue"), numeric: true }]}
      >
        {differences.map((d) => (
          <tr key={d.key}>
            <th scope="row">
              {t(`quarterly.section.${d.section}`)}
              {d.subject ? ` · ${subject(d.subject)}` : ""} · {t(`quarterly.measure.${d.measure}`)}
            </th>
            {typeof d.published === "string" || typeof d.live === "string" ? (
              <td colSpan={2}>{t("quarterly.setChanged")}</td>
            ) : (
              <>
                <td className="num">{value(d.published)}</td>
                <td className="num">{value(d.live)}</td>
              </>
            )}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
