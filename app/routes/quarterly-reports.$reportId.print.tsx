// The quarterly report as the party document on A4: the page the PDF is printed from,
// and a page an official can print from the browser. Outside the signed-in layout (no app shell).
// Made from the same export source as every other format; opened with the viewer's session, or
// once by the PDF renderer with a print token that carries the source (decision 0024).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/access/gate.server";
import { pageTitle } from "~/i18n/page-titles";
import { documentDateLine, reportSubject } from "~/quarterly-reports/exports/party-document";
import { issuerOf } from "~/quarterly-reports/exports/issuer.server";
import { redeemPrintToken } from "~/quarterly-reports/exports/print-token.server";
import { exportSource } from "~/quarterly-reports/exports/source.server";
import { DOCUMENT_FONT_PRELOADS } from "~/quarterly-reports/print-fonts";
import { PartyDocument } from "~/quarterly-reports/print-view";
import printStyles from "~/quarterly-reports/print.css?url";
import { parseId, requireIdParam } from "~/utils/http.server";

// The document's title is the PDF's title too.
export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "quarterlyReport", args.data?.title);

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }, ...DOCUMENT_FONT_PRELOADS];

/** The root layout loads the office texts for this page (outside the signed-in layout, which decides that elsewhere). */
export const handle = { dictionary: "office" };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = requireIdParam(params.reportId);
  const version = parseId(new URL(request.url).searchParams.get("version")) ?? null;
  const source = redeemPrintToken(request, context.clientIp, id, version) ?? (await exportSource(await requireCapability(request, "readQuarterlyReports"), id, version ?? undefined));
  const heading = await issuerOf(source.report.scope.code);
  const published = source.status.kind === "published" ? source.status : null;
  const compiledAt = source.status.kind === "draft" ? source.status.compiledAt : null;
  return {
    report: { id: source.report.id },
    title: source.report.title,
    figures: source.figures,
    narrative: source.narrative,
    published,
    compiledAt,
    heading,
    subject: reportSubject(source.report.quarterKey),
    // Dated when published; a draft carries the day it was compiled (in Vietnam), as the clerk would type it.
    dateLine: documentDateLine(heading.place, published?.publishedAt ?? compiledAt ?? new Date()),
  };
}

export default function QuarterlyReportPrintPage() {
  return <PartyDocument {...useLoaderData<typeof loader>()} />;
}
