// Section 6's editor (secretariat): add a follow-up task, or edit one, each in its own fetcher
// form (Conform + the one Zod schema the server also runs; the task and note are guarded).
import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/ui/form-fields";
import { ConfirmNoPersonalData, PersonalDataWarning, useGuardedTexts } from "~/ui/personal-data-warning";
import { formatDay } from "~/utils/dates";
import { FOLLOW_UP_STATUSES, followUpTaskSchema } from "./report-schemas";

export type EditableTask = { id: number; task: string; dueOn: string; status: string; note: string | null; responsibleUnit: { id: number; code: string; name: string } };
export type UnitOption = { id: number; code: string; name: string; level: number };

export function FollowUpEditor({ tasks, units, published }: { tasks: EditableTask[]; units: UnitOption[]; published: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="follow-up-editor">
      {published ? <p className="hint">{t("quarterly.followUp.publishedHint")}</p> : null}
      {tasks.map((task) => (
        <details key={task.id}>
          <summary>{t("quarterly.followUp.edit", { task: task.task })}</summary>
          {/* Keyed by its values: after a save the form starts again from what was stored. */}
          <TaskForm key={JSON.stringify(task)} task={task} units={units} />
        </details>
      ))}
      {/* A new, empty form after each task added. */}
      <TaskForm key={tasks.length} units={units} />
    </div>
  );
}

function TaskForm({ task, units }: { task?: EditableTask; units: UnitOption[] }) {
  const { t } = useTranslation();
  const id = task ? `followup-task-${task.id}` : "followup-task-new";
  const initial = task
    ? { task: task.task, unit: String(task.responsibleUnit.id), dueOn: formatDay(task.dueOn), status: task.status, note: task.note ?? "" }
    : { task: "", unit: String(units[0]?.id ?? ""), dueOn: "", status: "pending", note: "" };
  const form = useFetcherForm(id, followUpTaskSchema, initial);
  const guard = useGuardedTexts({ task: initial.task, note: initial.note });
  const title = task ? t("quarterly.followUp.edit", { task: task.task }) : t("quarterly.followUp.add");
  return (
    <form.fetcher.Form method="post" {...getFormProps(form.form)} onInput={guard.onInput} aria-label={title} className="card-form">
      {task ? null : <h3>{title}</h3>}
      <input type="hidden" name="intent" value="task" />
      {task ? <input type="hidden" name="taskId" value={task.id} /> : null}
      <TextAreaField label={t("quarterly.followUp.task")} field={form.fields.task} />
      <PersonalDataWarning text={guard.texts.task} />
      <SelectField
        label={t("quarterly.followUp.unit")}
        field={form.fields.unit}
        hint={t("quarterly.followUp.unitsHint")}
        options={units.map((u) => ({ value: String(u.id), label: `${"\u00a0\u00a0".repeat(u.level)}${u.name} (${u.code})` }))}
      />
      <TextField label={t("quarterly.followUp.dueOn")} field={form.fields.dueOn} hint={t("quarterly.followUp.dueOnHint")} />
      <SelectField label={t("quarterly.followUp.status")} field={form.fields.status} options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`quarterly.followUp.statusName.${s}`) }))} />
      <TextAreaField label={t("quarterly.followUp.note")} field={form.fields.note} />
      <PersonalDataWarning text={guard.texts.note} />
      <ConfirmNoPersonalData flagged={guard.flagged} name="confirmNoPersonalData" />
      <FormErrors errors={form.form.errors} />
      <button type="submit" disabled={form.busy}>{task ? t("quarterly.followUp.editSubmit") : t("quarterly.followUp.addSubmit")}</button>
    </form.fetcher.Form>
  );
}
