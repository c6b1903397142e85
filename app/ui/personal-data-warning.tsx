/**
 * The personal-data guard in the browser: the live warning under a free-text field, and the
 * "confirm no personal data" checkbox shown once something is flagged (the server refuses flagged
 * text without it: app/forms/personal-data.ts).
 */
import { useCallback, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { PersonalDataHit } from "~/opinion-reports/personal-data-guard";
import { useGuard } from "./use-guard";

type Guard = NonNullable<ReturnType<typeof useGuard>>;

// The guard's answer, remembered per text: a form re-checks every field on each keystroke (to
// know whether to ask for the confirmation), and only the field being typed in has changed.
const CACHE_LIMIT = 500;
const cache = new Map<string, PersonalDataHit[]>();

function cachedFind(guard: Guard | null, text: string | null | undefined): PersonalDataHit[] {
  if (!text || !guard) return [];
  let hits = cache.get(text);
  if (!hits) {
    hits = guard.findPersonalData(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, hits);
  }
  return hits;
}

/** Whether the guard flags a text (false until the guard has loaded; the server checks anyway). */
export function useFlagged(): (text: string | null | undefined) => boolean {
  const guard = useGuard();
  return useCallback((text) => cachedFind(guard, text).length > 0, [guard]);
}

export function PersonalDataWarning({ text, id }: { text: string | null | undefined; id?: string }) {
  const { t } = useTranslation();
  const hits = cachedFind(useGuard(), text);
  if (!hits.length) return null;
  const kinds = [...new Set(hits.map((h) => t(`guard.kind.${h.kind}`)))].join(", ");
  return <p className="guard-warning" role="alert" id={id}>{t("guard.warning", { kinds })}</p>;
}

type ConfirmProps = {
  /** Whether anything typed is flagged (or the server refused it): the checkbox shows then. */
  flagged: boolean;
  /** Controlled (JSON forms) … */
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  /** … or a plain form field named confirmNoPersonalData. */
  name?: string;
};

export function ConfirmNoPersonalData({ flagged, checked, onChange, name }: ConfirmProps) {
  const { t } = useTranslation();
  if (!flagged && !checked) return null;
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        name={name}
        {...(onChange ? { checked: checked ?? false, onChange: (e) => onChange(e.target.checked) } : { defaultChecked: checked })}
      />
      {t("guard.confirm")}
    </label>
  );
}

/**
 * For Conform forms (uncontrolled fields): follows what is typed in the guarded fields by their
 * names, so the warning and the checkbox need no controlled inputs. Put `onInput` on the form.
 */
export function useGuardedTexts(initial: Record<string, string | undefined>) {
  const isFlagged = useFlagged();
  const [texts, setTexts] = useState(initial);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (target.name in initial) setTexts((s) => (s[target.name] === target.value ? s : { ...s, [target.name]: target.value }));
  };
  const flagged = Object.values(texts).some((text) => isFlagged(text));
  return { texts, onInput, flagged };
}
