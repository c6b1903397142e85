import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "~/i18n/i18n";

/** Switches the UI language; reloads the document so every string, server- or client-rendered, follows. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/set-language" reloadDocument className="language-switch" aria-label={t("language.label")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="submit"
          name="lang"
          value={lang}
          aria-pressed={i18n.language === lang}
          lang={lang}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </Form>
  );
}
