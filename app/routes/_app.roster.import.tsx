import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { ROSTER_COLUMNS, rosterImportSchema } from "~/collaborators/roster-schemas";
import { checkRosterFile, importRoster, type ImportCheck, type PreviewRow } from "~/collaborators/roster.server";
import { runForm } from "~/forms/run-form.server";
import { DataTable } from "~/ui/data-table";
import { ErrorList } from "~/ui/form-fields";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = (args) => pageTitle(args, "rosterImport");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "manageRoster");
  return null;
}

/** What the page shows: never the parsed rows' internals, only preview rows and errors. */
type PublicCheck = {
  fileError: string | null;
  params: Record<string, string | number>;
  rows: PreviewRow[];
  errors: { row: number; field: string; key: string; params: Record<string, string> }[];
};

function publicCheck(check: ImportCheck): PublicCheck {
  if ("fileError" in check) return { fileError: check.fileError, params: check.params ?? {}, rows: [], errors: [] };
  return { fileError: null, params: {}, rows: check.rows, errors: check.errors.map((e) => ({ ...e, params: (e.params ?? {}) as Record<string, string> })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageRoster");
  const outcome = await runForm(request, rosterImportSchema, async (input) => {
    if (input.intent === "preview") return { mode: "preview" as const, check: publicCheck(await checkRosterFile(viewer, input.file)) };
    const result = await importRoster(viewer, input.file);
    return result.imported
      ? { mode: "imported" as const, created: result.created, updated: result.updated }
      : { mode: "rejected" as const, check: publicCheck(result.check) };
  });
  if ("failed" in outcome) return outcome.failed;
  const saved = outcome.saved;
  const check = saved.mode === "imported" ? null : saved.check;
  const bad = check !== null && (check.fileError !== null || check.errors.length > 0);
  return data(saved, { status: bad ? 400 : 200 });
}

export default function RosterImportPage() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const outcome = result && "mode" in result ? result : null;
  const formErrors = result && "error" in result ? Object.values(result.error ?? {}).flat().filter((e): e is string => Boolean(e)) : [];
  const check = outcome && "check" in outcome ? outcome.check : null;
  return (
    <>
      <PageHeader title={t("roster.importTitle")} back={{ to: "/roster", label: t("roster.title") }}>
        <p className="muted">{t("roster.importHelp", { columns: ROSTER_COLUMNS.join(", ") })}</p>
      </PageHeader>
      <Form method="post" encType="multipart/form-data" className="panel form-narrow" aria-label={t("roster.importTitle")}>
        <div className="field">
          <label htmlFor="roster-file">{t("roster.file")}</label>
          <input id="roster-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
          <ErrorList errors={formErrors} />
        </div>
        <button type="submit" name="intent" value="preview" disabled={busy}>{t("roster.preview")}</button>{" "}
        {check && !check.fileError && check.errors.length === 0 ? (
          <button type="submit" name="intent" value="import" className="primary" disabled={busy}>{t("roster.importSubmit", { count: check.rows.length })}</button>
        ) : null}
      </Form>
      {outcome?.mode === "imported" ? <p className="notice" role="status">{t("roster.imported", { created: outcome.created, updated: outcome.updated })}</p> : null}
      {check?.fileError ? <p className="notice error-notice" role="alert">{t(check.fileError, check.params)}</p> : null}
      {check && !check.fileError && check.errors.length > 0 ? (
        <TitledSection id="row-errors" title={t("roster.rowErrors")} className="panel">
          <DataTable caption={t("roster.rowErrors")} columns={[t("roster.row"), t("roster.field"), t("roster.problem")]}>
            {check.errors.map((e, i) => (
              <tr key={i}><td className="num">{e.row}</td><td><code>{e.field}</code></td><td>{t(e.key, e.params)}</td></tr>
            ))}
          </DataTable>
        </TitledSection>
      ) : null}
      {check && !check.fileError && check.errors.length === 0 ? (
        <TitledSection id="preview-title" title={t("roster.previewTitle", { count: check.rows.length })}>
          <DataTable
            caption={t("roster.previewTitle", { count: check.rows.length })}
            columns={[t("roster.row"), t("roster.username"), t("roster.displayName"), t("roster.unitCode"), t("roster.sector"), t("roster.action")]}
          >
            {check.rows.map((r) => (
              <tr key={r.row}>
                <td className="num">{r.row}</td><td>{r.username}</td><td>{r.displayName}</td><td><code>{r.unitCode}</code></td>
                <td>{t(`sectors.${r.sector}`)}</td><td>{t(`roster.actionName.${r.action}`)}</td>
              </tr>
            ))}
          </DataTable>
        </TitledSection>
      ) : null}
    </>
  );
}
