// The questionnaire as a collaborator sees it: the field form and the builder's preview are this
// same component, so the preview is exact. Logic applies as answers change.
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/ui/form-fields";
import { PersonalDataWarning } from "~/ui/personal-data-warning";
import type { Question, SurveyDefinition } from "./definition";
import { BANDS, BAND_NAMES, visibleQuestions, TEXT_LIMITS, type Answers } from "./questionnaire";

export type BandValues = Partial<Record<(typeof BAND_NAMES)[number], string>>;

type Props = {
  definition: SurveyDefinition;
  answers: Answers;
  bands: BandValues;
  onAnswer: (code: string, value: unknown) => void;
  onBand: (band: string, value: string) => void;
  errors?: Record<string, string[]>;
  comments?: Record<string, string>;
  idPrefix?: string;
};

export function answeredCount(def: SurveyDefinition, answers: Answers) {
  const visible = visibleQuestions(def, answers);
  const shown = def.questions.filter((q) => visible.has(q.code));
  const done = shown.filter((q) => {
    const v = answers[q.code];
    return v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
  });
  return { done: done.length, total: shown.length, visible };
}

export function SurveyFormView({ definition, answers, bands, onAnswer, onBand, errors = {}, comments = {}, idPrefix = "sf" }: Props) {
  const { t } = useTranslation();
  const { done, total, visible } = answeredCount(definition, answers);
  return (
    <div className="survey-form">
      <div className="survey-progress" role="status" aria-live="polite">
        <progress max={total || 1} value={done} aria-label={t("surveys.fill.progressLabel")} />
        <span>{t("surveys.fill.progress", { done, total })}</span>
      </div>
      <fieldset>
        <legend>{t("surveys.bands.title")}</legend>
        <p className="hint">{t("surveys.bands.anonymous")}</p>
        {BAND_NAMES.map((band) => (
          <div className="field" key={band}>
            <label htmlFor={`${idPrefix}-band-${band}`}>{t(`surveys.bands.${band}`)}</label>
            <select
              id={`${idPrefix}-band-${band}`}
              value={bands[band] ?? ""}
              onChange={(e) => onBand(band, e.target.value)}
              aria-invalid={errors[band] ? true : undefined}
              aria-describedby={errors[band] ? `${idPrefix}-band-${band}-error` : undefined}
            >
              <option value="">{t("common.choose")}</option>
              {BANDS[band].map((v) => (
                <option key={v} value={v}>{t(`surveys.bandValues.${band}.${v}`)}</option>
              ))}
            </select>
            <ErrorList id={`${idPrefix}-band-${band}-error`} errors={errors[band]} />
          </div>
        ))}
      </fieldset>
      {definition.questions.map((q, index) =>
        visible.has(q.code) ? (
          <QuestionField
            key={q.code}
            q={q}
            number={index + 1}
            value={answers[q.code]}
            onChange={(v) => onAnswer(q.code, v)}
            errors={errors[q.code]}
            comment={comments[q.code]}
            idPrefix={idPrefix}
          />
        ) : null,
      )}
    </div>
  );
}

type FieldProps = {
  q: Question;
  number: number;
  value: unknown;
  onChange: (value: unknown) => void;
  errors?: string[];
  comment?: string;
  idPrefix: string;
};

