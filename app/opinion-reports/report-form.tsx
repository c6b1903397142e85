/**
 * The collaborator's report form: phone-first, up to MAX_ITEMS items, a device draft kept as they
 * type (IndexedDB), the personal-data guard warning live, and one client UUID per report. A new
 * report, or the fix of a returned one, goes to the device's outbox, which sends it when it can
 * (decision 0034); a new fast report's form starts again at once. Without the `outbox` prop the
 * form posts to its page's action.
 */
import { Form, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { draftKey, DRAFT_OWNER_FIELD } from "~/drafts/device-drafts";
import { errorsByPath } from "~/forms/issue-paths";
import { useOutbox } from "~/outbox/outbox-context";
import { OutboxReceipt } from "~/outbox/outbox-receipt";
import { deleteDraft, getOutboxItem } from "~/outbox/store";
import { useDeviceDraft } from "~/outbox/use-device-draft";
import { newUuid } from "~/outbox/uuid";
import { ErrorList } from "~/ui/form-fields";
import { ConfirmNoPersonalData, PersonalDataWarning, useFlagged } from "~/ui/personal-data-warning";
import { ReportItemFields, type ItemDraft, type ItemErrors, type Option } from "./report-item-fields";
import type { reportContentSchema } from "./report-schemas";
import { GUARDED_ITEM_FIELDS, MAX_ITEMS } from "./report-vocab";

type ContentSchema = typeof reportContentSchema;
// The schema brings Zod: loaded after the page, not with it (150 KB budget).
const loadSchema = () => import("./report-schemas").then((m) => m.reportContentSchema);

export type { ItemDraft } from "./report-item-fields";
export type ReportDraftState = { clientUuid: string; urgent: boolean; note: string; confirmNoPersonalData: boolean; items: ItemDraft[] };

type Props = {
  draftKey: string;
  /** The signed-in account: the server refuses a draft sent under another one. */
  username: string;
  topics: Option[];
  groups: Option[];
  areas: Option[];
  initial?: Partial<Omit<ReportDraftState, "clientUuid">>;
  /** Field errors from the server (Conform reply: "payload.items[0].title" → keys). */
  serverErrors?: Record<string, string[] | null>;
  serverMessage?: string;
  submitLabel: string;
  intent?: string;
  /**
   * Handed to the outbox for this period: a new report (a fast one's form starts again), or with
   * `reportId` the fix of that returned report.
   */
  outbox?: { periodId: number; kind: "monthly" | "fast"; title: string; href: string; reportId?: number };
};

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

const ITEM_PATH = /^payload\.items\[(\d+)\]\.(\w+)$/;

/** Splits form-level error paths into one small record per item, so each item re-renders only when its own errors change. */
function errorsByItem(errors: Record<string, string[] | null | undefined>, count: number): ItemErrors[] {
  const byItem: ItemErrors[] = Array.from({ length: count }, () => ({}));
  for (const [path, messages] of Object.entries(errors)) {
    const match = ITEM_PATH.exec(path);
    if (match && messages?.length) {
      const record = byItem[Number(match[1])];
      if (record) record[match[2]!] = messages;
    }
  }
  return byItem;
}

export function ReportForm(props: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitForm = useSubmit();
  const outbox = useOutbox();
  const [schema, setSchema] = useState<ContentSchema | null>(null);
  const isFlagged = useFlagged();
  // ?fix=UUID: a report the server refused, back from the outbox to be corrected.
  const fixId = useSearchParams()[0].get("fix");
  const draft = useDeviceDraft<ReportDraftState>(props.draftKey + (fixId ? `:fix:${fixId}` : ""), props.username, () => freshState(props));
  const { value: state, update: setDraft, restored } = draft;
  const [handedOver, setHandedOver] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message?: string; errors?: Record<string, string[]> }>({});
  // Items folded to one line (indexes): earlier items fold when one is added, so a long report
  // stays short on a phone.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  // Once a submit was refused, errors are recomputed as the user types, so a fixed field clears.
  // Items added after that submit are not judged until the next one: a blank item the
  // collaborator has just added is not an error yet (and an item with errors is held open).
  const [validatedItems, setValidatedItems] = useState<number | null>(null);
  // Paths edited since the server's last reply: its errors there no longer apply ("all" when an
  // item was removed and the indexes moved).
  const [edited, setEdited] = useState<Set<string> | "all">(() => new Set());
  useEffect(() => setEdited(new Set()), [props.serverErrors, refusal]);
  useEffect(() => void loadSchema().then(setSchema), []);
  // A refused report to fix: its content and the server's reasons, unless a draft of it is kept already.
  useEffect(() => {
    if (!fixId || !draft.loaded || restored) return;
    void getOutboxItem(fixId).then((item) => {
      if (!item || item.kind !== "report") return;
      const content = item.payload.payload as Omit<ReportDraftState, "clientUuid">;
      // A conflict's UUID holds other content on the server: the fixed one goes under a new one.
      setDraft({ ...content, clientUuid: item.state === "conflict" ? newUuid() : item.id });
      setRefusal({ message: item.lastError?.message, errors: item.lastError?.errors });
    });
  }, [fixId, draft.loaded]);

  const update = setDraft;
  const markEdited = useCallback(
    (...paths: string[]) => setEdited((e) => (e === "all" ? e : new Set([...e, ...paths]))),
    [],
  );
  const setItem = useCallback(
    (index: number, patch: Partial<ItemDraft>) => {
      markEdited(...Object.keys(patch).map((field) => `payload.items[${index}].${field}`));
      update((s) => ({ ...s, items: s.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
    },
    [markEdited, update],
  );
  const removeItem = useCallback(
    (index: number) => {
      setEdited("all");
      setCollapsed((c) => new Set([...c].filter((k) => k !== index).map((k) => (k > index ? k - 1 : k))));
      update((s) => ({ ...s, items: s.items.filter((_, k) => k !== index) }));
    },
    [update],
  );
  const toggleItem = useCallback(
    (index: number) => setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(index)) next.add(index);
      return next;
    }),
    [],
  );
  const setNote = (note: string) => {
    markEdited("payload.note");
    update((s) => ({ ...s, note }));
  };
  const addItem = () => {
    markEdited("payload", "payload.items");
    setCollapsed(new Set(state.items.map((_, i) => i)));
    update((s) => (s.items.length >= MAX_ITEMS ? s : { ...s, items: [...s.items, blankItem(props.areas)] }));
  };

  const payload = useMemo(
    () => ({ urgent: state.urgent, note: state.note, confirmNoPersonalData: state.confirmNoPersonalData, items: state.items }),
    [state],
  );
  const clientErrors = useMemo(
    () => (validatedItems === null || !schema ? {} : withoutItemsFrom(issuesOf(schema, payload), validatedItems)),
    [validatedItems, payload, schema],
  );
  const errors = useMemo(() => {
    const fromServer = Object.entries({ ...props.serverErrors, ...refusal.errors }).filter(([path]) => edited !== "all" && !edited.has(path));
    return { ...Object.fromEntries(fromServer), ...clientErrors } as Record<string, string[] | null | undefined>;
  }, [props.serverErrors, refusal, edited, clientErrors]);
  const itemErrors = useMemo(() => errorsByItem(errors, state.items.length), [errors, state.items.length]);
  const errorsAt = (path: string) => errors[path] ?? undefined;
  const anyPersonal = isFlagged(state.note) || state.items.some((item) => GUARDED_ITEM_FIELDS.some((f) => isFlagged(item[f])));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const loaded = schema ?? (await loadSchema());
    setSchema(loaded);
    setValidatedItems(state.items.length);
    if (Object.keys(issuesOf(loaded, payload)).length) return;
    if (!props.outbox) return submitForm(form);
    const { periodId, kind, title, href, reportId } = props.outbox;
    const id = state.clientUuid;
    await outbox.queue({ id, kind: "report", title, href: `${href}${href.includes("?") ? "&" : "?"}fix=${id}`, payload: { clientUuid: id, periodId, kind, ...(reportId ? { reportId } : {}), payload } });
    if (fixId && fixId !== id) await outbox.discard(fixId);
    setHandedOver(id);
    setValidatedItems(null);
    setCollapsed(new Set());
    setRefusal({});
    await draft.finish(freshState(props));
  }

  const hasErrors = Object.values(errors).some((e) => e && e.length);
  const atLimit = state.items.length >= MAX_ITEMS;

  const receipt = handedOver ? <OutboxReceipt id={handedOver} kind="report" /> : null;
  // A monthly report is one per period, a returned report is fixed once, and a fix replaces its
  // item: nothing to start again.
  if (handedOver && (props.outbox?.kind === "monthly" || props.outbox?.reportId || fixId)) return receipt;

  return (
    <>
    {receipt}
    <Form method="post" onSubmit={(e) => void onSubmit(e)} className="report-form" aria-label={props.submitLabel} noValidate>
      <p className="hint">{t("reports.draftKept")}</p>
      {restored ? <p className="notice" role="status">{t("reports.draftRestored")}</p> : null}
      {props.serverMessage ?? refusal.message ? <p className="notice error-notice" role="alert">{t((props.serverMessage ?? refusal.message)!)}</p> : null}
      {hasErrors ? <p className="notice error-notice" role="alert">{t("reports.errors.fixBelow")}</p> : null}
      <ErrorList errors={errorsAt("payload") ?? undefined} />
      <input type="hidden" name="clientUuid" value={state.clientUuid} />
      <input type="hidden" name={DRAFT_OWNER_FIELD} value={props.username} />
      <input type="hidden" name="payload" value={JSON.stringify(payload)} />
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      <label className="checkbox urgent-toggle">
        <input type="checkbox" checked={state.urgent} onChange={(e) => update((s) => ({ ...s, urgent: e.target.checked }))} />
        {t("reports.urgentReport")}
      </label>
      <h2>{t("reports.items")}</h2>
      {state.items.map((item, i) => (
        <ReportItemFields
          key={i}
          index={i}
          item={item}
          errors={itemErrors[i] ?? {}}
          topics={props.topics}
          groups={props.groups}
          areas={props.areas}
          removable={state.items.length > 1}
          collapsed={collapsed.has(i)}
          onChange={setItem}
          onRemove={removeItem}
          onToggle={toggleItem}
        />
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
        <PersonalDataWarning text={state.note} />
        <ErrorList errors={errorsAt("payload.note") ?? undefined} />
      </div>
      <ConfirmNoPersonalData
        flagged={anyPersonal}
        checked={state.confirmNoPersonalData}
        onChange={(checked) => update((s) => ({ ...s, confirmNoPersonalData: checked }))}
      />
      <p>
        <button type="submit" className="primary" disabled={navigation.state !== "idle" || !draft.loaded}>{props.submitLabel}</button>
      </p>
    </Form>
    </>
  );
}

/** The schema's issues for a draft, keyed like a form reply ("payload.items[0].title"). */
function issuesOf(schema: ContentSchema, payload: unknown): Record<string, string[]> {
  const result = schema.safeParse(payload);
  return result.success ? {} : errorsByPath(result.error.issues, ["payload"]);
}

/** Drops the errors of items at `count` and after (added since the last submit). */
function withoutItemsFrom(errors: Record<string, string[]>, count: number): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => {
      const match = ITEM_PATH.exec(path);
      return !match || Number(match[1]) < count;
    }),
  );
}

/** Forget the draft once the server has stored the report. */
export function clearDraft(key: string, owner: string) {
  void deleteDraft(key, owner).catch(() => {});
}

export const draftKeyFor = (periodId: number, username: string, reportId?: number) =>
  draftKey(username, `report:${periodId}${reportId ? `:${reportId}` : ""}`);
