import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { searchUnits } from "~/units/units.server";
import { UnitSearchForm, UnitTable } from "~/units/unit-views";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "units");

/** Search within the viewer's subtree; without a query, browsing starts at the viewer's own unit. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "browseUnits");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const includeClosed = url.searchParams.get("closed") === "1";
  if (!q) throw redirect(`/units/${viewer.unitId}`);
  return { q, includeClosed, units: await searchUnits(viewer, q, { includeClosed }) };
}

export default function UnitSearchPage() {
  const { t } = useTranslation();
  const { q, includeClosed, units } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("units.searchTitle")} />
      <UnitSearchForm q={q} includeClosed={includeClosed} />
      <p role="status">{t("units.resultCount", { count: units.length })}</p>
      <UnitTable units={units} caption={t("units.searchResults", { q })} />
    </>
  );
}
