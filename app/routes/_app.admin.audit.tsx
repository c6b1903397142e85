import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { actionLabel, AUDIT_ENTITY_TYPES, AuditDiff, AuditEntity, entityTypeLabel } from "~/audit/audit-presentation";
import { formatCursor, listAuditActions, listAuditEntries, parseCursor } from "~/audit/audit-viewer.server";
import { FilterForm, ListTable, SelectFilter, TextFilter } from "~/ui/list-view";
import { KeysetPagination } from "~/ui/pagination";
import { formatDateTime, isoDayToVietnamese, parseDay } from "~/utils/dates";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "audit");

function textParam(params: URLSearchParams, name: string, max: number) {
  return params.get(name)?.trim().slice(0, max) || undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readAudit");
  const params = new URL(request.url).searchParams;
  const from = textParam(params, "from", 10);
  const to = textParam(params, "to", 10);
  const filters = {
    action: textParam(params, "action", 60),
    entityType: textParam(params, "entityType", 40),
    entityId: textParam(params, "entityId", 40),
    actor: textParam(params, "actor", 40),
    from: from ? (parseDay(from) ?? undefined) : undefined,
    to: to ? (parseDay(to) ?? undefined) : undefined,
    older: parseCursor(params.get("older")),
    newer: parseCursor(params.get("newer")),
  };
  const [{ rows, older, newer }, actions] = await Promise.all([listAuditEntries(viewer, filters), listAuditActions()]);
  return {
    params: Object.fromEntries(params),
    rows,
    actions,
    older: older ? formatCursor(older) : null,
    newer: newer ? formatCursor(newer) : null,
  };
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { params, rows, actions, older, newer } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("audit.title")}>
        <p className="muted">{t("audit.subtitle")}</p>
      </PageHeader>
      <FilterForm label={t("audit.filters")}>
        <SelectFilter
          label={t("audit.action")}
          name="action"
          value={params.action ?? ""}
          options={actions.map((a) => ({ value: a, label: actionLabel(a, t) })).sort((x, y) => x.label.localeCompare(y.label, i18n.language))}
        />
        <TextFilter label={t("audit.actor")} name="actor" value={params.actor} maxLength={40} />
        <SelectFilter label={t("audit.entityType")} name="entityType" value={params.entityType ?? ""} options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(type, t) }))} />
        <TextFilter label={t("audit.entityId")} name="entityId" value={params.entityId} maxLength={40} />
        <TextFilter label={t("audit.from")} name="from" inputMode="numeric" placeholder="dd/mm/yyyy" value={isoDayToVietnamese(params.from ?? "")} />
        <TextFilter label={t("audit.to")} name="to" inputMode="numeric" placeholder="dd/mm/yyyy" value={isoDayToVietnamese(params.to ?? "")} />
      </FilterForm>
      {/* The whole count only when it is all on this page: counting a million entries is what made the log slow. */}
      <ListTable
        count={older || newer ? t("audit.countOnPage", { count: rows.length }) : t("audit.count", { count: rows.length })}
        caption={t("audit.title")}
        className="audit-table"
        columns={[t("audit.at"), t("audit.actor"), t("audit.action"), t("audit.entity"), t("audit.changes")]}
        pager={<KeysetPagination newer={newer} older={older} />}
      >
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{formatDateTime(row.at)}</td>
            <td>{row.actor ? `${row.actor.displayName} (${row.actor.username})` : "—"}</td>
            <td title={row.action}>{actionLabel(row.action, t)}</td>
            <td><AuditEntity type={row.entityType} id={row.entityId} /></td>
            <td><AuditDiff before={row.before} after={row.after} /></td>
          </tr>
        ))}
      </ListTable>
    </>
  );
}
