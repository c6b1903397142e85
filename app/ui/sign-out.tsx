import { Form } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { clearDraftsOf, unsentDraftCount } from "~/drafts/device-drafts";

/**
 * Sign-out that takes this account's drafts off the device: asked first when unsent ones exist
 * (the next person to sign in on a shared phone must not read them, nor send them).
 */
export function SignOut({ username }: { username: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [count, setCount] = useState(0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const unsent = unsentDraftCount(username);
    if (unsent > 0 && !dialog.current?.open) {
      event.preventDefault();
      setCount(unsent);
      dialog.current?.showModal();
      return;
    }
    clearDraftsOf(username);
  }

  return (
    <>
      <Form method="post" action="/logout" ref={form} onSubmit={onSubmit}>
        <button type="submit" className="link-button">
          {t("nav.signOut")}
        </button>
      </Form>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="sign-out-title">
        <h2 id="sign-out-title">{t("nav.signOutDraftsTitle")}</h2>
        <p>{t("nav.signOutDrafts", { count })}</p>
        <p className="actions">
          <button type="button" className="danger" onClick={() => { clearDraftsOf(username); form.current?.requestSubmit(); }}>
            {t("nav.signOutAndDiscard")}
          </button>
          <button type="button" className="primary" autoFocus onClick={() => dialog.current?.close()}>
            {t("nav.stay")}
          </button>
        </p>
      </dialog>
    </>
  );
}
