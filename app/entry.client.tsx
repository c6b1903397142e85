import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/i18n";
import { viField } from "~/i18n/locales/vi";

// The server rendered <html lang>; the client speaks the same language (a switch reloads the page).
const lang = isLanguage(document.documentElement.lang) ? (document.documentElement.lang as Language) : DEFAULT_LANGUAGE;
// Only this language's texts are loaded: Vietnamese, the default, with the entry itself (no second
// round trip before hydrating, which a slow phone opening the app offline feels); English as its own
// chunk. The office texts only where the root layout marked the document <html data-dictionary=
// "office"> (an office account's page, or a page whose handle asks for them): a collaborator's phone
// never downloads the builder's, the roster's or the results' texts.
const office = document.documentElement.dataset.dictionary === "office";
const [field, officeTexts] =
  lang === "en"
    ? await Promise.all([import("~/i18n/locales/en").then((m) => m.enField), office ? import("~/i18n/locales/en.office").then((m) => m.enOffice) : undefined])
    : [viField, office ? await import("~/i18n/locales/vi.office").then((m) => m.viOffice) : undefined];
const i18n = createI18n(lang, field, officeTexts);

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
