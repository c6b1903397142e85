// The secretariat's questionnaire builder: edits the definition in the browser, validates it with
// the same definition schema the server uses, previews it exactly as a collaborator sees it.
import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/ui/form-fields";
import {
  CHOICE_TYPES,
  CONDITION_OPS,
  QUESTION_TYPES,
  definitionSchema,
  parseDefinitionJson,
  type Answers,
  type Condition,
  type Question,
  type QuestionType,
  type SurveyDefinition,
} from "./definition";
import { SurveyFormView, type BandValues } from "./survey-form";

type SaveResult = { ok?: boolean; message?: string; errors?: { path: string; message: string }[]; version?: number };

// The default option texts of a new Likert/matrix question, in the designer's language; the
// designer edits them like any other option text.
const LIKERT_DEFAULTS = ["l1", "l2", "l3", "l4", "l5"] as const;
const likertLabels = (t: TFunction) => LIKERT_DEFAULTS.map((k) => t(`surveys.builder.likertDefaults.${k}`));

function nextCode(def: SurveyDefinition): string {
  const used = new Set(def.questions.flatMap((q) => [q.code, ...(q.items ?? []).map((i) => i.code)]));
  let n = def.questions.length + 1;
  while (used.has(`Q${n}`)) n++;
  return `Q${n}`;
}

