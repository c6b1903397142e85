import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { OfficeDictionary } from "./locales/vi.office";
import type { FieldDictionary } from "./locales/vi";

/** Which texts a page loads: collaborators' pages need only the field texts (decision 0014). */
export type DictionaryPart = "field" | "office";

/** Signed out (no role) or a collaborator: the field texts suffice; office accounts load both. */
export function dictionaryFor(role: string | undefined): DictionaryPart {
  return role && role !== "collaborator" ? "office" : "field";
}

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
export function createI18n(language: Language, field: FieldDictionary, office?: OfficeDictionary): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    resources: { [language]: { translation: field } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
    // A text a page asks for but its dictionary lacks is a bug (e.g. an office text on a
    // collaborator's page): said loudly, so the end-to-end tests catch it.
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => console.error(`i18n: missing key "${key}"`),
  });
  // Office texts go into the same namespace, merged deep ("surveys.builder" beside "surveys.fill").
  if (office) instance.addResourceBundle(language, "translation", office, true, true);
  return instance;
}
