/**
 * The collaborator's report form: phone-first, up to MAX_ITEMS items, a draft kept in this
 * device's localStorage as they type, the personal-data guard warning live, and one client
 * UUID per draft so a resend after a lost connection replays instead of duplicating.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/ui/form-fields";
import { ConfirmNoPersonalData, PersonalDataWarning as GuardWarning } from "~/ui/personal-data-warning";
import { hasPersonalData } from "./personal-data-guard";
import { GUARDED_ITEM_FIELDS, reportContentSchema } from "./report-schemas";
import { CHANNELS, DIRECTIONS, MAX_ITEMS, PREVALENCES, STRENGTHS, SUMMARY_MAX, TITLE_MAX } from "./report-vocab";

export type ItemDraft = {
  topicCode: string;
  title: string;
  summary: string;
  areaCode: string;
  groupCodes: string[];
  direction: string;
  strength: string;
  prevalence: string;
  channel: string;
  verified: boolean;
  proposal: string;
  urgent: boolean;
};
export type ReportDraftState = { clientUuid: string; urgent: boolean; note: string; confirmNoPersonalData: boolean; items: ItemDraft[] };

type Option = { code: string; name: string };
type Props = {
  draftKey: string;
  topics: Option[];
  groups: Option[];
  areas: Option[];
  initial?: Partial<Omit<ReportDraftState, "clientUuid">>;
  /** Field errors from the server (Conform reply: "payload.items[0].title" → keys). */
  serverErrors?: Record<string, string[] | null>;
  serverMessage?: string;
  submitLabel: string;
  intent?: string;
};

const newUuid = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) => (Number(c) ^ (Math.random() * 16) >> (Number(c) / 4)).toString(16));

function blankItem(areas: Option[]): ItemDraft {
  return {
    topicCode: "",
    title: "",
    summary: "",
    areaCode: areas.length === 1 ? areas[0]!.code : "",
    groupCodes: [],
    direction: "",
    strength: "moderate",
    prevalence: "some",
    channel: "direct",
    verified: true,
    proposal: "",
    urgent: false,
  };
}

function freshState(props: Props): ReportDraftState {
  return { clientUuid: newUuid(), urgent: false, note: "", confirmNoPersonalData: false, items: [blankItem(props.areas)], ...props.initial };
}

