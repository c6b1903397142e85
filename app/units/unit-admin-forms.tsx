// The admin's forms on a unit page. Each posts through its own fetcher, so its errors stay with it.
import { getFormProps } from "@conform-to/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { ConfirmDialog, useConfirmation } from "~/ui/confirm-dialog";
import { CardForm } from "~/ui/card-form";
import { TextField } from "~/ui/form-fields";
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

type ConfirmedUnitFormProps = {
  form: ReturnType<typeof useFetcherForm>;
  intent: "rename" | "move" | "merge";
  title: string;
  hint?: string;
  submit: string;
  danger?: boolean;
  /** The confirmation's question, from what the form holds. */
  describe: (data: FormData) => string;
  children: ReactNode;
};

/** One of the unit's card forms, whose submission asks first (the dialog repeats its title and submit label). */
function ConfirmedUnitForm({ form, intent, title, hint, submit, danger, describe, children }: ConfirmedUnitFormProps) {
  const { t } = useTranslation();
  const { confirmation, question, submit: confirmedSubmit } = useConfirmedSubmit(getFormProps(form.form).onSubmit, describe);
  return (
    <CardForm
      form={form}
      id={`${intent}-title`}
      title={title}
      level={3}
      hint={hint}
      intent={intent}
      danger={danger}
      onSubmit={confirmedSubmit}
      formRef={confirmation.form}
      actions={
        <>
          <button type="submit" className={danger ? "danger" : undefined} disabled={form.busy}>{submit}</button>
          <ConfirmDialog confirmation={confirmation} id={`${intent}-confirm`} title={title} confirmLabel={submit} cancelLabel={t("units.cancel")} danger={danger}>
            <p>{question}</p>
          </ConfirmDialog>
        </>
      }
    >
      {children}
    </CardForm>
  );
}

/** What a field of the submitted form holds, trimmed, for the confirmation's question. */
const typed = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

export function RenameUnitForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const form = useFetcherForm("rename-unit", renameUnitSchema, { name });
  const describe = (data: FormData) => t("units.renameConfirm", { from: name, to: typed(data, "name") });
  return (
    <ConfirmedUnitForm form={form} intent="rename" title={t("units.rename")} submit={t("units.renameSubmit")} describe={describe}>
      <TextField label={t("units.newName")} field={form.fields.name} />
    </ConfirmedUnitForm>
  );
}

export function MoveUnitForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const form = useFetcherForm("move-unit", moveUnitSchema, {});
  const describe = (data: FormData) => t("units.moveConfirm", { name, code: typed(data, "parentCode") });
  return (
    <ConfirmedUnitForm form={form} intent="move" title={t("units.move")} submit={t("units.moveSubmit")} describe={describe}>
      <TextField label={t("units.newParentCode")} field={form.fields.parentCode} list="unit-codes" />
    </ConfirmedUnitForm>
  );
}

export function MergeUnitForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const form = useFetcherForm("merge-unit", mergeUnitSchema, { effectiveOn: toDateInputValue(todayInVietnam()) });
  const describe = (data: FormData) => t("units.mergeConfirm", { name, code: typed(data, "successorCode"), date: formatDay(String(data.get("effectiveOn") ?? "")) });
  return (
    <ConfirmedUnitForm form={form} intent="merge" title={t("units.merge")} hint={t("units.mergeHelp")} submit={t("units.mergeSubmit")} danger describe={describe}>
      <TextField label={t("units.successorCode")} field={form.fields.successorCode} list="unit-codes" />
      <TextField label={t("units.effectiveOn")} field={form.fields.effectiveOn} type="date" />
    </ConfirmedUnitForm>
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
