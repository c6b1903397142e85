// The secretariat's questionnaire builder: edits the definition in the browser, validates it with
// the same definition schema the server uses, previews it exactly as a collaborator sees it.
import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/ui/form-fields";
import {
  CONDITION_OPS,
  QUESTION_TYPES,
  definitionSchema,
  fieldsOf,
  parseDefinitionJson,
  resultRowsOf,
  specOf,
  type Answers,
  type Condition,
  type Question,
  type QuestionType,
  type SurveyDefinition,
} from "./definition";
import { move } from "./question-types/parts";
import { SurveyFormView, type BandValues } from "./survey-form";

type SaveResult = { ok?: boolean; message?: string; errors?: { path: string; message: string }[]; version?: number };

// The default option texts of a new Likert/matrix question, in the designer's language; the
// designer edits them like any other option text.
const LIKERT_DEFAULTS = ["l1", "l2", "l3", "l4", "l5"] as const;
const likertLabels = (t: TFunction) => LIKERT_DEFAULTS.map((k) => t(`surveys.builder.likertDefaults.${k}`));

function nextCode(def: SurveyDefinition): string {
  const used = new Set(def.questions.flatMap((q) => [q.code, ...resultRowsOf(q).map((r) => r.code)]));
  let n = def.questions.length + 1;
  while (used.has(`Q${n}`)) n++;
  return `Q${n}`;
}

function newQuestion(def: SurveyDefinition, type: QuestionType, likert: readonly string[]): Question {
  const code = nextCode(def);
  return { code, type, title: "", required: false, ...specOf(type).create?.(code, likert) };
}

type BankEntry = { key: string; source: string; question: Question };

