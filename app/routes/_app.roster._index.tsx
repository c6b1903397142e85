import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { COLLABORATOR_SECTORS, COLLABORATOR_STATUSES } from "~/accounts/roles";
import { readRosterFilters } from "~/collaborators/roster-filters";
import { listRoster } from "~/collaborators/roster.server";
import { DownloadLinks, FilterForm, ListTable, SelectFilter, TextFilter } from "~/ui/list-view";
import { readPage } from "~/ui/pagination";
import { formatDay } from "~/utils/dates";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "roster");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "manageRoster");
  const params = new URL(request.url).searchParams;
  const filters = readRosterFilters(params);
  return { filters, list: await listRoster(viewer, filters, readPage(params)) };
}

export default function RosterPage() {
  const { t } = useTranslation();
  const { filters, list } = useLoaderData<typeof loader>();
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <PageHeader title={t("roster.title")} actions={<Link className="button primary" to="/roster/import">{t("roster.importLink")}</Link>} />
      <FilterForm
        label={t("roster.filters")}
        actions={<DownloadLinks path="/roster/export" query={query} csv={t("roster.export")} xlsx={t("roster.exportXlsx")} />}
      >
        <TextFilter label={t("roster.unitCode")} name="unitCode" value={filters.unitCode} maxLength={32} />
        <SelectFilter label={t("roster.sector")} name="sector" value={filters.sector ?? ""} options={COLLABORATOR_SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))} />
        <SelectFilter label={t("roster.status")} name="status" value={filters.status ?? ""} options={COLLABORATOR_STATUSES.map((s) => ({ value: s, label: t(`roster.statusName.${s}`) }))} />
        <TextFilter label={t("roster.termYear")} name="termYear" inputMode="numeric" value={filters.termYear} maxLength={4} />
      </FilterForm>
      <ListTable list={list} caption={t("roster.title")} count={t("roster.count", { count: list.total })}
        columns={[
          { label: t("roster.displayName"), cell: (r) => <><Link to={`/roster/${r.id}`}>{r.displayName}</Link> <span className="muted">{r.username}</span></> },
          { label: t("roster.unit"), cell: (r) => <>{r.unit.name} <code>{r.unit.code}</code></> },
          { label: t("roster.sector"), cell: (r) => (r.collaborator ? t(`sectors.${r.collaborator.sector}`) : "") },
          { label: t("roster.status"), cell: (r) => (r.collaborator ? t(`roster.statusName.${r.collaborator.status}`) : "") },
          { label: t("roster.term"), cell: (r) => (r.collaborator ? `${formatDay(r.collaborator.termStart)} – ${formatDay(r.collaborator.termEnd)}` : "") },
        ]}
      />
    </>
  );
}
