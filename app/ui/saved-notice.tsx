import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** After a redirect with ?done=<what>, says what was saved (a live region screen readers announce). */
export function SavedNotice() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const done = params.get("done");
  if (!done || !/^[a-zA-Z]{1,40}$/.test(done)) return null;
  return (
    <p className="notice notice-ok" role="status">
      {t(`saved.${done}`, { defaultValue: t("saved.default") })}
    </p>
  );
}
