import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { clearDraftsOf, unsentDraftCount } from "~/drafts/device-drafts";
import { ConfirmDialog, useConfirmation } from "./confirm-dialog";

/**
 * Sign-out that takes this account's drafts off the device: asked first when unsent ones exist
 * (the next person to sign in on a shared phone must not read them, nor send them).
 */
export function SignOut({ username }: { username: string }) {
  const { t } = useTranslation();
  const confirmation = useConfirmation();
  const [count, setCount] = useState(0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const unsent = unsentDraftCount(username);
    if (unsent > 0 && confirmation.needsConfirmation()) {
      event.preventDefault();
      setCount(unsent);
      return;
    }
    clearDraftsOf(username);
  }

  return (
    <>
      <Form method="post" action="/logout" ref={confirmation.form} onSubmit={onSubmit}>
        <button type="submit" className="link-button">
          {t("nav.signOut")}
        </button>
      </Form>
      <ConfirmDialog
        confirmation={confirmation}
        id="sign-out"
        title={t("nav.signOutDraftsTitle")}
        confirmLabel={t("nav.signOutAndDiscard")}
        cancelLabel={t("nav.stay")}
        danger
      >
        <p>{t("nav.signOutDrafts", { count })}</p>
      </ConfirmDialog>
    </>
  );
}
