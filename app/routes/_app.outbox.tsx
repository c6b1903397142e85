import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { useOutbox } from "~/outbox/outbox-context";
import { OutboxList } from "~/outbox/outbox-list";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = (args) => pageTitle(args, "outbox");

/** The device's outbox: what waits on this phone, what reached the office, what was refused. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "enterSurveys");
  return null;
}

export default function OutboxPage() {
  const { t } = useTranslation();
  const { waiting, refused, sendNow } = useOutbox();
  return (
    <>
      <PageHeader title={t("outbox.title")}>
        <p role="status">
          {waiting > 0 ? t("outbox.waitingSummary", { count: waiting }) : t("outbox.allSent")}
          {refused > 0 ? <> {t("outbox.refusedSummary", { count: refused })}</> : null}
        </p>
      </PageHeader>
      <p className="button-row">
        <button type="button" className="primary" onClick={sendNow} disabled={waiting === 0}>{t("outbox.sendNow")}</button>
      </p>
      <OutboxList />
      <TitledSection id="privacy-title" title={t("outbox.privacyTitle")} className="hint">
        <p>{t("outbox.privacy")}</p>
      </TitledSection>
    </>
  );
}
