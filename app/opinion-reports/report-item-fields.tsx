/**
 * One opinion item of the report form. Memoised: typing in one item, or adding the 30th, renders
 * only that item, not the other 29 with their topic, area and group lists (each "Thêm ý kiến"
 * used to re-render every item: ~0.6 s per add at 4× CPU throttling on a 30-item report).
 */
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/ui/form-fields";
import { PersonalDataWarning as GuardWarning } from "~/ui/personal-data-warning";
import { CHANNELS, DIRECTIONS, PREVALENCES, STRENGTHS, SUMMARY_MAX, TITLE_MAX } from "./report-vocab";

export type ItemDraft = {
  topicCode: string;
  title: string;
  summary: string;
  areaCode: string;
  groupCodes: string[];
  direction: string;
  strength: string;
  prevalence: string;
  channel: string;
  verified: boolean;
  proposal: string;
  urgent: boolean;
};

export type Option = { code: string; name: string };
/** Field name within the item → its error keys. */
export type ItemErrors = Record<string, string[] | null | undefined>;

type Props = {
  index: number;
  item: ItemDraft;
  errors: ItemErrors;
  topics: Option[];
  groups: Option[];
  areas: Option[];
  removable: boolean;
  collapsed: boolean;
  onChange: (index: number, patch: Partial<ItemDraft>) => void;
  onRemove: (index: number) => void;
  onToggle: (index: number) => void;
};

const SCALES = [
  ["direction", DIRECTIONS],
  ["strength", STRENGTHS],
  ["prevalence", PREVALENCES],
  ["channel", CHANNELS],
] as const;

function ReportItemFieldsView({ index: i, item, errors, topics, groups, areas, removable, collapsed, onChange, onRemove, onToggle }: Props) {
  const { t } = useTranslation();
  const id = (f: string) => `item-${i}-${f}`;
  const ids = (f: string) => ({
    id: id(f),
    "aria-invalid": errors[f] ? true : undefined,
    "aria-describedby": errors[f] ? `${id(f)}-error` : undefined,
  });
  const fieldErrors = (f: string) => <ErrorList id={`${id(f)}-error`} errors={errors[f] ?? undefined} />;
  const hasErrors = Object.values(errors).some((e) => e?.length);
  // An item with errors is always open: the collaborator must see what to fix.
  const open = !collapsed || hasErrors;
  const topicName = topics.find((o) => o.code === item.topicCode)?.name;

  return (
    <fieldset className="report-item" data-collapsed={open ? undefined : "true"}>
      <legend>{t("reports.item", { n: i + 1 })}</legend>
      <div className="report-item-bar">
        {open ? null : <p className="report-item-summary">{[topicName, item.title].filter(Boolean).join(" · ") || t("reports.itemEmpty")}</p>}
        <button type="button" className="link-button" aria-expanded={open} aria-controls={open ? id("body") : undefined} onClick={() => onToggle(i)} disabled={hasErrors}>
          {open ? t("reports.collapseItem", { n: i + 1 }) : t("reports.expandItem", { n: i + 1 })}
        </button>
      </div>
      {/* A folded item's fields are not rendered at all: the draft state holds its values, and a
          30-item report stays a short page to lay out on a phone. */}
      {open ? (
        <div id={id("body")}>
          <div className="field">
            <label htmlFor={id("topicCode")}>{t("reports.topic")}</label>
            <select {...ids("topicCode")} value={item.topicCode} onChange={(e) => onChange(i, { topicCode: e.target.value })}>
              <option value="">{t("common.choose")}</option>
              {topics.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
            </select>
            {fieldErrors("topicCode")}
          </div>
          <div className="field">
            <label htmlFor={id("title")}>{t("reports.title")}</label>
            <input {...ids("title")} value={item.title} maxLength={TITLE_MAX} onChange={(e) => onChange(i, { title: e.target.value })} />
            <GuardWarning text={item.title} />
            {fieldErrors("title")}
          </div>
          <div className="field">
            <label htmlFor={id("summary")}>{t("reports.summary")}</label>
            <textarea {...ids("summary")} rows={4} value={item.summary} maxLength={SUMMARY_MAX} onChange={(e) => onChange(i, { summary: e.target.value })} />
            <GuardWarning text={item.summary} />
            {fieldErrors("summary")}
          </div>
          <div className="field">
            <label htmlFor={id("areaCode")}>{t("reports.area")}</label>
            <select {...ids("areaCode")} value={item.areaCode} onChange={(e) => onChange(i, { areaCode: e.target.value })}>
              <option value="">{t("common.choose")}</option>
              {areas.map((o) => <option key={o.code} value={o.code}>{o.name} ({o.code})</option>)}
            </select>
            {fieldErrors("areaCode")}
          </div>
          <fieldset className="choice-group">
            <legend>{t("reports.groups")}</legend>
            {groups.map((g) => (
              <label key={g.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={item.groupCodes.includes(g.code)}
                  onChange={(e) =>
                    onChange(i, { groupCodes: e.target.checked ? [...item.groupCodes, g.code] : item.groupCodes.filter((c) => c !== g.code) })
                  }
                />
                {g.name}
              </label>
            ))}
            <ErrorList errors={errors.groupCodes ?? undefined} />
          </fieldset>
          {SCALES.map(([field, values]) => (
            <div className="field" key={field}>
              <label htmlFor={id(field)}>{t(`reports.${field}`)}</label>
              <select {...ids(field)} value={item[field]} onChange={(e) => onChange(i, { [field]: e.target.value })}>
                {field === "direction" ? <option value="">{t("common.choose")}</option> : null}
                {values.map((v) => <option key={v} value={v}>{t(`opinion.${field}.${v}`)}</option>)}
              </select>
              {fieldErrors(field)}
            </div>
          ))}
          <label className="checkbox">
            <input type="checkbox" checked={item.verified} onChange={(e) => onChange(i, { verified: e.target.checked })} />
            {t("reports.verified")}
          </label>
          <div className="field">
            <label htmlFor={id("proposal")}>{t("reports.proposal")}</label>
            <textarea {...ids("proposal")} rows={2} value={item.proposal} onChange={(e) => onChange(i, { proposal: e.target.value })} />
            <GuardWarning text={item.proposal} />
            {fieldErrors("proposal")}
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={item.urgent} onChange={(e) => onChange(i, { urgent: e.target.checked })} />
            {t("reports.itemUrgent")}
          </label>
          {removable ? (
            <p>
              <button type="button" className="link-button" onClick={() => onRemove(i)}>
                {t("reports.removeItem", { n: i + 1 })}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}

const sameErrors = (a: ItemErrors, b: ItemErrors) => {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => (a[k] ?? []).join("\n") === (b[k] ?? []).join("\n"));
};

export const ReportItemFields = memo(
  ReportItemFieldsView,
  (prev, next) =>
    prev.item === next.item &&
    prev.index === next.index &&
    prev.removable === next.removable &&
    prev.collapsed === next.collapsed &&
    prev.topics === next.topics &&
    prev.groups === next.groups &&
    prev.areas === next.areas &&
    prev.onChange === next.onChange &&
    prev.onRemove === next.onRemove &&
    prev.onToggle === next.onToggle &&
    sameErrors(prev.errors, next.errors),
);
