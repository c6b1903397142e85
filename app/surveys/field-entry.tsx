// The collaborator's questionnaire: a draft kept on the device as they type (localStorage), offline
// state shown, and submission by a client UUID that is retried when the connection returns.
// While a submission is unanswered the draft is frozen (form disabled): what is resent is exactly
// what may already be stored, so a lost reply never turns into a 409 for the same UUID.
import { Link } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { draftKey, DRAFT_OWNER_HEADER } from "~/drafts/device-drafts";
import { PERSONAL_DATA_REFUSED, refusedPaths } from "~/forms/personal-data-rule";
import { ErrorList } from "~/ui/form-fields";
import { ConfirmNoPersonalData, useFlagged } from "~/ui/personal-data-warning";
import { answersSchema, pruneAnswers, submissionSchema, textAnswers, type Answers, type SurveyDefinition } from "./definition";
import { SurveyFormView, type BandValues } from "./survey-form";

// `version` and `revision` are the ones the draft is (to be) sent with: the content hash includes the
// version, so a resend must not pick up a newer one from the page. (Drafts saved before: no version.)
// `confirmNoPersonalData`: the collaborator confirmed flagged free-text answers (sent with the draft).
type Draft = { uuid: string; version?: number; revision: number; bands: BandValues; answers: Answers; pending: boolean; confirmNoPersonalData?: boolean };
type Phase = "editing" | "sending" | "waiting" | "sent";

export function newUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function readDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

type Props = {
  /** The signed-in account: drafts on this device are kept, and sent, as theirs only. */
  username: string;
  surveyId: number;
  version: number;
  definition: SurveyDefinition;
  /** Fixing a returned questionnaire: its id, UUID, next revision, content and comments. */
  returned?: { responseId: number; uuid: string; revision: number; answers: Answers; bands: BandValues; comments: Record<string, string> };
};

