/**
 * The personal-data guard's live warning under a free-text field. The guard's answer is
 * remembered per text: a form re-checks every field on each keystroke (to know whether to ask for
 * the "no personal data" confirmation), and only the field being typed in has changed.
 */
import { useTranslation } from "react-i18next";
import { findPersonalData, type PersonalDataHit } from "./personal-data-guard";

const CACHE_LIMIT = 500;
const cache = new Map<string, PersonalDataHit[]>();

export function personalDataIn(text: string): PersonalDataHit[] {
  let hits = cache.get(text);
  if (!hits) {
    hits = findPersonalData(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, hits);
  }
  return hits;
}

export function GuardWarning({ text }: { text: string }) {
  const { t } = useTranslation();
  const hits = personalDataIn(text);
  if (!hits.length) return null;
  const kinds = [...new Set(hits.map((h) => t(`reports.guard.kind.${h.kind}`)))].join(", ");
  return <p className="guard-warning" role="alert">{t("reports.guard.warning", { kinds })}</p>;
}
