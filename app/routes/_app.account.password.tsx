import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireViewer } from "~/access/gate.server";
import { changeOwnPasswordSchema, PASSWORD_MIN } from "~/accounts/account-schemas";
import { changeOwnPassword } from "~/accounts/accounts.server";
import { runForm } from "~/forms/run-form.server";
import { useSchemaForm } from "~/forms/use-schema-form";
import { FormErrors, TextField } from "~/ui/form-fields";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "password");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { mustChange: viewer.mustChangePassword };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const outcome = await runForm(
    request,
    changeOwnPasswordSchema,
    (input) => changeOwnPassword(viewer, input.currentPassword, input.newPassword),
    { hideFields: ["currentPassword", "newPassword", "confirmPassword"] },
  );
  if ("failed" in outcome) return outcome.failed;
  return redirect("/?done=passwordChanged", { headers: { "Set-Cookie": outcome.saved } });
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { mustChange } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm({ schema: changeOwnPasswordSchema, lastResult: useActionData<typeof action>() });
  return (
    <>
      <PageHeader title={t("password.title")}>
        {mustChange ? <p className="notice" role="status">{t("password.mustChange")}</p> : null}
      </PageHeader>
      <Form method="post" {...getFormProps(form)} className="panel form-narrow">
        <TextField label={t("password.current")} field={fields.currentPassword} type="password" autoComplete="current-password" />
        <TextField label={t("password.new")} field={fields.newPassword} type="password" autoComplete="new-password" hint={t("password.rule", { min: PASSWORD_MIN })} />
        <TextField label={t("password.confirm")} field={fields.confirmPassword} type="password" autoComplete="new-password" />
        <FormErrors errors={form.errors} />
        <button type="submit" className="primary">{t("password.submit")}</button>
      </Form>
    </>
  );
}