function newQuestion(def: SurveyDefinition, type: QuestionType, likert: readonly string[]): Question {
  const code = nextCode(def);
  const opts = (labels: readonly string[]) => labels.map((label, i) => ({ code: `${code}_${i + 1}`, label }));
  const q: Question = { code, type, title: "", required: false };
  if (type === "likert") q.options = opts(likert);
  else if (type === "matrix") {
    q.options = likert.map((label, i) => ({ code: `M${i + 1}`, label }));
    q.items = [{ code: `${code}_A`, label: "" }];
  } else if (CHOICE_TYPES.includes(type)) q.options = opts(["", ""]);
  return q;
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
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
  const out: Question = { ...q };
  if (!CHOICE_TYPES.includes(q.type)) delete out.options;
  if (q.type !== "matrix") delete out.items;
  if (q.type !== "multiple" && q.type !== "number") {
    delete out.min;
    delete out.max;
  }
  if (q.type !== "number") delete out.integer;
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
            const fresh = newQuestion({ title: "", questions: [] }, type, likertLabels(t));
            onChange({ type, options: q.options?.length ? q.options : fresh.options?.map((o, i) => ({ ...o, code: `${q.code}_${i + 1}` })), items: fresh.items?.map((it) => ({ ...it, code: `${q.code}_A` })) });
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
      {q.type === "multiple" || q.type === "number" ? (
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-min`}>{q.type === "multiple" ? t("surveys.builder.minChoices") : t("surveys.builder.minValue")}</label>
            <input id={`${id}-min`} type="number" value={q.min ?? ""} onChange={(e) => onChange({ min: e.target.value === "" ? undefined : Number(e.target.value) })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{q.type === "multiple" ? t("surveys.builder.maxChoices") : t("surveys.builder.maxValue")}</label>
            <input id={`${id}-max`} type="number" value={q.max ?? ""} onChange={(e) => onChange({ max: e.target.value === "" ? undefined : Number(e.target.value) })} />
          </div>
        </div>
      ) : null}
      {q.type === "number" ? (
        <label className="checkbox">
          <input type="checkbox" checked={Boolean(q.integer)} onChange={(e) => onChange({ integer: e.target.checked || undefined })} />
          {t("surveys.builder.integer")}
        </label>
      ) : null}
      {q.type === "matrix" ? (
        <OptionList label={t("surveys.builder.items")} prefix={`${id}-item`} options={q.items ?? []} codeBase={`${q.code}_`} letters onChange={(items) => onChange({ items })} />
      ) : null}
      {CHOICE_TYPES.includes(q.type) ? (
        <OptionList label={q.type === "matrix" ? t("surveys.builder.scale") : t("surveys.builder.options")} prefix={`${id}-opt`} options={q.options ?? []}
          codeBase={q.type === "matrix" ? "M" : `${q.code}_`} onChange={(options) => onChange({ options })} />
      ) : null}
      <fieldset className="logic">
        <legend>{t("surveys.builder.logic")}</legend>
        {index === 0 ? <p className="hint">{t("surveys.builder.logicFirst")}</p> : (
          <div className="grid-3">
            <div className="field">
              <label htmlFor={`${id}-if-q`}>{t("surveys.builder.showIfQuestion")}</label>
              <select id={`${id}-if-q`} value={condition?.question ?? ""} onChange={(e) => {
                const chosen = earlier.find((x) => x.code === e.target.value);
                // A matrix answer holds one choice per row: "is answered" is its only condition.
                const first: Condition = chosen?.type === "matrix"
                  ? { question: e.target.value, op: "answered" }
                  : { question: e.target.value, op: "equals", value: chosen?.options?.[0]?.code };
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
                    {CONDITION_OPS.map((op) => <option key={op} value={op}>{t(`surveys.ops.${op}`)}</option>)}
                  </select>
                </div>
                {condition.op !== "answered" ? (
                  <div className="field">
                    <label htmlFor={`${id}-if-v`}>{t("surveys.builder.showIfValue")}</label>
                    {target?.options?.length ? (
                      <select id={`${id}-if-v`} value={String(condition.value ?? "")} onChange={(e) => onChange({ showIf: [{ ...condition, value: e.target.value }] })}>
                        {target.options.map((o) => <option key={o.code} value={o.code}>{o.code} · {o.label}</option>)}
                      </select>
                    ) : (
                      <input id={`${id}-if-v`} type="number" value={condition.value ?? ""} onChange={(e) => onChange({ showIf: [{ ...condition, value: e.target.value === "" ? undefined : Number(e.target.value) }] })} />
                    )}
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

type OptionListProps = {
  label: string;
  prefix: string;
  options: { code: string; label: string }[];
  codeBase: string;
  letters?: boolean;
  onChange: (options: { code: string; label: string }[]) => void;
};

function OptionList({ label, prefix, options, codeBase, letters, onChange }: OptionListProps) {
  const { t } = useTranslation();
  const suffix = (i: number) => (letters ? String.fromCharCode(65 + i) : String(i + 1));
  const fresh = () => {
    let i = options.length;
    while (options.some((o) => o.code === `${codeBase}${suffix(i)}`)) i++;
    return { code: `${codeBase}${suffix(i)}`, label: "" };
  };
  return (
    <fieldset className="options">
      <legend>{label}</legend>
      <ol>
        {options.map((o, i) => (
          <li key={i} className="option-row">
            <label className="visually-hidden" htmlFor={`${prefix}${i}-code`}>{t("surveys.builder.optionCode", { n: i + 1 })}</label>
            <input id={`${prefix}${i}-code`} className="option-code" value={o.code} onChange={(e) => onChange(options.map((x, k) => (k === i ? { ...x, code: e.target.value.toUpperCase() } : x)))} />
            <label className="visually-hidden" htmlFor={`${prefix}${i}-label`}>{t("surveys.builder.optionLabel", { n: i + 1 })}</label>
            <input id={`${prefix}${i}-label`} value={o.label} onChange={(e) => onChange(options.map((x, k) => (k === i ? { ...x, label: e.target.value } : x)))} />
            <button type="button" aria-label={t("surveys.builder.optionUp", { n: i + 1 })} onClick={() => onChange(move(options, i, i - 1))} disabled={i === 0}>↑</button>
            <button type="button" aria-label={t("surveys.builder.optionDown", { n: i + 1 })} onClick={() => onChange(move(options, i, i + 1))} disabled={i === options.length - 1}>↓</button>
            <button type="button" aria-label={t("surveys.builder.optionDelete", { n: i + 1 })} onClick={() => onChange(options.filter((_, k) => k !== i))}>✕</button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...options, fresh()])}>{t("surveys.builder.addOption")}</button>
    </fieldset>
  );
}
