import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/i18n";

// The server rendered <html lang>; the client speaks the same language (a switch reloads the page).
const lang = isLanguage(document.documentElement.lang) ? (document.documentElement.lang as Language) : DEFAULT_LANGUAGE;
// Only this language's dictionary is fetched (its own chunk), before hydration.
const dictionary = lang === "en" ? (await import("~/i18n/locales/en")).en : (await import("~/i18n/locales/vi")).vi;
const i18n = createI18n(lang, dictionary);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RemixBrowser />
      </I18nextProvider>
    </StrictMode>,
  );
});
