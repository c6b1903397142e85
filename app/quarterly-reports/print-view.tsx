// The quarterly report laid out as the party document (Hướng dẫn 36-HD/VPTW; the domain note):
// heading block, "BÁO CÁO" and its subject, the numbered sections fully expanded, signature and
// recipients. Page size, margins and page numbers are the print stylesheet's (print.css).
import { Chart } from "chart.js";
import { useEffect, useLayoutEffect } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/dates";
import type { CompiledReport } from "./compile.server";
import type { Issuer } from "./exports/issuer.server";
import { documentNumberLine, PARTY_DOCUMENT_WORDS } from "./exports/party-document";
import { DOCUMENT_FONT_CHECKS, DOCUMENT_FONT_FACES, DOCUMENT_FONT_STACK } from "./print-fonts";
import { ReportSections, useReportChartSource } from "./report-view";
import type { Narrative } from "./snapshot.server";

type Props = {
  report: { id: number };
  figures: CompiledReport;
  narrative: Narrative;
  /** Null for a draft, which carries when its figures were compiled instead. */
  published: { version: number; publishedAt: string; checksum: string } | null;
  compiledAt: string | null;
  heading: Issuer;
  subject: string;
  dateLine: string;
};

export function PartyDocument({ report, figures, narrative, published, heading, subject, dateLine, compiledAt }: Props) {
  const { t } = useTranslation();
  const chartSource = useReportChartSource(published);
  usePrintReady();
  const back = `/quarterly-reports/${report.id}${published ? `?version=${published.version}` : ""}`;
  return (
    <>
      {/* Raw CSS (as text React would escape the quotes): our own constant, the fonts' built URLs. */}
      <style dangerouslySetInnerHTML={{ __html: DOCUMENT_FONT_FACES }} />
      <nav className="print-toolbar" aria-label={t("print.toolbar")}>
        <a href={back}>← {t("print.back")}</a>
        <button type="button" className="primary" onClick={() => window.print()}>{t("print.print")}</button>
        <span className="hint">{t("print.hint")}</span>
      </nav>
      {published ? null : <div className="draft-watermark">{PARTY_DOCUMENT_WORDS.draft}</div>}
      <main className="party-document">
        <header className="doc-heading">
          <div className="doc-issuer">
            <p>{heading.superior}</p>
            <p className="doc-body">{heading.body}</p>
            <p aria-hidden="true">*</p>
            <p>{documentNumberLine(heading)}</p>
          </div>
          <div className="doc-national">
            <p className="doc-party">{PARTY_DOCUMENT_WORDS.party}</p>
            <p className="doc-date">{dateLine}</p>
          </div>
        </header>
        <h1 className="doc-title">
          {PARTY_DOCUMENT_WORDS.type}
          <span className="doc-subject">{subject}</span>
        </h1>
        <ReportSections figures={figures} narrative={narrative} print chartSource={chartSource} />
        <footer className="doc-closing">
          <div className="doc-recipients">
            <p className="doc-recipients-title">{PARTY_DOCUMENT_WORDS.recipients}</p>
            <ul>{heading.recipients.map((line) => <li key={line}>- {line}</li>)}</ul>
          </div>
          <div className="doc-signature">
            {heading.signature.map((line) => <p key={line}>{line}</p>)}
          </div>
        </footer>
        <p className="doc-provenance">
          {published
            ? t("print.provenance", { version: published.version, at: formatDateTime(published.publishedAt), checksum: published.checksum })
            : t("print.draftProvenance", { at: formatDateTime(compiledAt) })}
        </p>
      </main>
    </>
  );
}

// Layout effects do nothing on the server (and React says so): there, the plain effect stands in.
const useBeforeChartsDraw = typeof document === "undefined" ? useEffect : useLayoutEffect;

/**
 * Charts draw with the document's typeface at print resolution, and once the fonts have loaded
 * (canvas text does not wait for a web font) they are drawn again; then <html data-print-ready>
 * tells the PDF renderer the page is complete.
 */
function usePrintReady() {
  // Before the charts are created: their own effects run after every layout effect.
  useBeforeChartsDraw(() => {
    Chart.defaults.font.family = DOCUMENT_FONT_STACK;
    Chart.defaults.color = "#111111";
    Chart.defaults.devicePixelRatio = 2;
  }, []);
  useEffect(() => {
    let current = true;
    void Promise.all(DOCUMENT_FONT_CHECKS.map((face) => document.fonts.load(face)))
      .then(() => document.fonts.ready)
      .then(() => {
        if (!current) return;
        for (const chart of Object.values(Chart.instances)) chart.update();
        requestAnimationFrame(() => {
          document.documentElement.dataset.printReady = "true";
        });
      });
    return () => {
      current = false;
    };
  }, []);
}