function QuestionField({ q, number, value, onChange, errors, comment, idPrefix }: FieldProps) {
  const { t } = useTranslation();
  const id = `${idPrefix}-${q.code}`;
  const errorId = `${id}-error`;
  const describedBy = [errors?.length ? errorId : null, q.help ? `${id}-help` : null, comment ? `${id}-comment` : null]
    .filter(Boolean)
    .join(" ") || undefined;
  const title = `${q.code}. ${q.title}${q.required ? " *" : ""}`;
  const body = () => {
    switch (q.type) {
      case "single":
      case "likert":
        return (
          <div className={q.type === "likert" ? "choices choices-row" : "choices"}>
            {(q.options ?? []).map((o) => (
              <label key={o.code} className="checkbox">
                <input type="radio" name={id} value={o.code} checked={value === o.code} onChange={() => onChange(o.code)} />
                {o.label}
              </label>
            ))}
          </div>
        );
      case "multiple": {
        const chosen = Array.isArray(value) ? (value as string[]) : [];
        return (
          <div className="choices">
            {(q.options ?? []).map((o) => (
              <label key={o.code} className="checkbox">
                <input
                  type="checkbox"
                  value={o.code}
                  checked={chosen.includes(o.code)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))}
                />
                {o.label}
              </label>
            ))}
            {q.min !== undefined || q.max !== undefined ? (
              <p className="hint">{t("surveys.fill.chooseRange", { min: q.min ?? 1, max: q.max ?? q.options?.length ?? 0 })}</p>
            ) : null}
          </div>
        );
      }
      case "matrix": {
        const row = value && typeof value === "object" ? (value as Record<string, string>) : {};
        return (q.items ?? []).map((item) => (
          <fieldset key={item.code} className="matrix-item">
            <legend>{item.label}</legend>
            <div className="choices choices-row">
              {(q.options ?? []).map((o) => (
                <label key={o.code} className="checkbox">
                  <input
                    type="radio"
                    name={`${id}-${item.code}`}
                    value={o.code}
                    checked={row[item.code] === o.code}
                    onChange={() => onChange({ ...row, [item.code]: o.code })}
                  />
                  {o.label}
                </label>
              ))}
            </div>
          </fieldset>
        ));
      }
      case "rating":
        return (
          <div className="choices rating">
            {Array.from({ length: 11 }, (_, i) => (
              <label key={i} className="checkbox">
                <input type="radio" name={id} value={i} checked={value === i} onChange={() => onChange(i)} />
                {i}
              </label>
            ))}
          </div>
        );
      case "ranking": {
        const order = Array.isArray(value) ? (value as string[]) : [];
        const options = q.options ?? [];
        return options.map((_, rank) => (
          <div className="field" key={rank}>
            <label htmlFor={`${id}-rank-${rank}`}>{t("surveys.fill.rank", { rank: rank + 1 })}</label>
            <select
              id={`${id}-rank-${rank}`}
              value={order[rank] ?? ""}
              onChange={(e) => {
                const next = options.map((__, i) => (i === rank ? e.target.value : (order[i] ?? "")));
                // Trailing empty ranks are dropped; a gap keeps the order of what was chosen.
                onChange(next.filter(Boolean));
              }}
            >
              <option value="">{t("common.choose")}</option>
              {options.map((o) => (
                <option key={o.code} value={o.code}>{o.label}</option>
              ))}
            </select>
          </div>
        ));
      }
      case "number":
        return (
          <input
            id={id}
            type="number"
            inputMode={q.integer ? "numeric" : "decimal"}
            step={q.integer ? 1 : "any"}
            min={q.min}
            max={q.max}
            value={typeof value === "number" ? value : ""}
            onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy}
            aria-label={title}
          />
        );
      case "date":
        return (
          <input id={id} type="date" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || undefined)}
            aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} aria-label={title} />
        );
      case "shortText":
        return (
          <input id={id} type="text" maxLength={TEXT_LIMITS.shortText} value={typeof value === "string" ? value : ""}
            onChange={(e) => onChange(e.target.value || undefined)} aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy} aria-label={title} />
        );
      case "longText":
        return (
          <textarea id={id} maxLength={TEXT_LIMITS.longText} rows={4} value={typeof value === "string" ? value : ""}
            onChange={(e) => onChange(e.target.value || undefined)} aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy} aria-label={title} />
        );
    }
  };
  return (
    <fieldset className="question" aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined}>
      <legend>
        <span className="q-number">{t("surveys.fill.questionNumber", { n: number })}</span> {title}
      </legend>
      {q.help ? <p className="hint" id={`${id}-help`}>{q.help}</p> : null}
      {comment ? (
        <p className="notice" id={`${id}-comment`} role="note">
          {t("surveys.fill.reviewerComment")}: {comment}
        </p>
      ) : null}
      {body()}
      {q.type === "shortText" || q.type === "longText" ? <PersonalDataWarning text={typeof value === "string" ? value : undefined} /> : null}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