export function SurveyBuilder({ initial, published, bank = [] }: { initial: SurveyDefinition; published: boolean; bank?: BankEntry[] }) {
  const { t } = useTranslation();
  const [def, setDef] = useState<SurveyDefinition>(initial);
  const [tab, setTab] = useState<"edit" | "preview">("edit");
  const [addType, setAddType] = useState<QuestionType>("single");
  const [importText, setImportText] = useState("");
  const [bankKey, setBankKey] = useState("");
  const [importErrors, setImportErrors] = useState<{ path: string; message: string }[]>([]);
  const [dirty, setDirty] = useState(false);
  const fetcher = useFetcher<SaveResult>();
  const check = useMemo(() => definitionSchema.safeParse(def), [def]);
  const problems = check.success ? [] : check.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) setDirty(false);
  }, [fetcher.state, fetcher.data]);

  const update = (fn: (d: SurveyDefinition) => SurveyDefinition) => {
    setDef(fn);
    setDirty(true);
  };
  const setQuestion = (index: number, patch: Partial<Question>) =>
    update((d) => ({ ...d, questions: d.questions.map((q, i) => (i === index ? cleanQuestion({ ...q, ...patch }) : q)) }));

  const save = () => fetcher.submit({ definition: JSON.stringify(def) }, { method: "post" });

  return (
    <div className="builder">
      <div className="button-row" role="tablist" aria-label={t("surveys.builder.modes")}>
        <button type="button" role="tab" aria-selected={tab === "edit"} onClick={() => setTab("edit")}>{t("surveys.builder.edit")}</button>
        <button type="button" role="tab" aria-selected={tab === "preview"} onClick={() => setTab("preview")}>{t("surveys.builder.preview")}</button>
      </div>
      {tab === "preview" ? <Preview def={def} /> : (
        <>
          <div className="field">
            <label htmlFor="b-title">{t("surveys.builder.surveyTitle")}</label>
            <input id="b-title" value={def.title} onChange={(e) => update((d) => ({ ...d, title: e.target.value }))} />
          </div>
          <div className="field">
            <label htmlFor="b-desc">{t("surveys.builder.description")}</label>
            <textarea id="b-desc" rows={2} value={def.description ?? ""} onChange={(e) => update((d) => ({ ...d, description: e.target.value || undefined }))} />
          </div>
          <ol className="builder-questions">
            {def.questions.map((q, index) => (
              <li key={index}>
                <QuestionEditor
                  q={q}
                  index={index}
                  earlier={def.questions.slice(0, index)}
                  lockedCode={published && initial.questions.some((x) => x.code === q.code)}
                  onChange={(patch) => setQuestion(index, patch)}
                  onMove={(to) => update((d) => ({ ...d, questions: move(d.questions, index, to) }))}
                  onDelete={() => update((d) => ({ ...d, questions: d.questions.filter((_, i) => i !== index) }))}
                  count={def.questions.length}
                />
              </li>
            ))}
          </ol>
          <div className="add-question button-row">
            <label htmlFor="b-add-type">{t("surveys.builder.newType")}</label>
            <select id="b-add-type" value={addType} onChange={(e) => setAddType(e.target.value as QuestionType)}>
              {QUESTION_TYPES.map((type) => <option key={type} value={type}>{t(`surveys.types.${type}`)}</option>)}
            </select>
            <button type="button" onClick={() => update((d) => ({ ...d, questions: [...d.questions, newQuestion(d, addType, likertLabels(t))] }))}>
              {t("surveys.builder.addQuestion")}
            </button>
          </div>
          {bank.length > 0 ? (
            <div className="add-question button-row">
              <label htmlFor="b-bank">{t("surveys.builder.bank")}</label>
              <select id="b-bank" value={bankKey} onChange={(e) => setBankKey(e.target.value)}>
                <option value="">{t("common.choose")}</option>
                {bank.map((b) => <option key={b.key} value={b.key}>{b.question.code}. {b.question.title} ({b.source})</option>)}
              </select>
              <button
                type="button"
                disabled={!bankKey}
                onClick={() => {
                  const entry = bank.find((b) => b.key === bankKey);
                  if (!entry) return;
                  // The code is kept (so waves and surveys compare) unless this survey already uses it.
                  update((d) => {
                    const taken = d.questions.some((q) => q.code === entry.question.code);
                    const { showIf: _drop, ...question } = entry.question;
                    void _drop;
                    return { ...d, questions: [...d.questions, taken ? { ...question, code: nextCode(d) } : question] };
                  });
                }}
              >
                {t("surveys.builder.bankAdd")}
              </button>
            </div>
          ) : null}
          <details className="panel">
            <summary>{t("surveys.builder.importJson")}</summary>
            <div className="field">
              <label htmlFor="b-import">{t("surveys.builder.importLabel")}</label>
              <textarea id="b-import" rows={6} value={importText} onChange={(e) => setImportText(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="b-import-file">{t("surveys.builder.importFile")}</label>
              <input id="b-import-file" type="file" accept="application/json,.json" onChange={async (e) => setImportText((await e.target.files?.[0]?.text()) ?? "")} />
            </div>
            <button
              type="button"
              onClick={() => {
                const parsed = parseDefinitionJson(importText);
                if (!parsed.ok) return setImportErrors(parsed.errors);
                setImportErrors([]);
                update(() => parsed.definition);
              }}
            >
              {t("surveys.builder.importSubmit")}
            </button>
            <ProblemList problems={importErrors} label={t("surveys.builder.importErrors")} />
          </details>
        </>
      )}
      <div className="builder-save panel">
        <ProblemList problems={problems} label={t("surveys.builder.problems")} />
        {fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? (
          <div role="alert">
            <ErrorList errors={fetcher.data.message ? [fetcher.data.message] : []} />
            <ProblemList problems={fetcher.data.errors ?? []} label={t("surveys.builder.problems")} />
          </div>
        ) : null}
        {fetcher.state === "idle" && fetcher.data?.ok && !dirty ? (
          <p role="status" className="notice">{t("surveys.builder.saved", { version: fetcher.data.version })}</p>
        ) : null}
        {published ? <p className="hint">{t("surveys.builder.publishedNote")}</p> : null}
        <button type="button" className="primary" onClick={save} disabled={!check.success || fetcher.state !== "idle"}>
          {published ? t("surveys.builder.saveVersion") : t("surveys.builder.save")}
        </button>
      </div>
    </div>
  );
}

/** Drops properties a question of its (possibly changed) type does not use. */
function cleanQuestion(q: Question): Question {
  const allowed = fieldsOf(q.type);
  const out = Object.fromEntries(Object.entries(q).filter(([key]) => allowed.has(key))) as Question;
  if (!out.help) delete out.help;
  if (out.showIf && out.showIf.length === 0) delete out.showIf;
  return out;
}

function ProblemList({ problems, label }: { problems: { path: string; message: string }[]; label: string }) {
  if (!problems.length) return null;
  return (
    <div className="problems">
      <p><strong>{label}</strong></p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.path ? <code>{p.path}</code> : null} <ErrorList errors={[p.message]} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Preview({ def }: { def: SurveyDefinition }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [bands, setBands] = useState<BandValues>({});
  return (
    <section aria-label={t("surveys.builder.preview")} className="preview">
      <p className="notice">{t("surveys.builder.previewNote")}</p>
      <h2>{def.title}</h2>
      {def.description ? <p>{def.description}</p> : null}
      <SurveyFormView
        idPrefix="pv"
        definition={def}
        answers={answers}
        bands={bands}
        onAnswer={(code, v) => setAnswers((a) => {
          const next = { ...a };
          if (v === undefined) delete next[code];
          else next[code] = v;
          return next;
        })}
        onBand={(b, v) => setBands((x) => ({ ...x, [b]: v }))}
      />
    </section>
  );
}

type EditorProps = {
  q: Question;
  index: number;
  count: number;
  earlier: Question[];
  lockedCode: boolean;
  onChange: (patch: Partial<Question>) => void;
  onMove: (to: number) => void;
  onDelete: () => void;
};

function QuestionEditor({ q, index, count, earlier, lockedCode, onChange, onMove, onDelete }: EditorProps) {
  const { t } = useTranslation();
  const id = `bq${index}`;
  const condition: Condition | undefined = q.showIf?.[0];
  const target = earlier.find((e) => e.code === condition?.question);
  const named = { n: index + 1, code: q.code || "—" };
  const Editor = specOf(q.type).Editor;
  return (
    <fieldset className="question-editor" aria-label={t("surveys.builder.questionN", { n: index + 1 })}>
      <legend>{t("surveys.builder.questionN", { n: index + 1 })} · {t(`surveys.types.${q.type}`)}</legend>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t("surveys.builder.code")}</label>
          <input id={`${id}-code`} value={q.code} readOnly={lockedCode} onChange={(e) => onChange({ code: e.target.value.toUpperCase() })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t("surveys.builder.type")}</label>
          <select id={`${id}-type`} value={q.type} disabled={lockedCode} onChange={(e) => {
            const type = e.target.value as QuestionType;
            // The new type's own fields; options already written are kept where it has options.
            const fresh = specOf(type).create?.(q.code, likertLabels(t)) ?? {};
            onChange({ ...fresh, type, ...(fresh.options && q.options?.length ? { options: q.options } : {}) });
          }}>
            {QUESTION_TYPES.map((type) => <option key={type} value={type}>{t(`surveys.types.${type}`)}</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t("surveys.builder.questionText")}</label>
        <input id={`${id}-title`} value={q.title} onChange={(e) => onChange({ title: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-help`}>{t("surveys.builder.help")}</label>
        <input id={`${id}-help`} value={q.help ?? ""} onChange={(e) => onChange({ help: e.target.value })} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={q.required} onChange={(e) => onChange({ required: e.target.checked })} />
        {t("surveys.builder.required")}
      </label>
      {Editor ? <Editor q={q} id={id} onChange={onChange} /> : null}
      <fieldset className="logic">
        <legend>{t("surveys.builder.logic")}</legend>
        {index === 0 ? <p className="hint">{t("surveys.builder.logicFirst")}</p> : (
          <div className="grid-3">
            <div className="field">
              <label htmlFor={`${id}-if-q`}>{t("surveys.builder.showIfQuestion")}</label>
              <select id={`${id}-if-q`} value={condition?.question ?? ""} onChange={(e) => {
                const chosen = earlier.find((x) => x.code === e.target.value);
                // The first test the chosen question allows ("is answered" alone for a matrix).
                const first: Condition = !chosen || specOf(chosen.type).conditions.ops.includes("equals")
                  ? { question: e.target.value, op: "equals", value: chosen?.options?.[0]?.code }
                  : { question: e.target.value, op: "answered" };
                onChange({ showIf: e.target.value ? [first] : [] });
              }}>
                <option value="">{t("surveys.builder.always")}</option>
                {earlier.map((e) => <option key={e.code} value={e.code}>{e.code}. {e.title}</option>)}
              </select>
            </div>
            {condition ? (
              <>
                <div className="field">
                  <label htmlFor={`${id}-if-op`}>{t("surveys.builder.showIfOp")}</label>
                  <select id={`${id}-if-op`} value={condition.op} onChange={(e) => onChange({ showIf: [{ ...condition, op: e.target.value as Condition["op"] }] })}>
                    {(target ? specOf(target.type).conditions.ops : CONDITION_OPS).map((op) => <option key={op} value={op}>{opLabel(t, op, target)}</option>)}
                  </select>
                </div>
                {condition.op !== "answered" ? (
                  <div className="field">
                    <label htmlFor={`${id}-if-v`}>{t("surveys.builder.showIfValue")}</label>
                    <ConditionValue id={`${id}-if-v`} condition={condition} target={target} onChange={(value) => onChange({ showIf: [{ ...condition, value }] })} />
                  </div>
                ) : null}
              </>
            ) : null}
          </div>
        )}
      </fieldset>
      <div className="button-row">
        {/* Names say which question (the visible text alone repeats for every question). */}
        <button type="button" aria-label={t("surveys.builder.questionUp", named)} onClick={() => onMove(index - 1)} disabled={index === 0}>{t("surveys.builder.moveUp")}</button>
        <button type="button" aria-label={t("surveys.builder.questionDown", named)} onClick={() => onMove(index + 1)} disabled={index === count - 1}>{t("surveys.builder.moveDown")}</button>
        <button type="button" className="danger" aria-label={t("surveys.builder.questionDelete", named)} onClick={onDelete}>{t("surveys.builder.deleteQuestion")}</button>
      </div>
    </fieldset>
  );
}

/** An operator as the designer reads it: on a list of choices "equals" is "has chosen". */
function opLabel(t: TFunction, op: Condition["op"], target: Question | undefined) {
  const list = target && specOf(target.type).listAnswer;
  if (list && op === "equals") return t("surveys.ops.includes");
  if (list && op === "notEquals") return t("surveys.ops.excludes");
  return t(`surveys.ops.${op}`);
}

/** The value a condition compares with: one of the target's options, a number, or a text. */
function ConditionValue({ id, condition, target, onChange }: { id: string; condition: Condition; target: Question | undefined; onChange: (value: string | number | undefined) => void }) {
  const kind = target ? specOf(target.type).conditions.value : "number";
  if (kind === "option") {
    return (
      <select id={id} value={String(condition.value ?? "")} onChange={(e) => onChange(e.target.value)}>
        {(target?.options ?? []).map((o) => <option key={o.code} value={o.code}>{o.code} · {o.label}</option>)}
      </select>
    );
  }
  if (kind === "text") return <input id={id} value={String(condition.value ?? "")} onChange={(e) => onChange(e.target.value || undefined)} />;
  return <input id={id} type="number" value={condition.value ?? ""} onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />;
}
