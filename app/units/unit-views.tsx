import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/ui/data-table";
import { formatDay } from "~/utils/dates";

type UnitRow = {
  id: number;
  code: string;
  name: string;
  kind: string;
  validFrom: string | Date;
  validTo: string | Date | null;
  _count: { children: number; accounts: number };
};

export function UnitSearchForm({ q = "", includeClosed = false }: { q?: string; includeClosed?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/units" className="search-form" role="search">
      <label htmlFor="unit-q">{t("units.searchLabel")}</label>
      <input id="unit-q" name="q" type="search" defaultValue={q} maxLength={100} placeholder={t("units.searchPlaceholder")} />
      <label className="checkbox">
        <input type="checkbox" name="closed" value="1" defaultChecked={includeClosed} />
        {t("units.includeClosed")}
      </label>
      <button type="submit">{t("common.search")}</button>
    </Form>
  );
}

export function UnitStatus({ validTo }: { validTo: string | Date | null }) {
  const { t } = useTranslation();
  return validTo ? (
    <span className="badge badge-closed">{t("units.closedOn", { date: formatDay(validTo) })}</span>
  ) : (
    <span className="badge badge-open">{t("units.open")}</span>
  );
}

export function UnitTable({ units, caption }: { units: UnitRow[]; caption: string }) {
  const { t } = useTranslation();
  if (units.length === 0) return <p className="muted">{t("units.none")}</p>;
  return (
    <DataTable
      caption={caption}
      captionVisible
      rows={units}
      columns={[
        { label: t("units.code"), cell: (unit) => <code>{unit.code}</code> },
        { label: t("units.name"), cell: (unit) => <Link to={`/units/${unit.id}`}>{unit.name}</Link> },
        { label: t("units.kind"), cell: (unit) => t(`unitKinds.${unit.kind}`) },
        { label: t("units.status"), cell: (unit) => <UnitStatus validTo={unit.validTo} /> },
        { label: t("units.childCount"), numeric: true, cell: (unit) => unit._count.children },
        { label: t("units.accountCount"), numeric: true, cell: (unit) => unit._count.accounts },
      ]}
    />
  );
}
