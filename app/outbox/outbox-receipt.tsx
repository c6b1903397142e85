/**
 * What became of the questionnaire or report the form just handed to the outbox: waiting (and
 * why), being sent, stored (with a link to it), or refused (with the way to the outbox page).
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OutboxKind } from "./machine";
import { useOutbox } from "./outbox-context";
import { TitledSection } from "~/ui/titled-section";

const RECORD = { survey: (id: number) => `/surveys/responses/${id}`, report: (id: number) => `/reports/${id}` };

export function OutboxReceipt({ id, kind }: { id: string; kind: OutboxKind }) {
  const { t } = useTranslation();
  const { items, waiting } = useOutbox();
  const item = items?.find((i) => i.id === id);
  if (!item) return null;
  const toOutbox = <Link to="/outbox">{t("outbox.openWithCount", { count: waiting })}</Link>;
  if (item.state === "sent") {
    return (
      <TitledSection id="receipt-title" title={t(`outbox.receipt.${kind}.sent`)} className="panel outbox-receipt">
        <p role="status">{t(`outbox.receipt.${kind}.sentBody`)}</p>
        {item.receiptId ? <p><Link to={RECORD[kind](item.receiptId)}>{t(`outbox.receipt.${kind}.view`)}</Link></p> : null}
      </TitledSection>
    );
  }
  if (item.state === "refused" || item.state === "conflict") {
    return (
      <section className="panel outbox-receipt refused" role="alert">
        <p>{t(`outbox.receipt.${kind}.refused`)}: {t(item.lastError?.message ?? "outbox.refusedUnknown")}</p>
        <p>{toOutbox}</p>
      </section>
    );
  }
  return (
    <section className="panel outbox-receipt" role="status">
      <p>{item.state === "sending" ? t("outbox.sending") : t(`outbox.receipt.${kind}.queued`)}</p>
      <p>{toOutbox}</p>
    </section>
  );
}
