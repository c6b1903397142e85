// Meeting mode: the quarterly report as full-screen slides, outside the app's layout
// (no header or navigation on the projector). Same access as the report page; `?version=n` for
// an older published version, `?slide=k` for the position.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { pageTitle } from "~/i18n/page-titles";
import { exportSource } from "~/quarterly-reports/exports/source.server";
import { MeetingMode, slideIndexFrom } from "~/quarterly-reports/meeting-mode";
import styles from "~/quarterly-reports/meeting-mode.css?url";
import { buildDeck, type Translate } from "~/quarterly-reports/slides";
import { parseId, requireIdParam } from "~/utils/http.server";

// Only office accounts hold the capability: the page loads the office texts (app/root.tsx).
export const handle = { dictionary: "office" };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = (args) => pageTitle(args, "meetingMode");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readQuarterlyReports");
  const version = parseId(new URL(request.url).searchParams.get("version"));
  const source = await exportSource(viewer, requireIdParam(params.reportId), version);
  return { source, version: version ?? null };
}

export default function MeetingModePage() {
  const { source, version } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const deck = useMemo(() => buildDeck(source, t as Translate, i18n.language), [source, t, i18n.language]);
  const backTo = `/quarterly-reports/${source.report.id}${version ? `?version=${version}` : ""}`;
  return <MeetingMode deck={deck} initialIndex={slideIndexFrom(search, deck.slides.length)} backTo={backTo} lang={i18n.language} />;
}
