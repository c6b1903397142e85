// The admin's forms on a unit page. Each posts through its own fetcher, so its errors stay with it.
import { getFormProps } from "@conform-to/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { ConfirmDialog, useConfirmation } from "~/ui/confirm-dialog";
import { FormErrors, TextField } from "~/ui/form-fields";
import { formatDay, toDateInputValue, todayInVietnam } from "~/utils/dates";
import { mergeUnitSchema, moveUnitSchema, renameUnitSchema } from "./unit-schemas";

/**
 * Conform's submit handler first (it refuses invalid input), then a confirmation naming what
 * will change: a rename or a move touches every page and report that shows the unit.
 */
function useConfirmedSubmit(onSubmit: (event: FormEvent<HTMLFormElement>) => void, describe: (data: FormData) => string) {
  const confirmation = useConfirmation();
  const [question, setQuestion] = useState("");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    onSubmit(event);
    if (event.defaultPrevented) return;
    if (confirmation.needsConfirmation()) {
      event.preventDefault();
      setQuestion(describe(new FormData(event.currentTarget)));
    }
  };
  return { confirmation, question, submit };
}

export function RenameUnitForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const { fetcher, form, fields, busy } = useFetcherForm("rename-unit", renameUnitSchema, { name });
  const formProps = getFormProps(form);
  const { confirmation, question, submit } = useConfirmedSubmit(formProps.onSubmit, (data) =>
    t("units.renameConfirm", { from: name, to: String(data.get("name") ?? "").trim() }),
  );
  return (
    <fetcher.Form method="post" {...formProps} onSubmit={submit} ref={confirmation.form} aria-labelledby="rename-title" className="card-form">
      <h3 id="rename-title">{t("units.rename")}</h3>
      <input type="hidden" name="intent" value="rename" />
      <TextField label={t("units.newName")} field={fields.name} />
      <FormErrors errors={form.errors} />
      <button type="submit" disabled={busy}>{t("units.renameSubmit")}</button>
      <ConfirmDialog confirmation={confirmation} id="rename-confirm" title={t("units.rename")} confirmLabel={t("units.renameSubmit")} cancelLabel={t("units.cancel")}>
        <p>{question}</p>
      </ConfirmDialog>
    </fetcher.Form>
  );
}

export function MoveUnitForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const { fetcher, form, fields, busy } = useFetcherForm("move-unit", moveUnitSchema, {});
  const formProps = getFormProps(form);
  const { confirmation, question, submit } = useConfirmedSubmit(formProps.onSubmit, (data) =>
    t("units.moveConfirm", { name, code: String(data.get("parentCode") ?? "").trim() }),
  );
  return (
    <fetcher.Form method="post" {...formProps} onSubmit={submit} ref={confirmation.form} aria-labelledby="move-title" className="card-form">
      <h3 id="move-title">{t("units.move")}</h3>
      <input type="hidden" name="intent" value="move" />
      <TextField label={t("units.newParentCode")} field={fields.parentCode} list="unit-codes" />
      <FormErrors errors={form.errors} />
      <button type="submit" disabled={busy}>{t("units.moveSubmit")}</button>
      <ConfirmDialog confirmation={confirmation} id="move-confirm" title={t("units.move")} confirmLabel={t("units.moveSubmit")} cancelLabel={t("units.cancel")}>
        <p>{question}</p>
      </ConfirmDialog>
    </fetcher.Form>
  );
}

export function MergeUnitForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const { fetcher, form, fields, busy } = useFetcherForm("merge-unit", mergeUnitSchema, {
    effectiveOn: toDateInputValue(todayInVietnam()),
  });
  const formProps = getFormProps(form);
  const { confirmation, question, submit } = useConfirmedSubmit(formProps.onSubmit, (data) =>
    t("units.mergeConfirm", { name, code: String(data.get("successorCode") ?? "").trim(), date: formatDay(String(data.get("effectiveOn") ?? "")) }),
  );
  return (
    <fetcher.Form method="post" {...formProps} onSubmit={submit} ref={confirmation.form} aria-labelledby="merge-title" className="card-form danger-zone">
      <h3 id="merge-title">{t("units.merge")}</h3>
      <p className="hint">{t("units.mergeHelp")}</p>
      <input type="hidden" name="intent" value="merge" />
      <TextField label={t("units.successorCode")} field={fields.successorCode} list="unit-codes" />
      <TextField label={t("units.effectiveOn")} field={fields.effectiveOn} type="date" />
      <FormErrors errors={form.errors} />
      <button type="submit" className="danger" disabled={busy}>{t("units.mergeSubmit")}</button>
      <ConfirmDialog confirmation={confirmation} id="merge-confirm" title={t("units.merge")} confirmLabel={t("units.mergeSubmit")} cancelLabel={t("units.cancel")} danger>
        <p>{question}</p>
      </ConfirmDialog>
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
