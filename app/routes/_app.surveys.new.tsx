import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { useSchemaForm } from "~/forms/use-schema-form";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { createSurveySchema } from "~/surveys/survey-schemas";
import { createSurvey } from "~/surveys/surveys.server";
import { FormErrors, TextField } from "~/ui/form-fields";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
export { links } from "~/surveys/styles";

export const meta: MetaFunction = (args) => pageTitle(args, "newSurvey");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "designSurveys");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "designSurveys");
  return runFormThenRedirect(request, createSurveySchema, (input) => createSurvey(viewer, input), (surveyId) => `/surveys/${surveyId}/build`);
}

export default function NewSurvey() {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm({ schema: createSurveySchema, lastResult: useActionData<typeof action>() });
  return (
    <>
      <PageHeader title={t("surveys.create")} />
      <Form method="post" {...getFormProps(form)} className="form-narrow" aria-label={t("surveys.create")}>
        <TextField label={t("surveys.code")} field={fields.code} hint={t("surveys.codeHint")} />
        <TextField label={t("surveys.seriesCode")} field={fields.seriesCode} hint={t("surveys.seriesHint")} />
        <TextField label={t("surveys.name")} field={fields.title} />
        <TextField label={t("surveys.period")} field={fields.period} hint={t("surveys.periodHint")} />
        <FormErrors errors={form.errors} />
        <button type="submit" className="primary">{t("surveys.createSubmit")}</button>
      </Form>
    </>
  );
}
