import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/ui/form-fields";
import { UnitCodeList } from "~/units/unit-admin-forms";
import { COLLABORATOR_SECTORS, ROLES } from "./roles";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<"displayName" | "role" | "unitCode" | "sector" | "termStart" | "termEnd", FieldMetadata<any, any, string[]>>;

/** The fields shared by "create account" and "edit account"; collaborator facts only for collaborators. */
export function AccountFormFields({ fields, unitCodes }: { fields: Fields; unitCodes: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const isCollaborator = fields.role.value === "collaborator";
  return (
    <>
      <UnitCodeList units={unitCodes} />
      <TextField label={t("accounts.displayName")} field={fields.displayName} />
      <SelectField
        label={t("accounts.role")}
        field={fields.role}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <TextField label={t("accounts.unitCode")} field={fields.unitCode} list="unit-codes" />
      {isCollaborator ? (
        <fieldset>
          <legend>{t("accounts.collaboratorFacts")}</legend>
          <SelectField
            label={t("accounts.sector")}
            field={fields.sector}
            placeholder={t("common.choose")}
            options={COLLABORATOR_SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
          />
          <TextField label={t("accounts.termStart")} field={fields.termStart} type="date" />
          <TextField label={t("accounts.termEnd")} field={fields.termEnd} type="date" />
        </fieldset>
      ) : null}
    </>
  );
}
