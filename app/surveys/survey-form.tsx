// The questionnaire as a collaborator sees it: the field form and the builder's preview are this
// same component, so the preview is exact. Logic applies as answers change.
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/ui/form-fields";
import { PersonalDataWarning } from "~/ui/personal-data-warning";
import type { SurveyDefinition } from "./definition";
import { specOf } from "./question-types";
import type { Question } from "./question-types/spec";
import { BANDS, BAND_NAMES, isAnswered, visibleQuestions, type Answers } from "./questionnaire";

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
  const done = shown.filter((q) => isAnswered(answers[q.code]));
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
  const spec = specOf(q.type);
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
      <spec.Control q={q} id={id} title={title} value={value} onChange={onChange} invalid={Boolean(errors?.length)} describedBy={describedBy} />
      {spec.freeText ? <PersonalDataWarning text={typeof value === "string" ? value : undefined} /> : null}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
