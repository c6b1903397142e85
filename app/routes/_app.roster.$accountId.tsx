import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { COLLABORATOR_SECTORS, COLLABORATOR_STATUSES } from "~/accounts/roles";
import { collaboratorActionSchema, deactivateCollaboratorSchema, editCollaboratorSchema } from "~/collaborators/roster-schemas";
import { deactivateCollaborator, getCollaborator, updateCollaborator } from "~/collaborators/roster.server";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { CardForm } from "~/ui/card-form";
import { SelectField, TextField } from "~/ui/form-fields";
import { toDateInputValue } from "~/utils/dates";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "collaborator");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "manageRoster");
  return { collaborator: await getCollaborator(viewer, requireIdParam(params.accountId)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageRoster");
  const id = requireIdParam(params.accountId);
  return runFormThenRedirect(request, collaboratorActionSchema, async (input) => {
    if (input.intent === "update") await updateCollaborator(viewer, id, input);
    else await deactivateCollaborator(viewer, id);
  }, `/roster/${id}`);
}

export default function CollaboratorPage() {
  const { t } = useTranslation();
  const { collaborator: c } = useLoaderData<typeof loader>();
  const edit = useFetcherForm("edit-collaborator", editCollaboratorSchema, {
    displayName: c.displayName,
    unitCode: c.unit.code,
    sector: c.collaborator?.sector ?? "",
    status: c.collaborator?.status ?? "active",
    termStart: toDateInputValue(c.collaborator?.termStart),
    termEnd: toDateInputValue(c.collaborator?.termEnd),
  });
  const end = useFetcherForm("deactivate-collaborator", deactivateCollaboratorSchema);
  return (
    <>
      <PageHeader title={c.displayName} back={{ to: "/roster", label: t("roster.title") }}>
        <p>{c.username} · {c.unit.name} · {c.collaborator ? t(`roster.statusName.${c.collaborator.status}`) : ""}</p>
      </PageHeader>
      <div className="card-grid">
        <CardForm form={edit} id="edit-title" title={t("roster.edit")} intent="update" submit={t("common.save")} primary>
          <TextField label={t("roster.displayName")} field={edit.fields.displayName} />
          <TextField label={t("roster.unitCode")} field={edit.fields.unitCode} />
          <SelectField label={t("roster.sector")} field={edit.fields.sector} options={COLLABORATOR_SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))} />
          <SelectField label={t("roster.status")} field={edit.fields.status} options={COLLABORATOR_STATUSES.map((s) => ({ value: s, label: t(`roster.statusName.${s}`) }))} />
          <TextField label={t("roster.termStart")} field={edit.fields.termStart} type="date" />
          <TextField label={t("roster.termEnd")} field={edit.fields.termEnd} type="date" />
        </CardForm>
        {c.active ? (
          <CardForm form={end} id="end-title" title={t("roster.deactivate")} hint={t("roster.deactivateHelp")} intent="deactivate" submit={t("roster.deactivate")} danger />
        ) : null}
      </div>
    </>
  );
}
