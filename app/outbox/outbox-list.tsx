/**
 * The outbox page's list: every item on the device with its state, when it was filled, and for a
 * refused one the server's reason and what to do: fix it (back to its form), save it as new (a
 * conflict), or discard it after confirming.
 */
import { Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog, useConfirmation } from "~/ui/confirm-dialog";
import { formatDateTime } from "~/utils/dates";
import type { OutboxItem } from "./machine";
import { useOutbox } from "./outbox-context";

/** What the collaborator can do about a refusal, by its reason. */
function adviceFor(item: OutboxItem): string {
  if (item.state === "conflict") return "outbox.advice.conflict";
  const message = item.lastError?.message ?? "";
  if (/closed|Closed/.test(message)) return "outbox.advice.closed";
  if (message === "drafts.otherAccount") return "outbox.advice.otherAccount";
  if (message === "reports.errors.alreadyFiled") return "outbox.advice.alreadyFiled";
  if (message === "reports.errors.notReturned") return "outbox.advice.notReturned";
  return "outbox.advice.fix";
}

export function OutboxList() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const confirmation = useConfirmation();
  const [discarding, setDiscarding] = useState<OutboxItem | null>(null);
  if (!outbox.items) return <p role="status">{t("outbox.loading")}</p>;
  if (!outbox.items.length) return <p>{t("outbox.empty")}</p>;
  return (
    <>
      <ul className="outbox-list">
        {outbox.items.map((item) => (
          <li key={item.id} className={`panel outbox-item state-${item.state}`} aria-labelledby={`item-${item.id}`}>
            <p className="outbox-item-head">
              <strong id={`item-${item.id}`}>{item.title || t(`outbox.kind.${item.kind}`)}</strong>{" "}
              <span className={`badge outbox-state-${item.state}`}>{t(`outbox.state.${item.state}`)}</span>
            </p>
            <p className="muted">
              {t(`outbox.kind.${item.kind}`)} · {t("outbox.filledAt", { at: formatDateTime(new Date(item.createdAt)) })}
              {item.sentAt ? <> · {t("outbox.sentAt", { at: formatDateTime(new Date(item.sentAt)) })}</> : null}
            </p>
            {item.state === "pending" && item.lastError ? <p className="hint">{t(item.lastError.message)}</p> : null}
            {item.state === "refused" || item.state === "conflict" ? (
              <div className="outbox-refusal">
                <p role="note"><strong>{t("outbox.reason")}:</strong> {t(item.lastError?.message ?? "outbox.refusedUnknown")}</p>
                <p>{t(adviceFor(item))}</p>
                <p className="button-row">
                  {item.state === "conflict" ? (
                    <button type="button" className="primary" onClick={() => void outbox.saveAsNew(item.id)}>{t("outbox.saveAsNew")}</button>
                  ) : null}
                  {adviceFor(item) === "outbox.advice.fix" || item.state === "conflict" ? (
                    <Link className={item.state === "refused" ? "button primary" : "button"} to={item.href}>{t("outbox.fix")}</Link>
                  ) : null}
                  <button type="button" className="danger" onClick={() => { setDiscarding(item); confirmation.dialog.current?.showModal(); }}>
                    {t("outbox.discard")}
                  </button>
                </p>
              </div>
            ) : null}
            {item.state === "sent" && item.receiptId ? (
              <p><Link to={item.kind === "survey" ? `/surveys/responses/${item.receiptId}` : `/reports/${item.receiptId}`}>{t("outbox.viewSent")}</Link></p>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        confirmation={{ ...confirmation, confirm: () => { confirmation.cancel(); if (discarding) void outbox.discard(discarding.id); } }}
        id="discard"
        title={t("outbox.discardTitle")}
        confirmLabel={t("outbox.discardConfirm")}
        cancelLabel={t("outbox.keep")}
        danger
      >
        <p>{t("outbox.discardBody", { title: discarding?.title || (discarding ? t(`outbox.kind.${discarding.kind}`) : "") })}</p>
      </ConfirmDialog>
    </>
  );
}
