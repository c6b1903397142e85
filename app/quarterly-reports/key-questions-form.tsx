// Section 4's editor (secretariat): which questions of each survey closed in the quarter the
// report shows. One fetcher form; the server checks every survey and code (keyQuestionsSchema).
import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { ReplyErrors } from "~/ui/form-fields";
import type { KeyQuestionChoice } from "./key-questions.server";
import { keyQuestionsSchema } from "./report-schemas";

export function KeyQuestionsEditor({ surveys, published }: { surveys: KeyQuestionChoice[]; published: boolean }) {
  const { t } = useTranslation();
  const form = useFetcherForm("quarterly-key-questions", keyQuestionsSchema);
  if (surveys.length === 0) return null;
  return (
    // Keyed by the stored choice: after a save the boxes start again from what was stored.
    <form.fetcher.Form method="post" {...getFormProps(form.form)} key={JSON.stringify(surveys)} aria-labelledby="qr-key-questions" className="card-form">
      <h3 id="qr-key-questions">{t("quarterly.keyQuestions.title")}</h3>
      <p className="hint">{t(published ? "quarterly.keyQuestions.publishedHint" : "quarterly.keyQuestions.hint")}</p>
      <input type="hidden" name="intent" value="keyQuestions" />
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
      <ReplyErrors reply={form.fetcher.data} />
      <button type="submit" disabled={form.busy}>{t("quarterly.keyQuestions.save")}</button>
    </form.fetcher.Form>
  );
}
