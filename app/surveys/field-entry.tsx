// The collaborator's questionnaire: a draft kept on the device as they type (localStorage), offline
// state shown, and submission by a client UUID that is retried when the connection returns.
import { Link } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/ui/form-fields";
import { answersSchema, pruneAnswers, submissionSchema, type Answers, type SurveyDefinition } from "./definition";
import { SurveyFormView, type BandValues } from "./survey-form";

type Draft = { uuid: string; revision: number; bands: BandValues; answers: Answers; pending: boolean };
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
  surveyId: number;
  version: number;
  definition: SurveyDefinition;
  /** Fixing a returned questionnaire: its id, UUID, next revision, content and comments. */
  returned?: { responseId: number; uuid: string; revision: number; answers: Answers; bands: BandValues; comments: Record<string, string> };
};

export function FieldEntry({ surveyId, version, definition, returned }: Props) {
  const { t } = useTranslation();
  const key = `duluan:survey-draft:${surveyId}:${returned ? `r${returned.responseId}` : "new"}`;
  const fresh = (): Draft =>
    returned
      ? { uuid: returned.uuid, revision: returned.revision, bands: returned.bands, answers: returned.answers, pending: false }
      : { uuid: "", revision: 1, bands: {}, answers: {}, pending: false };
  const [draft, setDraft] = useState<Draft>(fresh);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [online, setOnline] = useState(true);
  const [phase, setPhase] = useState<Phase>("editing");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [sentId, setSentId] = useState<number | null>(null);
  const sending = useRef(false);

  // Restore the device's draft after hydration; then every change is written back at once.
  useEffect(() => {
    const saved = readDraft(key);
    if (saved && (Object.keys(saved.answers).length > 0 || Object.keys(saved.bands).length > 0)) {
      setDraft(saved);
      setRestored(true);
    } else setDraft((d) => ({ ...d, uuid: d.uuid || newUuid() }));
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
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ uuid: d.uuid, surveyId, version, revision: d.revision, bands: d.bands, answers: pruneAnswers(definition, d.answers) }),
        });
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
        // No connection: keep the draft pending and send it when the browser is back online.
        setPhase("waiting");
      } finally {
        sending.current = false;
      }
    },
    [definition, key, surveyId, version],
  );

  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  useEffect(() => {
    if (loaded && online && draft.pending && phase !== "sending" && phase !== "sent") void send(draft);
  }, [loaded, online, draft, phase, send]);

  const validate = (d: Draft) => {
    const found: Record<string, string[]> = {};
    const env = submissionSchema.shape.bands.safeParse(d.bands);
    if (!env.success) for (const i of env.error.issues) (found[String(i.path[0])] ??= []).push("errors.required");
    const parsed = answersSchema(definition).safeParse(pruneAnswers(definition, d.answers));
    if (!parsed.success) for (const i of parsed.error.issues) (found[String(i.path[0] ?? "_")] ??= []).push(i.message);
    return found;
  };

  const submit = () => {
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage("surveys.fill.fixErrors");
      return;
    }
    const next = { ...draft, pending: true };
    setDraft(next);
    if (!navigator.onLine) setPhase("waiting");
  };

  const startNew = () => {
    window.localStorage.removeItem(key);
    setDraft({ uuid: newUuid(), revision: 1, bands: draft.bands, answers: {}, pending: false });
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
        {!returned ? <button type="button" className="primary" onClick={startNew}>{t("surveys.fill.another")}</button> : null}
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
      {!online ? <p className="notice offline" role="status">{t("surveys.fill.offline")}</p> : null}
      {restored ? <p className="notice" role="status">{t("surveys.fill.restored")}</p> : null}
      <p className="hint">{t("surveys.fill.autosave")}</p>
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
      {message ? (
        <div role="alert" className="form-message">
          <ErrorList errors={[message]} />
          <ErrorList errors={errors._} />
        </div>
      ) : null}
      {phase === "waiting" ? <p className="notice" role="status">{t("surveys.fill.waiting")}</p> : null}
      <button type="submit" className="primary" disabled={phase !== "editing" || draft.pending}>
        {phase === "sending" ? t("surveys.fill.sending") : returned ? t("surveys.fill.resubmit") : t("surveys.fill.submit")}
      </button>
    </form>
  );
}
