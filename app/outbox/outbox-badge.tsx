/**
 * The collaborator's view of the device in the app's frame: the outbox in the navigation with how
 * many items wait ("3 chờ gửi"), and above the page whether the phone is offline and whether its
 * storage is nearly full.
 */
import { NavLink } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOutbox } from "./outbox-context";

function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

export function OutboxNavLink() {
  const { t } = useTranslation();
  const { waiting, refused } = useOutbox();
  return (
    <NavLink to="/outbox">
      {t("outbox.nav")}
      {waiting > 0 ? <> <span className="badge badge-waiting">{t("outbox.waitingCount", { count: waiting })}</span></> : null}
      {refused > 0 ? <> <span className="badge badge-urgent">{t("outbox.refusedCount", { count: refused })}</span></> : null}
    </NavLink>
  );
}

export function DeviceNotices() {
  const { t } = useTranslation();
  const { storageFull } = useOutbox();
  const online = useOnline();
  if (online && !storageFull) return null;
  return (
    <>
      {!online ? <p className="notice offline" role="status">{t("outbox.offline")}</p> : null}
      {storageFull ? <p className="notice error-notice" role="alert">{t("outbox.storageFull")}</p> : null}
    </>
  );
}
