// Section 4's editor (secretariat): which questions of each survey closed in the quarter the
// report shows. One fetcher form; the server checks every survey and code (keyQuestionsSchema).
import { useTranslation } from "react-i18next";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { CardForm } from "~/ui/card-form";
import { ReplyErrors } from "~/ui/form-fields";
import type { KeyQuestionChoice } from "./key-questions.server";
import { keyQuestionsSchema } from "./report-schemas";

export function KeyQuestionsEditor({ surveys, published }: { surveys: KeyQuestionChoice[]; published: boolean }) {
  const { t } = useTranslation();
  const form = useFetcherForm("quarterly-key-questions", keyQuestionsSchema);
  if (surveys.length === 0) return null;
  return (
    // Keyed by the stored choice: after a save the boxes start again from what was stored.
    <CardForm
      key={JSON.stringify(surveys)}
      form={form}
      id="qr-key-questions"
      title={t("quarterly.keyQuestions.title")}
      level={3}
      hint={t(published ? "quarterly.keyQuestions.publishedHint" : "quarterly.keyQuestions.hint")}
      intent="keyQuestions"
      errors={<ReplyErrors reply={form.fetcher.data} />}
      submit={t("quarterly.keyQuestions.save")}
    >
      {surveys.map((s) => (
        <fieldset key={s.id}>
          <legend>{s.title} <span className="muted">({s.code})</span>{s.chosen ? null : <> · {t("quarterly.keyQuestions.default")}</>}</legend>
          <input type="hidden" name="survey" value={s.id} />
          {s.questions.length === 0 ? <p className="muted">{t("quarterly.keyQuestions.noSingle")}</p> : null}
          {s.questions.map((q) => (
            <div key={q.code}>
              <label className="checkbox">
                <input type="checkbox" name="question" value={`${s.id}:${q.code}`} defaultChecked={q.key} /> {q.code}. {q.title}
              </label>
            </div>
          ))}
        </fieldset>
      ))}
    </CardForm>
  );
}
