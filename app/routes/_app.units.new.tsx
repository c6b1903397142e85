import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useSchemaForm } from "~/forms/use-schema-form";
import { FormErrors, SelectField, TextField } from "~/ui/form-fields";
import { UnitCodeList } from "~/units/unit-admin-forms";
import { UNIT_KINDS } from "~/units/unit-kinds";
import { createUnitSchema } from "~/units/unit-schemas";
import { createUnit, listOpenUnits } from "~/units/units.server";
import { toDateInputValue, todayInVietnam } from "~/utils/dates";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "newUnit");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "manageUnits");
  const parentCode = new URL(request.url).searchParams.get("parent") ?? "";
  return { parentCode: parentCode.slice(0, 32), unitCodes: await listOpenUnits(viewer) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageUnits");
  return runFormThenRedirect(request, createUnitSchema, (input) => createUnit(viewer, input), (unit) => `/units/${unit.id}`);
}

export default function NewUnitPage() {
  const { t } = useTranslation();
  const { parentCode, unitCodes } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm({ schema: createUnitSchema, lastResult: useActionData<typeof action>(), defaultValue: { parentCode, kind: "commune", validFrom: toDateInputValue(todayInVietnam()) } });
  return (
    <>
      <PageHeader title={t("units.createTitle")} />
      <Form method="post" {...getFormProps(form)} className="panel form-narrow">
        <UnitCodeList units={unitCodes} />
        <TextField label={t("units.parentCode")} field={fields.parentCode} list="unit-codes" />
        <TextField label={t("units.code")} field={fields.code} hint={t("units.codeHint")} />
        <TextField label={t("units.name")} field={fields.name} />
        <SelectField
          label={t("units.kind")}
          field={fields.kind}
          options={UNIT_KINDS.filter((k) => k !== "province").map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
        />
        <TextField label={t("units.validFrom")} field={fields.validFrom} type="date" />
        <FormErrors errors={form.errors} />
        <button type="submit" className="primary">{t("units.createSubmit")}</button>
      </Form>
    </>
  );
}
