import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const FILES = ["docx", "pdf", "pptx", "xlsx", "json"] as const;

/**
 * The committee pack: every file an official carries to the meeting, from the version
 * on screen (a draft's files are watermarked), and meeting mode. Plain links: the downloads are
 * resource routes, meeting mode a full-screen page.
 */
export function ExportLinks({ reportId, version, draft }: { reportId: number; version: number | null; draft: boolean }) {
  const { t } = useTranslation();
  const query = version ? `?version=${version}` : "";
  return (
    <nav aria-labelledby="qr-exports" className="panel export-links">
      <h2 id="qr-exports">{t("quarterly.exports.title")}</h2>
      {draft ? <p className="hint">{t("quarterly.exports.draftHint")}</p> : null}
      <ul className="inline-list">
        <li>
          <Link to={`/quarterly-reports/${reportId}/present${query}`} className="button primary">{t("quarterly.exports.present")}</Link>
        </li>
        <li>
          {/* A document of its own (no app shell), opened in full: its page styles and fonts apply. */}
          <a href={`/quarterly-reports/${reportId}/print${query}`}>{t("print.open")}</a>
        </li>
        {FILES.filter((f) => !(draft && f === "json")).map((f) => (
          <li key={f}>
            <a href={`/quarterly-reports/${reportId}/export.${f}${query}`} download>{t(`quarterly.exports.${f}`)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