export function FieldEntry({ username, surveyId, version, definition, returned }: Props) {
  const { t } = useTranslation();
  const isFlagged = useFlagged();
  const key = draftKey(username, `survey:${surveyId}:${returned ? `r${returned.responseId}` : "new"}`);
  const fresh = (): Draft =>
    returned
      ? { uuid: returned.uuid, version, revision: returned.revision, bands: returned.bands, answers: returned.answers, pending: false }
      : { uuid: newUuid(), version, revision: 1, bands: {}, answers: {}, pending: false };
  const [draft, setDraft] = useState<Draft>(fresh);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [online, setOnline] = useState(true);
  const [phase, setPhase] = useState<Phase>("editing");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [sentId, setSentId] = useState<number | null>(null);
  const sending = useRef(false);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const attempts = useRef(0);
  const live = useRef(draft);
  live.current = draft;

  // Restore the device's draft after hydration; then every change is written back at once.
  useEffect(() => {
    let saved = readDraft(key);
    if (saved && (Object.keys(saved.answers).length > 0 || Object.keys(saved.bands).length > 0)) {
      // A pending draft (sent, reply unknown) is resent as it was, with ITS version even if the
      // designer has published a newer one since: the API accepts every published version (frozen
      // SurveyVersion rows, loadVersion in storage.server.ts), so a request that had committed
      // answers 200 with the stored record, and one that had not is stored under the version it was
      // filled in. A draft not sent (or refused: a refusal stores nothing, its UUID is free) moves to
      // the page's version. A returned questionnaire whose revision moved on was received meanwhile
      // (and returned again): its answers stay, to be sent as the page's revision.
      if (returned ? saved.revision !== returned.revision : !saved.pending) saved = { ...saved, version, revision: returned?.revision ?? 1, pending: false };
      setDraft(saved);
      setRestored(true);
    }
    setOnline(navigator.onLine);
    setLoaded(true);
  }, [key]);
  useEffect(() => {
    if (loaded) window.localStorage.setItem(key, JSON.stringify(draft));
  }, [key, draft, loaded]);

  const send = useCallback(
    async (d: Draft) => {
      if (sending.current) return;
      sending.current = true;
      setPhase("sending");
      setMessage(null);
      try {
        const res = await fetch("/api/surveys/responses", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json", [DRAFT_OWNER_HEADER]: username },
          // submit() froze the pruned answers with their version (an older draft: as it used to be sent).
          body: JSON.stringify({ uuid: d.uuid, surveyId, version: d.version ?? version, revision: d.revision, bands: d.bands, answers: d.version ? d.answers : pruneAnswers(definition, d.answers), confirmNoPersonalData: d.confirmNoPersonalData === true }),
        });
        // 5xx: a proxy in front of a server that is down, or a crash; no receipt either way.
        if (res.status >= 500) throw res;
        attempts.current = 0;
        const body = (await res.json().catch(() => ({}))) as { message?: string; errors?: Record<string, string[]>; responseId?: number };
        // Acknowledged only by the API's own receipt (a proxy or sign-in page is not one).
        if ((res.status === 200 || res.status === 201) && typeof body.responseId === "number") {
          window.localStorage.removeItem(key);
          setSentId(body.responseId ?? null);
          setPhase("sent");
          return;
        }
        // Refused: nothing stored; the draft stays for correction.
        setDraft((x) => ({ ...x, pending: false }));
        setErrors(body.errors ?? {});
        setMessage(body.message ?? "surveys.api.failed");
        setPhase("editing");
      } catch {
        // No answer (offline, server down, reply lost): the draft stays pending and frozen, resent
        // after 2 s, 4 s, 8 s … at most 60 s (×0.75–1.25 so phones do not retry in step), or at
        // once when the browser comes back online.
        setRetryAt(Date.now() + Math.min(60_000, 2000 * 2 ** attempts.current++ * (0.75 + Math.random() / 2)));
        setPhase("waiting");
      } finally {
        sending.current = false;
      }
    },
    [definition, key, surveyId, version, username],
  );

  useEffect(() => {
    const up = () => {
      attempts.current = 0;
      setRetryAt(null);
      setOnline(true);
    };
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  useEffect(() => {
    if (!loaded || !online || !draft.pending || phase === "sending" || phase === "sent") return;
    const timer = setTimeout(() => void send(draft), phase === "waiting" && retryAt ? retryAt - Date.now() : 0);
    return () => clearTimeout(timer);
  }, [loaded, online, draft, phase, send, retryAt]);
  useEffect(() => {
    if (!loaded) return;
    // Another tab on this device edits the same draft: follow it, so two tabs never hold two
    // contents under one UUID (a pending draft here ignores an unsent copy of itself). Removed
    // there after its receipt: this draft was sent, and its UUID is not used here again.
    const follow = (e: StorageEvent) => {
      if (e.key !== key) return;
      const other = e.newValue ? (JSON.parse(e.newValue) as Draft) : null;
      const mine = live.current;
      if (!other) {
        if (!sending.current && e.oldValue?.includes(mine.uuid)) {
          setSentId(returned?.responseId ?? null);
          setPhase("sent");
        }
      } else if (!mine.pending || other.pending || other.uuid !== mine.uuid) setDraft(other);
    };
    window.addEventListener("storage", follow);
    return () => window.removeEventListener("storage", follow);
  }, [key, loaded]);

  const validate = (d: Draft) => {
    const found: Record<string, string[]> = {};
    const env = submissionSchema.shape.bands.safeParse(d.bands);
    if (!env.success) for (const i of env.error.issues) (found[String(i.path[0])] ??= []).push("errors.required");
    const answers = pruneAnswers(definition, d.answers);
    const parsed = answersSchema(definition).safeParse(answers);
    if (!parsed.success) for (const i of parsed.error.issues) (found[String(i.path[0] ?? "_")] ??= []).push(i.message);
    // The server's rule: flagged free text only with the confirmation (app/forms/personal-data.ts).
    for (const [code] of refusedPaths(d.confirmNoPersonalData === true, textAnswers(definition, answers), isFlagged)) {
      (found[String(code)] ??= []).push(PERSONAL_DATA_REFUSED);
    }
    return found;
  };

  const submit = (d = draft) => {
    const found = validate(d);
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage("surveys.fill.fixErrors");
      return;
    }
    // Frozen until answered: the answers as sent, with the version on screen.
    setDraft({ ...d, version, answers: pruneAnswers(definition, d.answers), pending: true });
    if (!navigator.onLine) setPhase("waiting");
  };

  // The next questionnaire starts empty, bands too (the next respondent is someone else: carried-over
  // bands would give wrong demographics), or continues one another tab has begun since.
  const restart = (d: Draft) => {
    setDraft(d);
    setErrors({});
    setMessage(null);
    setRestored(false);
    setPhase("editing");
  };

  if (phase === "sent") {
    return (
      <section className="panel" aria-labelledby="sent-title">
        <h2 id="sent-title">{t("surveys.fill.sent")}</h2>
        <p role="status">{t("surveys.fill.sentBody")}</p>
        {sentId ? <p><Link to={`/surveys/responses/${sentId}`}>{t("surveys.fill.viewSent")}</Link></p> : null}
        {!returned ? <button type="button" className="primary" onClick={() => restart(readDraft(key) ?? fresh())}>{t("surveys.fill.another")}</button> : null}
        <p><Link to="/surveys">{t("surveys.fill.backToList")}</Link></p>
      </section>
    );
  }

  return (
    <form
      aria-label={t("surveys.fill.formLabel")}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {!online && !draft.pending ? <p className="notice offline" role="status">{t("surveys.fill.offline")}</p> : null}
      {restored ? <p className="notice" role="status">{t("surveys.fill.restored")}</p> : null}
      <p className="hint">{t("surveys.fill.autosave")}</p>
      <fieldset className="fill-lock" disabled={draft.pending}>
        <SurveyFormView
          definition={definition}
          answers={draft.answers}
          bands={draft.bands}
          errors={errors}
          comments={returned?.comments}
          onAnswer={(code, value) =>
            setDraft((d) => {
              const answers = { ...d.answers };
              if (value === undefined) delete answers[code];
              else answers[code] = value;
              return { ...d, answers };
            })
          }
          onBand={(band, value) => setDraft((d) => ({ ...d, bands: { ...d.bands, [band]: value || undefined } }))}
        />
        <ConfirmNoPersonalData
          flagged={textAnswers(definition, pruneAnswers(definition, draft.answers)).some(([, text]) => isFlagged(text))}
          checked={draft.confirmNoPersonalData === true}
          onChange={(checked) => setDraft((d) => ({ ...d, confirmNoPersonalData: checked }))}
        />
      </fieldset>
      {message ? (
        <div role="alert" className="form-message">
          <ErrorList errors={[message]} />
          <ErrorList errors={errors._} />
        </div>
      ) : null}
      {message === "surveys.api.uuidConflict" && !draft.pending ? (
        // The UUID holds other content: keep these answers as a new questionnaire, or drop them.
        <div className="button-row">
          {returned ? null : (
            <button type="button" className="primary" onClick={() => submit({ ...draft, uuid: newUuid(), revision: 1 })}>
              {t("surveys.fill.saveAsNew")}
            </button>
          )}
          <button type="button" onClick={() => restart(fresh())}>{t("surveys.fill.discard")}</button>
        </div>
      ) : null}
      {draft.pending ? (
        <p className="notice" role="status">
          {phase !== "waiting"
            ? t("surveys.fill.sending")
            : online && retryAt
              ? t("surveys.fill.retryAt", { time: new Date(retryAt).toLocaleTimeString() })
              : t("surveys.fill.waiting")}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={phase !== "editing" || draft.pending}>
        {phase === "sending" ? t("surveys.fill.sending") : returned ? t("surveys.fill.resubmit") : t("surveys.fill.submit")}
      </button>
    </form>
  );
}
