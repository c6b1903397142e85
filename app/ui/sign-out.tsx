import { Form } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { clearDeviceCopy, unsentOnDevice } from "~/outbox/device-copy";
import { ConfirmDialog, useConfirmation } from "./confirm-dialog";

/**
 * Sign-out that takes this account's copy off the device (drafts, outbox, cached pages): asked
 * first when drafts or outbox items are still unsent (the next person to sign in on a shared phone
 * must not read them, nor send them).
 */
export function SignOut({ username }: { username: string }) {
  const { t } = useTranslation();
  const confirmation = useConfirmation();
  const [count, setCount] = useState(0);
  const cleared = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (cleared.current) return;
    // The device's store answers asynchronously: this submit stops, and goes again once cleared.
    event.preventDefault();
    const form = event.currentTarget;
    const unsent = await unsentOnDevice(username);
    if (unsent > 0 && confirmation.needsConfirmation()) {
      setCount(unsent);
      return;
    }
    await clearDeviceCopy(username);
    cleared.current = true;
    form.requestSubmit();
  }

  return (
    <>
      <Form method="post" action="/logout" ref={confirmation.form} onSubmit={(e) => void onSubmit(e)}>
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
