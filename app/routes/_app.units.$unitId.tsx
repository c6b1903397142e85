import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { unitActionSchema } from "~/units/unit-schemas";
import { getUnitDetail, listOpenUnits, mergeUnit, moveUnit, renameUnit } from "~/units/units.server";
import { MergeUnitForm, MoveUnitForm, RenameUnitForm, UnitCodeList } from "~/units/unit-admin-forms";
import { UnitSearchForm, UnitStatus, UnitTable } from "~/units/unit-views";
import { formatDay } from "~/utils/dates";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "units", args.data?.unit.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "browseUnits");
  const { unit, ancestors } = await getUnitDetail(viewer, requireIdParam(params.unitId));
  const canManage = can(viewer, "manageUnits");
  return { unit, ancestors, canManage, unitCodes: canManage ? await listOpenUnits(viewer) : [] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageUnits");
  const id = requireIdParam(params.unitId);
  return runFormThenRedirect(request, unitActionSchema, async (input) => {
    if (input.intent === "rename") await renameUnit(viewer, id, input.name);
    if (input.intent === "move") await moveUnit(viewer, id, input.parentCode);
    if (input.intent === "merge") await mergeUnit(viewer, id, input);
  }, `/units/${id}`);
}

export default function UnitPage() {
  const { t } = useTranslation();
  const { unit, ancestors, canManage, unitCodes } = useLoaderData<typeof loader>();
  const open = !unit.validTo;
  return (
    <>
      <nav aria-label={t("units.breadcrumbs")} className="breadcrumbs">
        <ol>
          {ancestors.map((a) => (
            <li key={a.id}><Link to={`/units/${a.id}`}>{a.name}</Link></li>
          ))}
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      <PageHeader title={unit.name}>
        <p>
          <code>{unit.code}</code> · {t(`unitKinds.${unit.kind}`)} · <UnitStatus validTo={unit.validTo} />
        </p>
      </PageHeader>
      <UnitSearchForm />
      <TitledSection id="facts-title" title={t("units.facts")} className="panel">
        <dl className="facts">
          <dt>{t("units.validFrom")}</dt>
          <dd>{formatDay(unit.validFrom)}</dd>
          <dt>{t("units.validTo")}</dt>
          <dd>{unit.validTo ? formatDay(unit.validTo) : "—"}</dd>
          <dt>{t("units.accountCount")}</dt>
          <dd>{unit._count.accounts}</dd>
        </dl>
      </TitledSection>
      <LineageSection unit={unit} />
      <section aria-labelledby="children-title">
        <div className="section-head">
          <h2 id="children-title">{t("units.children")}</h2>
          {canManage && open ? (
            <Link className="button" to={`/units/new?parent=${encodeURIComponent(unit.code)}`}>
              {t("units.addChild")}
            </Link>
          ) : null}
        </div>
        <UnitTable units={unit.children} caption={t("units.childrenOf", { name: unit.name })} />
      </section>
      {canManage && open ? (
        <TitledSection id="manage-title" title={t("units.manage")} className="manage">
          <UnitCodeList units={unitCodes} />
          <div className="card-grid">
            <RenameUnitForm name={unit.name} />
            {unit.parentId ? <MoveUnitForm name={unit.name} /> : null}
            {unit.parentId ? <MergeUnitForm name={unit.name} /> : null}
          </div>
        </TitledSection>
      ) : null}
    </>
  );
}

type LineageUnit = { id: number; code: string; name: string; visible: boolean };

function LineageName({ unit }: { unit: LineageUnit }) {
  return unit.visible ? <Link to={`/units/${unit.id}`}>{unit.name}</Link> : <>{unit.name}</>;
}
type LineageProps = {
  unit: {
    predecessors: { effectiveOn: string | Date; predecessor: LineageUnit }[];
    successors: { effectiveOn: string | Date; successor: LineageUnit }[];
  };
};

function LineageSection({ unit }: LineageProps) {
  const { t } = useTranslation();
  if (unit.predecessors.length === 0 && unit.successors.length === 0) return null;
  return (
    <TitledSection id="lineage-title" title={t("units.lineage")} className="panel">
      <ul className="lineage">
        {unit.successors.map((s) => (
          <li key={`s${s.successor.id}`}>
            {t("units.mergedInto", { date: formatDay(s.effectiveOn) })}{" "}
            <LineageName unit={s.successor} /> (<code>{s.successor.code}</code>)
          </li>
        ))}
        {unit.predecessors.map((p) => (
          <li key={`p${p.predecessor.id}`}>
            {t("units.absorbed", { date: formatDay(p.effectiveOn) })}{" "}
            <LineageName unit={p.predecessor} /> (<code>{p.predecessor.code}</code>)
          </li>
        ))}
      </ul>
    </TitledSection>
  );
}