export function ReportForm(props: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [state, setState] = useState<ReportDraftState>(() => freshState(props));
  const [restored, setRestored] = useState(false);
  // Once a submit was refused, errors are recomputed as the user types, so a fixed field clears.
  const [validated, setValidated] = useState(false);
  // Paths edited since the server's last reply: its errors there no longer apply ("all" when an
  // item was removed and the indexes moved).
  const [edited, setEdited] = useState<Set<string> | "all">(() => new Set());
  useEffect(() => setEdited(new Set()), [props.serverErrors]);

  // Restore a draft kept on this device (after hydration, so server and client render alike).
  useEffect(() => {
    const saved = window.localStorage.getItem(props.draftKey);
    if (!saved) return;
    try {
      setState(JSON.parse(saved) as ReportDraftState);
      setRestored(true);
    } catch {
      window.localStorage.removeItem(props.draftKey);
    }
  }, [props.draftKey]);

  const update = (change: (s: ReportDraftState) => ReportDraftState) =>
    setState((s) => {
      const next = change(s);
      window.localStorage.setItem(props.draftKey, JSON.stringify(next));
      return next;
    });
  const markEdited = (...paths: string[]) => setEdited((e) => (e === "all" ? e : new Set([...e, ...paths])));
  const setItem = (index: number, patch: Partial<ItemDraft>) => {
    markEdited(...Object.keys(patch).map((field) => `payload.items[${index}].${field}`));
    update((s) => ({ ...s, items: s.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  };
  const setNote = (note: string) => {
    markEdited("payload.note");
    update((s) => ({ ...s, note }));
  };
  const addItem = () => {
    markEdited("payload", "payload.items");
    update((s) => (s.items.length >= MAX_ITEMS ? s : { ...s, items: [...s.items, blankItem(props.areas)] }));
  };
  const removeItem = (index: number) => {
    setEdited("all");
    update((s) => ({ ...s, items: s.items.filter((_, k) => k !== index) }));
  };

  const payload = { urgent: state.urgent, note: state.note, confirmNoPersonalData: state.confirmNoPersonalData, items: state.items };
  const clientErrors = validated ? issuesOf(payload) : {};
  const serverErrors = Object.fromEntries(
    Object.entries(props.serverErrors ?? {}).filter(([path]) => edited !== "all" && !edited.has(path)),
  );
  const errors: Record<string, string[] | null | undefined> = { ...serverErrors, ...clientErrors };
  const errorsAt = (path: string) => errors[path] ?? undefined;
  const anyPersonal = hasPersonalData(state.note) || state.items.some((item) => GUARDED_ITEM_FIELDS.some((f) => hasPersonalData(item[f])));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setValidated(true);
    if (Object.keys(issuesOf(payload)).length) event.preventDefault();
  }

  const hasErrors = Object.values(errors).some((e) => e && e.length);
  const atLimit = state.items.length >= MAX_ITEMS;
  const id = (i: number, f: string) => `item-${i}-${f}`;
  const ids = (i: number, f: string) => ({ id: id(i, f), "aria-invalid": errorsAt(`payload.items[${i}].${f}`) ? true : undefined, "aria-describedby": errorsAt(`payload.items[${i}].${f}`) ? `${id(i, f)}-error` : undefined });

  return (
    <Form method="post" onSubmit={onSubmit} className="report-form" aria-label={props.submitLabel} noValidate>
      <p className="hint">{t("reports.draftKept")}</p>
      {restored ? <p className="notice" role="status">{t("reports.draftRestored")}</p> : null}
      {props.serverMessage ? <p className="notice error-notice" role="alert">{t(props.serverMessage)}</p> : null}
      {hasErrors ? <p className="notice error-notice" role="alert">{t("reports.errors.fixBelow")}</p> : null}
      <ErrorList errors={errorsAt("payload") ?? undefined} />
      <input type="hidden" name="clientUuid" value={state.clientUuid} />
      <input type="hidden" name="payload" value={JSON.stringify(payload)} />
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      <label className="checkbox urgent-toggle">
        <input type="checkbox" checked={state.urgent} onChange={(e) => update((s) => ({ ...s, urgent: e.target.checked }))} />
        {t("reports.urgentReport")}
      </label>
      <h2>{t("reports.items")}</h2>
      {state.items.map((item, i) => (
        <fieldset key={i} className="report-item">
          <legend>{t("reports.item", { n: i + 1 })}</legend>
          <div className="field">
            <label htmlFor={id(i, "topicCode")}>{t("reports.topic")}</label>
            <select {...ids(i, "topicCode")} value={item.topicCode} onChange={(e) => setItem(i, { topicCode: e.target.value })}>
              <option value="">{t("common.choose")}</option>
              {props.topics.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
            </select>
            <ErrorList id={`${id(i, "topicCode")}-error`} errors={errorsAt(`payload.items[${i}].topicCode`) ?? undefined} />
          </div>
          <div className="field">
            <label htmlFor={id(i, "title")}>{t("reports.title")}</label>
            <input {...ids(i, "title")} value={item.title} maxLength={TITLE_MAX} onChange={(e) => setItem(i, { title: e.target.value })} />
            <GuardWarning text={item.title} />
            <ErrorList id={`${id(i, "title")}-error`} errors={errorsAt(`payload.items[${i}].title`) ?? undefined} />
          </div>
          <div className="field">
            <label htmlFor={id(i, "summary")}>{t("reports.summary")}</label>
            <textarea {...ids(i, "summary")} rows={4} value={item.summary} maxLength={SUMMARY_MAX} onChange={(e) => setItem(i, { summary: e.target.value })} />
            <GuardWarning text={item.summary} />
            <ErrorList id={`${id(i, "summary")}-error`} errors={errorsAt(`payload.items[${i}].summary`) ?? undefined} />
          </div>
          <div className="field">
            <label htmlFor={id(i, "areaCode")}>{t("reports.area")}</label>
            <select {...ids(i, "areaCode")} value={item.areaCode} onChange={(e) => setItem(i, { areaCode: e.target.value })}>
              <option value="">{t("common.choose")}</option>
              {props.areas.map((o) => <option key={o.code} value={o.code}>{o.name} ({o.code})</option>)}
            </select>
            <ErrorList id={`${id(i, "areaCode")}-error`} errors={errorsAt(`payload.items[${i}].areaCode`) ?? undefined} />
          </div>
          <fieldset className="choice-group">
            <legend>{t("reports.groups")}</legend>
            {props.groups.map((g) => (
              <label key={g.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={item.groupCodes.includes(g.code)}
                  onChange={(e) =>
                    setItem(i, { groupCodes: e.target.checked ? [...item.groupCodes, g.code] : item.groupCodes.filter((c) => c !== g.code) })
                  }
                />
                {g.name}
              </label>
            ))}
            <ErrorList errors={errorsAt(`payload.items[${i}].groupCodes`) ?? undefined} />
          </fieldset>
          {(
            [
              ["direction", DIRECTIONS],
              ["strength", STRENGTHS],
              ["prevalence", PREVALENCES],
              ["channel", CHANNELS],
            ] as const
          ).map(([field, values]) => (
            <div className="field" key={field}>
              <label htmlFor={id(i, field)}>{t(`reports.${field}`)}</label>
              <select {...ids(i, field)} value={item[field]} onChange={(e) => setItem(i, { [field]: e.target.value })}>
                {field === "direction" ? <option value="">{t("common.choose")}</option> : null}
                {values.map((v) => <option key={v} value={v}>{t(`opinion.${field}.${v}`)}</option>)}
              </select>
              <ErrorList id={`${id(i, field)}-error`} errors={errorsAt(`payload.items[${i}].${field}`) ?? undefined} />
            </div>
          ))}
          <label className="checkbox">
            <input type="checkbox" checked={item.verified} onChange={(e) => setItem(i, { verified: e.target.checked })} />
            {t("reports.verified")}
          </label>
          <div className="field">
            <label htmlFor={id(i, "proposal")}>{t("reports.proposal")}</label>
            <textarea {...ids(i, "proposal")} rows={2} value={item.proposal} onChange={(e) => setItem(i, { proposal: e.target.value })} />
            <GuardWarning text={item.proposal} />
            <ErrorList id={`${id(i, "proposal")}-error`} errors={errorsAt(`payload.items[${i}].proposal`) ?? undefined} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={item.urgent} onChange={(e) => setItem(i, { urgent: e.target.checked })} />
            {t("reports.itemUrgent")}
          </label>
          {state.items.length > 1 ? (
            <p>
              <button type="button" className="link-button" onClick={() => removeItem(i)}>
                {t("reports.removeItem", { n: i + 1 })}
              </button>
            </p>
          ) : null}
        </fieldset>
      ))}
      <ErrorList errors={errorsAt("payload.items") ?? undefined} />
      <p>
        <button type="button" onClick={addItem} disabled={atLimit} aria-describedby={atLimit ? "item-limit" : undefined}>
          {t("reports.addItem")}
        </button>
      </p>
      {atLimit ? <p className="hint" id="item-limit" role="status">{t("reports.itemLimit", { max: MAX_ITEMS })}</p> : null}
      <div className="field">
        <label htmlFor="report-note">{t("reports.note")}</label>
        <textarea id="report-note" rows={2} value={state.note} onChange={(e) => setNote(e.target.value)} />
        <GuardWarning text={state.note} />
        <ErrorList errors={errorsAt("payload.note") ?? undefined} />
      </div>
      <ConfirmNoPersonalData
        flagged={anyPersonal}
        checked={state.confirmNoPersonalData}
        onChange={(checked) => update((s) => ({ ...s, confirmNoPersonalData: checked }))}
      />
      <p>
        <button type="submit" className="primary" disabled={navigation.state !== "idle"}>{props.submitLabel}</button>
      </p>
    </Form>
  );
}

/** The schema's issues for a draft, keyed like a form reply ("payload.items[0].title"). */
function issuesOf(payload: unknown): Record<string, string[]> {
  const result = reportContentSchema.safeParse(payload);
  const found: Record<string, string[]> = {};
  if (result.success) return found;
  for (const issue of result.error.issues) {
    const path = issue.path.reduce<string>(
      (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`),
      "payload",
    );
    (found[path] ??= []).push(issue.message);
  }
  return found;
}

/** Forget the draft once the server has stored the report. */
export function clearDraft(key: string) {
  if (typeof window !== "undefined") window.localStorage.removeItem(key);
}

export const draftKeyFor = (periodId: number, username: string, reportId?: number) =>
  `report-draft:${username}:${periodId}${reportId ? `:${reportId}` : ""}`;
