// Texts for what the server writes itself (files: the committee pack's slides, documents): an
// i18next instance with every text of the request's language, as entry.server.tsx renders pages.
import type { i18n } from "i18next";
import { createI18n, type Language } from "./i18n";
import { getLanguage } from "./language.server";
import { enField } from "./locales/en";
import { enOffice } from "./locales/en.office";
import { viField } from "./locales/vi";
import { viOffice } from "./locales/vi.office";

export function textsFor(language: Language): i18n {
  return language === "en" ? createI18n(language, enField, enOffice) : createI18n(language, viField, viOffice);
}

/** The texts of the language the request's reader chose (the language cookie; Vietnamese by default). */
export async function requestTexts(request: Request): Promise<i18n> {
  return textsFor(await getLanguage(request));
}
