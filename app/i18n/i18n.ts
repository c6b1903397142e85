import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Dictionary } from "./locales/vi";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "vi";

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/**
 * An i18next instance for one language, initialised synchronously so the server render and the
 * first client render produce the same text. Only that language's dictionary is loaded: switching
 * language reloads the document (the browser never needs both; en.ts is type-complete).
 */
export function createI18n(language: Language, dictionary: Dictionary): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    resources: { [language]: { translation: dictionary } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
