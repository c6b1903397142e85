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
      columns={[
        t("units.code"),
        t("units.name"),
        t("units.kind"),
        t("units.status"),
        { label: t("units.childCount"), numeric: true },
        { label: t("units.accountCount"), numeric: true },
      ]}
    >
      {units.map((unit) => (
        <tr key={unit.id}>
          <td><code>{unit.code}</code></td>
          <td><Link to={`/units/${unit.id}`}>{unit.name}</Link></td>
          <td>{t(`unitKinds.${unit.kind}`)}</td>
          <td><UnitStatus validTo={unit.validTo} /></td>
          <td className="num">{unit._count.children}</td>
          <td className="num">{unit._count.accounts}</td>
        </tr>
      ))}
    </DataTable>
  );
}
