import { getFormProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { AccountFormFields } from "~/accounts/account-form-fields";
import { createAccountSchema } from "~/accounts/account-schemas";
import { createAccount } from "~/accounts/accounts.server";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useSchemaForm } from "~/forms/use-schema-form";
import { FormErrors, TextField } from "~/ui/form-fields";
import { listOpenUnits } from "~/units/units.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "newAccount");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "manageAccounts");
  return { unitCodes: await listOpenUnits(viewer) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageAccounts");
  return runFormThenRedirect(request, createAccountSchema, (input) => createAccount(viewer, input), (account) => `/admin/accounts/${account.id}`, {
    hideFields: ["password"],
  });
}

export default function NewAccountPage() {
  const { t } = useTranslation();
  const { unitCodes } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm({ schema: createAccountSchema, lastResult: useActionData<typeof action>(), defaultValue: { role: "collaborator" } });
  return (
    <>
      <PageHeader title={t("accounts.createTitle")} />
      <Form method="post" {...getFormProps(form)} className="panel form-narrow">
        <TextField label={t("accounts.username")} field={fields.username} autoComplete="off" />
        <AccountFormFields fields={fields} unitCodes={unitCodes} />
        <TextField
          label={t("accounts.initialPassword")}
          field={fields.password}
          type="password"
          autoComplete="new-password"
          hint={t("accounts.initialPasswordHint")}
        />
        <FormErrors errors={form.errors} />
        <button type="submit" className="primary">{t("accounts.createSubmit")}</button>
      </Form>
    </>
  );
}
