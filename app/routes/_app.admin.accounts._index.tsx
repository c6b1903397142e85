import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { ACCOUNTS_PAGE_SIZE, listAccounts } from "~/accounts/accounts.server";
import { isRole, ROLES } from "~/accounts/roles";
import { Pagination, readPage } from "~/ui/pagination";
import { pageTitle } from "~/i18n/page-titles";

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
  return { filters, pageSize: ACCOUNTS_PAGE_SIZE, ...(await listAccounts(viewer, filters)) };
}

export default function AccountsPage() {
  const { t } = useTranslation();
  const { filters, pageSize, total, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header section-head">
        <h1>{t("accounts.title")}</h1>
        <Link className="button primary" to="/admin/accounts/new">{t("accounts.create")}</Link>
      </header>
      <Form method="get" className="filters" role="search" aria-label={t("accounts.filters")}>
        <label>
          {t("accounts.search")}
          <input name="q" type="search" defaultValue={filters.q ?? ""} maxLength={80} />
        </label>
        <label>
          {t("accounts.role")}
          <select name="role" defaultValue={filters.role ?? ""}>
            <option value="">{t("common.all")}</option>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
        </label>
        <label>
          {t("accounts.unitCode")}
          <input name="unit" defaultValue={filters.unitCode ?? ""} maxLength={32} />
        </label>
        <label>
          {t("accounts.status")}
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("common.all")}</option>
            <option value="active">{t("accounts.active")}</option>
            <option value="inactive">{t("accounts.inactive")}</option>
          </select>
        </label>
        <button type="submit">{t("common.filter")}</button>
      </Form>
      <p role="status">{t("accounts.count", { count: total })}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("accounts.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("accounts.username")}</th>
              <th scope="col">{t("accounts.displayName")}</th>
              <th scope="col">{t("accounts.role")}</th>
              <th scope="col">{t("accounts.unit")}</th>
              <th scope="col">{t("accounts.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td><Link to={`/admin/accounts/${a.id}`}>{a.username}</Link></td>
                <td>{a.displayName}</td>
                <td>{t(`roles.${a.role}`)}</td>
                <td>{a.unit.name} <code>{a.unit.code}</code></td>
                <td>{a.active ? t("accounts.active") : <span className="badge badge-closed">{t("accounts.inactive")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={filters.page} total={total} pageSize={pageSize} />
    </>
  );
}
