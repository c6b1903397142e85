// The admin's forms on a unit page. Each posts through its own fetcher, so its errors stay with it.
import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { FormErrors, TextField } from "~/ui/form-fields";
import { toDateInputValue, todayInVietnam } from "~/utils/dates";
import { mergeUnitSchema, moveUnitSchema, renameUnitSchema } from "./unit-schemas";

export function RenameUnitForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const { fetcher, form, fields, busy } = useFetcherForm("rename-unit", renameUnitSchema, { name });
  return (
    <fetcher.Form method="post" {...getFormProps(form)} aria-labelledby="rename-title" className="card-form">
      <h3 id="rename-title">{t("units.rename")}</h3>
      <input type="hidden" name="intent" value="rename" />
      <TextField label={t("units.newName")} field={fields.name} />
      <FormErrors errors={form.errors} />
      <button type="submit" disabled={busy}>{t("units.renameSubmit")}</button>
    </fetcher.Form>
  );
}

export function MoveUnitForm() {
  const { t } = useTranslation();
  const { fetcher, form, fields, busy } = useFetcherForm("move-unit", moveUnitSchema, {});
  return (
    <fetcher.Form method="post" {...getFormProps(form)} aria-labelledby="move-title" className="card-form">
      <h3 id="move-title">{t("units.move")}</h3>
      <input type="hidden" name="intent" value="move" />
      <TextField label={t("units.newParentCode")} field={fields.parentCode} list="unit-codes" />
      <FormErrors errors={form.errors} />
      <button type="submit" disabled={busy}>{t("units.moveSubmit")}</button>
    </fetcher.Form>
  );
}

export function MergeUnitForm() {
  const { t } = useTranslation();
  const { fetcher, form, fields, busy } = useFetcherForm("merge-unit", mergeUnitSchema, {
    effectiveOn: toDateInputValue(todayInVietnam()),
  });
  return (
    <fetcher.Form method="post" {...getFormProps(form)} aria-labelledby="merge-title" className="card-form danger-zone">
      <h3 id="merge-title">{t("units.merge")}</h3>
      <p className="hint">{t("units.mergeHelp")}</p>
      <input type="hidden" name="intent" value="merge" />
      <TextField label={t("units.successorCode")} field={fields.successorCode} list="unit-codes" />
      <TextField label={t("units.effectiveOn")} field={fields.effectiveOn} type="date" />
      <FormErrors errors={form.errors} />
      <button type="submit" className="danger" disabled={busy}>{t("units.mergeSubmit")}</button>
    </fetcher.Form>
  );
}

/** Suggestions for every code input on the page (native <datalist>, works without JS). */
export function UnitCodeList({ units }: { units: { code: string; name: string }[] }) {
  return (
    <datalist id="unit-codes">
      {units.map((u) => (
        <option key={u.code} value={u.code}>
          {u.name}
        </option>
      ))}
    </datalist>
  );
}
