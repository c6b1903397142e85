// The audit log as an office reads it: actions in words ("Đơn vị: đổi tên"),
// the record as a link where it has a page, and before/after as a field-by-field comparison
// instead of raw JSON. Unknown codes fall back to the code itself, so a new action is never hidden.
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

/** The record types the log names, in the order the filter lists them. */
export const AUDIT_ENTITY_TYPES = [
  "Account",
  "Unit",
  "OpinionReport",
  "Survey",
  "SurveyResponse",
  "Proposal",
  "QuarterlyReport",
  "FollowUpTask",
  "ReportingPeriod",
  "ReportExpectation",
  "Topic",
  "SocialGroup",
  "Agency",
  "Roster",
  "LoginAttempt",
] as const;

/** Where a record of each type is read, for those that have a page of their own. */
const RECORD_PAGES: Partial<Record<string, (id: string) => string>> = {
  Account: (id) => `/admin/accounts/${id}`,
  Unit: (id) => `/units/${id}`,
  OpinionReport: (id) => `/reports/${id}`,
  Survey: (id) => `/surveys/${id}`,
  SurveyResponse: (id) => `/surveys/responses/${id}`,
  Proposal: (id) => `/proposals/${id}`,
  QuarterlyReport: (id) => `/quarterly-reports/${id}`,
};

/** "unit.rename" → "Đơn vị: đổi tên"; "survey.response.accept" → "Phiếu khảo sát: duyệt". */
export function actionLabel(action: string, t: TFunction): string {
  const cut = action.lastIndexOf(".");
  if (cut < 0) return action;
  const subject = action.slice(0, cut);
  const verb = action.slice(cut + 1);
  const subjectName = t(`audit.subjects.${subject.replace(/\./g, "_")}`, { defaultValue: "" });
  const verbName = t(`audit.verbs.${verb}`, { defaultValue: "" });
  return subjectName && verbName ? `${subjectName}: ${verbName}` : action;
}

export function entityTypeLabel(type: string, t: TFunction): string {
  return t(`audit.entityTypes.${type}`, { defaultValue: type });
}

export function AuditEntity({ type, id }: { type: string; id: string }) {
  const { t } = useTranslation();
  const page = RECORD_PAGES[type];
  const label = `${entityTypeLabel(type, t)} #${id}`;
  return page && /^\d+$/.test(id) ? <Link to={page(id)}>{label}</Link> : <>{label}</>;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function parse(value: string | null): Record<string, Json> {
  if (!value) return {};
  const parsed = JSON.parse(value) as Json;
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : { value: parsed };
}

function show(value: Json | undefined): string {
  if (value === undefined) return "—";
  if (value === null) return "∅";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * Before and after, one row per field that either side names, changed fields marked. A creation
 * has only "after", a sign-in neither: then nothing is shown.
 */
export function AuditDiff({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation();
  const a = parse(before);
  const b = parse(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  if (keys.length === 0) return <>—</>;
  return (
    <table className="audit-diff">
      <thead>
        <tr>
          <th scope="col">{t("audit.field")}</th>
          <th scope="col">{t("audit.before")}</th>
          <th scope="col">{t("audit.after")}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const changed = show(a[k]) !== show(b[k]);
          return (
            <tr key={k} className={changed && before ? "changed" : undefined}>
              <th scope="row">{k}</th>
              <td>{show(a[k])}</td>
              <td>{show(b[k])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
