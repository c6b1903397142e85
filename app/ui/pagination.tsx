import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The ?page= parameter, clamped to 1..10 000. */
export function readPage(params: URLSearchParams): number {
  const page = Number(params.get("page"));
  return Number.isSafeInteger(page) && page >= 1 ? Math.min(page, 10_000) : 1;
}

export function Pagination({ page, total, pageSize }: { page: number; total: number; pageSize: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t("pagination.previous")}</Link> : null}
      <span>{t("pagination.position", { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)}>{t("pagination.next")}</Link> : null}
    </nav>
  );
}

/**
 * Keyset paging (newest first): links to the newer and the older page, each carrying the cursor
 * of the entry it starts from (`newer=` / `older=`), the other filters kept. For long lists whose
 * deep pages must cost what the first does (no OFFSET, no total count).
 */
export function KeysetPagination({ newer, older }: { newer: string | null; older: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!newer && !older) return null;
  const hrefFor = (name: "newer" | "older", cursor: string) => {
    const params = new URLSearchParams(location.search);
    for (const p of ["newer", "older", "page"]) params.delete(p);
    params.set(name, cursor);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {newer ? <Link to={hrefFor("newer", newer)}>{t("pagination.newer")}</Link> : null}
      {older ? <Link to={hrefFor("older", older)}>{t("pagination.older")}</Link> : null}
    </nav>
  );
}
