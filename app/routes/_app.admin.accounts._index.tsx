import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { listAccounts } from "~/accounts/accounts.server";
import { isRole, ROLES } from "~/accounts/roles";
import { FilterForm, ListTable, SelectFilter, TextFilter } from "~/ui/list-view";
import { readPage } from "~/ui/pagination";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "accounts");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "manageAccounts");
  const params = new URL(request.url).searchParams;
  const status = params.get("status");
  const filters = {
    q: params.get("q")?.trim().slice(0, 80) || undefined,
    role: isRole(params.get("role")) ? (params.get("role") ?? undefined) : undefined,
    unitCode: params.get("unit")?.trim().slice(0, 32) || undefined,
    status: status === "active" || status === "inactive" ? status : undefined,
    page: readPage(params),
  } as const;
  return { filters, list: await listAccounts(viewer, filters) };
}

export default function AccountsPage() {
  const { t } = useTranslation();
  const { filters, list } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("accounts.title")} actions={<Link className="button primary" to="/admin/accounts/new">{t("accounts.create")}</Link>} />
      <FilterForm label={t("accounts.filters")}>
        <TextFilter label={t("accounts.search")} name="q" type="search" value={filters.q} maxLength={80} />
        <SelectFilter label={t("accounts.role")} name="role" value={filters.role ?? ""} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <TextFilter label={t("accounts.unitCode")} name="unit" value={filters.unitCode} maxLength={32} />
        <SelectFilter
          label={t("accounts.status")}
          name="status"
          value={filters.status ?? ""}
          options={[{ value: "active", label: t("accounts.active") }, { value: "inactive", label: t("accounts.inactive") }]}
        />
      </FilterForm>
      <ListTable list={list} caption={t("accounts.title")} count={t("accounts.count", { count: list.total })}
        columns={[
          { label: t("accounts.username"), cell: (a) => <Link to={`/admin/accounts/${a.id}`}>{a.username}</Link> },
          { label: t("accounts.displayName"), cell: (a) => a.displayName },
          { label: t("accounts.role"), cell: (a) => t(`roles.${a.role}`) },
          { label: t("accounts.unit"), cell: (a) => <>{a.unit.name} <code>{a.unit.code}</code></> },
          { label: t("accounts.status"), cell: (a) => (a.active ? t("accounts.active") : <span className="badge badge-closed">{t("accounts.inactive")}</span>) },
        ]}
      />
    </>
  );
}
