import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useSchemaForm } from "~/forms/use-schema-form";
import { readProposalFilters } from "~/proposals/proposal-filters";
import { createProposalSchema, PROPOSAL_STATUSES } from "~/proposals/proposal-schemas";
import { createProposal, findItemForProposal, listAgencies, proposalsByAgency } from "~/proposals/proposals.server";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/ui/form-fields";
import { ConfirmNoPersonalData, PersonalDataWarning, useGuardedTexts } from "~/ui/personal-data-warning";
import { formatDay, toDateInputValue, todayInVietnam } from "~/utils/dates";
import { parseId } from "~/utils/http.server";
import { DataTable } from "~/ui/data-table";
import { CheckboxFilter, DownloadLinks, FilterForm, SelectFilter } from "~/ui/list-view";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "proposals");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const params = new URL(request.url).searchParams;
  const filters = readProposalFilters(params);
  const canManage = can(viewer, "manageProposals");
  const fromItemId = canManage ? parseId(params.get("fromItem")) : undefined;
  const fromItem = fromItemId ? await findItemForProposal(viewer, fromItemId) : null;
  return {
    filters: { status: filters.status ?? "", overdue: filters.overdue },
    groups: await proposalsByAgency(viewer, filters),
    canManage,
    agencies: canManage ? await listAgencies() : [],
    fromItem,
    today: toDateInputValue(todayInVietnam()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageProposals");
  return runFormThenRedirect(request, createProposalSchema, (input) => createProposal(viewer, input), (proposal) => `/proposals/${proposal.id}`);
}

export default function ProposalsPage() {
  const { t } = useTranslation();
  const { filters, groups, canManage, agencies, fromItem, today } = useLoaderData<typeof loader>();
  const exportQuery = new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), ...(filters.overdue ? { overdue: "1" } : {}) });
  return (
    <>
      <PageHeader title={t("proposals.title")}>
        <p className="muted">{t("proposals.subtitle")}</p>
      </PageHeader>
      {canManage ? <CreateProposal agencies={agencies} fromItem={fromItem} today={today} /> : null}
      <FilterForm
        label={t("proposals.status")}
        actions={<DownloadLinks path="/proposals/export" query={exportQuery} csv={t("proposals.export")} xlsx={t("proposals.exportXlsx")} />}
      >
        <SelectFilter label={t("proposals.status")} name="status" value={filters.status} options={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.statusName.${s}`) }))} />
        <CheckboxFilter label={t("proposals.onlyOverdue")} name="overdue" checked={filters.overdue} />
      </FilterForm>
      {groups.length === 0 ? <p>{t("proposals.none")}</p> : null}
      {groups.map((group) => (
        <section key={group.agency.id} className="agency-group" aria-labelledby={`agency-${group.agency.id}`}>
          <h2 id={`agency-${group.agency.id}`}>{group.agency.name}</h2>
          <DataTable
            caption={group.agency.name}
            columns={[t("proposals.titleField"), t("proposals.status"), t("proposals.dueOn"), t("proposals.answer")]}
          >
            {group.proposals.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/proposals/${p.id}`}>{p.title}</Link> <span className="muted">{p.unit.name}</span></td>
                <td>
                  {t(`proposals.statusName.${p.status}`)}
                  {p.overdue ? <> <span className="badge badge-urgent">{t("proposals.overdue")}</span></> : null}
                </td>
                <td>{formatDay(p.dueOn)}</td>
                <td>{p.answerText ? <>{p.answerText} <span className="muted">({formatDay(p.answeredOn)})</span></> : <span className="muted">{t("proposals.noAnswer")}</span>}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
    </>
  );
}

type CreateProps = {
  agencies: { code: string; name: string }[];
  fromItem: { id: number; title: string; proposal: string | null; summary: string; areaUnit: { code: string } } | null;
  today: string;
};

function CreateProposal({ agencies, fromItem, today }: CreateProps) {
  const { t } = useTranslation();
  const due = new Date(`${today}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 30);
  const [form, fields] = useSchemaForm({
    schema: createProposalSchema,
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      title: fromItem?.title ?? "",
      content: fromItem?.proposal ?? "",
      unitCode: fromItem?.areaUnit.code ?? "",
      forwardedOn: today,
      dueOn: toDateInputValue(due),
    },
  });
  const guard = useGuardedTexts({ title: fromItem?.title ?? "", content: fromItem?.proposal ?? "" });
  return (
    <details className="panel" open={Boolean(fromItem) || undefined}>
      <summary>{t("proposals.create")}</summary>
      <Form method="post" {...getFormProps(form)} onInput={guard.onInput} className="form-narrow" aria-label={t("proposals.create")}>
        <input type="hidden" name="intent" value="create" />
        {fromItem ? (
          <>
            <input type="hidden" name="itemId" value={fromItem.id} />
            <p className="hint">{t("proposals.fromItem", { title: fromItem.title })}</p>
          </>
        ) : null}
        <SelectField label={t("proposals.agency")} field={fields.agencyCode} placeholder={t("common.choose")} options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
        <TextField label={t("proposals.unit")} field={fields.unitCode} />
        <TextField label={t("proposals.titleField")} field={fields.title} />
        <PersonalDataWarning text={guard.texts.title} />
        <TextAreaField label={t("proposals.content")} field={fields.content} />
        <PersonalDataWarning text={guard.texts.content} />
        <ConfirmNoPersonalData flagged={guard.flagged} name="confirmNoPersonalData" />
        <TextField label={t("proposals.forwardedOn")} field={fields.forwardedOn} type="date" />
        <TextField label={t("proposals.dueOn")} field={fields.dueOn} type="date" />
        <FormErrors errors={fields.itemId.errors} />
        <FormErrors errors={form.errors} />
        <button type="submit" className="primary">{t("proposals.create")}</button>
      </Form>
    </details>
  );
}
