// The collaborator's questionnaire: the answers kept on the device as they are typed (a device
// draft, IndexedDB), and a finished questionnaire handed to the device's outbox, which sends it
// when it can (app/outbox, decision 0034). The form starts empty for the next respondent at once;
// what was handed over shows above it until the server has it.
import { Link, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { draftKey } from "~/drafts/device-drafts";
import { useOutbox } from "~/outbox/outbox-context";
import { OutboxReceipt } from "~/outbox/outbox-receipt";
import { getOutboxItem } from "~/outbox/store";
import { useDeviceDraft } from "~/outbox/use-device-draft";
import { newUuid } from "~/outbox/uuid";
import { ErrorList } from "~/ui/form-fields";
import { ConfirmNoPersonalData, useFlagged } from "~/ui/personal-data-warning";
import type { SurveyDefinition } from "./definition";
import { pruneAnswers, textAnswers, type Answers } from "./questionnaire";
import { SurveyFormView, type BandValues } from "./survey-form";

// `confirmNoPersonalData`: the collaborator confirmed flagged free-text answers (sent with it).
type Draft = { uuid: string; revision: number; bands: BandValues; answers: Answers; confirmNoPersonalData?: boolean };

type Props = {
  /** The signed-in account: drafts on this device are kept, and sent, as theirs only. */
  username: string;
  surveyId: number;
  version: number;
  definition: SurveyDefinition;
  /** Fixing a returned questionnaire: its id, UUID, next revision, content and comments. */
  returned?: { responseId: number; uuid: string; revision: number; answers: Answers; bands: BandValues; comments: Record<string, string> };
};

const loadCheck = () => import("./questionnaire-check");
const isEmpty = (d: Draft) => Object.keys(d.answers).length === 0 && Object.keys(d.bands).length === 0;

export function FieldEntry({ username, surveyId, version, definition, returned }: Props) {
  const { t } = useTranslation();
  const isFlagged = useFlagged();
  const outbox = useOutbox();
  // ?fix=UUID: a questionnaire the server refused, back from the outbox to be corrected.
  const fixId = useSearchParams()[0].get("fix");
  const name = `survey:${surveyId}:${returned ? `r${returned.responseId}` : "new"}${fixId ? `:fix:${fixId}` : ""}`;
  const fresh = (): Draft =>
    returned
      ? { uuid: returned.uuid, revision: returned.revision, bands: returned.bands, answers: returned.answers }
      : { uuid: newUuid(), revision: 1, bands: {}, answers: {} };
  const draft = useDeviceDraft<Draft>(draftKey(username, name), username, fresh, {
    isEmpty,
    // A returned questionnaire whose revision moved on was received meanwhile (and returned
    // again): its answers stay, to be sent as the page's revision.
    adopt: (saved) => (returned && saved.revision !== returned.revision ? { ...saved, revision: returned.revision } : saved),
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [handedOver, setHandedOver] = useState<string | null>(null);

  // A refused item to fix: its content and the server's reasons, unless a draft of it is kept already.
  useEffect(() => {
    if (!fixId || !draft.loaded || draft.restored) return;
    void getOutboxItem(fixId).then((item) => {
      if (!item || item.kind !== "survey") return;
      const p = item.payload as Draft & { confirmNoPersonalData?: boolean };
      // A conflict's UUID holds other content on the server: the fixed one goes under a new one.
      draft.update({ uuid: item.state === "conflict" ? newUuid() : item.id, revision: p.revision, bands: p.bands, answers: p.answers, confirmNoPersonalData: p.confirmNoPersonalData });
      setErrors(item.lastError?.errors ?? {});
      if (item.lastError) setMessage(item.lastError.message);
    });
  }, [fixId, draft.loaded]);

  // The check brings Zod: loaded after the page (ready long before a questionnaire is finished,
  // and precached by the service worker for offline use), not with it.
  useEffect(() => void loadCheck(), []);
  const submit = async (d = draft.value) => {
    const found = (await loadCheck()).checkQuestionnaire(definition, d, isFlagged);
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage("surveys.fill.fixErrors");
      return;
    }
    setMessage(null);
    // Frozen as handed over: the answers as sent, with the version on screen. The API accepts
    // every published version (frozen SurveyVersion rows), so a newer one published while the
    // phone was offline does not refuse it; a question whose code left the survey does, and the
    // item stays in the outbox with the reason, to be fixed.
    const payload = { uuid: d.uuid, surveyId, version, revision: d.revision, bands: d.bands, answers: pruneAnswers(definition, d.answers), confirmNoPersonalData: d.confirmNoPersonalData === true };
    const href = `/surveys/${surveyId}/fill${returned ? `?response=${returned.responseId}&` : "?"}fix=${d.uuid}`;
    await outbox.queue({ id: d.uuid, kind: "survey", title: definition.title, href, payload });
    if (fixId && fixId !== d.uuid) await outbox.discard(fixId);
    setHandedOver(d.uuid);
    // The next questionnaire starts empty, bands too (the next respondent is someone else:
    // carried-over bands would give wrong demographics).
    await draft.finish(fresh());
  };

  const receipt = handedOver ? <OutboxReceipt id={handedOver} kind="survey" /> : null;
  if (handedOver && (returned || fixId)) {
    return (
      <>
        {receipt}
        <p><Link to="/surveys">{t("surveys.fill.backToList")}</Link></p>
      </>
    );
  }

  return (
    <>
      {receipt}
      <form
        aria-label={t("surveys.fill.formLabel")}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {draft.restored ? <p className="notice" role="status">{t("surveys.fill.restored")}</p> : null}
        <p className="hint">{t("surveys.fill.autosave")}</p>
        <SurveyFormView
          definition={definition}
          answers={draft.value.answers}
          bands={draft.value.bands}
          errors={errors}
          comments={returned?.comments}
          onAnswer={(code, value) =>
            draft.update((d) => {
              const answers = { ...d.answers };
              if (value === undefined) delete answers[code];
              else answers[code] = value;
              return { ...d, answers };
            })
          }
          onBand={(band, value) => draft.update((d) => ({ ...d, bands: { ...d.bands, [band]: value || undefined } }))}
        />
        <ConfirmNoPersonalData
          flagged={textAnswers(definition, pruneAnswers(definition, draft.value.answers)).some(([, text]) => isFlagged(text))}
          checked={draft.value.confirmNoPersonalData === true}
          onChange={(checked) => draft.update((d) => ({ ...d, confirmNoPersonalData: checked }))}
        />
        {message ? (
          <div role="alert" className="form-message">
            <ErrorList errors={[message]} />
            <ErrorList errors={errors._} />
          </div>
        ) : null}
        <button type="submit" className="primary" disabled={!draft.loaded}>
          {returned ? t("surveys.fill.resubmit") : t("surveys.fill.submit")}
        </button>
      </form>
    </>
  );
}
