import { useRef, type ReactNode, type RefObject } from "react";

/**
 * "Are you sure?" before a form goes out: the submit handler asks (`needsConfirmation()` opens the
 * dialog and says to stop), the dialog's confirm button submits the same form again, and that
 * second submit passes. A native <dialog>: modal, focus kept inside, Escape cancels.
 */
export function useConfirmation() {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  return {
    dialog,
    form,
    /** In onSubmit: true (and the dialog opens) unless this submit is the confirmed one. */
    needsConfirmation() {
      if (confirmed.current) {
        confirmed.current = false;
        return false;
      }
      dialog.current?.showModal();
      return true;
    },
    confirm() {
      confirmed.current = true;
      dialog.current?.close();
      form.current?.requestSubmit();
    },
    cancel() {
      dialog.current?.close();
    },
  };
}

type Props = {
  confirmation: ReturnType<typeof useConfirmation>;
  id: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  /** Runs before the form is submitted again. */
  onConfirm?: () => void;
};

export function ConfirmDialog({ confirmation, id, title, children, confirmLabel, cancelLabel, danger, onConfirm }: Props) {
  return (
    <dialog ref={confirmation.dialog as RefObject<HTMLDialogElement>} className="confirm-dialog" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <p className="actions">
        <button type="button" className={danger ? "danger" : "primary"} onClick={() => { onConfirm?.(); confirmation.confirm(); }}>
          {confirmLabel}
        </button>
        <button type="button" autoFocus onClick={confirmation.cancel}>
          {cancelLabel}
        </button>
      </p>
    </dialog>
  );
}
