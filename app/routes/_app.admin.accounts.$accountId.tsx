import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { AccountFormFields } from "~/accounts/account-form-fields";
import { accountActionSchema, resetPasswordSchema, updateAccountSchema } from "~/accounts/account-schemas";
import { getAccount, resetPassword, setAccountActive, updateAccount } from "~/accounts/accounts.server";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { CardForm } from "~/ui/card-form";
import { ReplyErrors, TextField } from "~/ui/form-fields";
import { SavedNotice } from "~/ui/saved-notice";
import { listOpenUnits } from "~/units/units.server";
import { formatDateTime, toDateInputValue } from "~/utils/dates";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, null, args.data?.account.username);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "manageAccounts");
  const account = await getAccount(viewer, requireIdParam(params.accountId));
  return { account, isSelf: account.id === viewer.id, unitCodes: await listOpenUnits(viewer) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageAccounts");
  const id = requireIdParam(params.accountId);
  return runFormThenRedirect(
    request,
    accountActionSchema,
    async (input) => {
      if (input.intent === "update") await updateAccount(viewer, id, input);
      if (input.intent === "resetPassword") await resetPassword(viewer, id, input.newPassword);
      if (input.intent === "setActive") await setAccountActive(viewer, id, input.active);
      return input.intent;
    },
    (intent) => `/admin/accounts/${id}?done=${intent}`,
    { hideFields: ["newPassword"] },
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { account, isSelf, unitCodes } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={account.displayName} back={{ to: "/admin/accounts", label: t("accounts.backToList") }}>
        <p className="muted">
          <code>{account.username}</code> · {t(`roles.${account.role}`)} · {account.unit.name} ·{" "}
          {account.active ? t("accounts.active") : t("accounts.inactive")} ·{" "}
          {t("accounts.createdAt", { date: formatDateTime(account.createdAt) })}
        </p>
        <SavedNotice />
        {account.mustChangePassword ? <p className="notice">{t("accounts.mustChangePassword")}</p> : null}
      </PageHeader>
      <div className="card-grid">
        <EditAccountForm account={account} unitCodes={unitCodes} />
        <ResetPasswordForm />
        {isSelf ? null : <ActiveToggle active={account.active} />}
      </div>
    </>
  );
}

type AccountData = ReturnType<typeof useLoaderData<typeof loader>>["account"];

function EditAccountForm({ account, unitCodes }: { account: AccountData; unitCodes: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const edit = useFetcherForm("edit-account", updateAccountSchema, {
      displayName: account.displayName,
      role: account.role,
      unitCode: account.unit.code,
      sector: account.collaborator?.sector ?? "",
      termStart: toDateInputValue(account.collaborator?.termStart),
    termEnd: toDateInputValue(account.collaborator?.termEnd),
  });
  return (
    <CardForm form={edit} id="edit-title" title={t("accounts.edit")} intent="update" submit={t("common.save")} primary>
      <AccountFormFields fields={edit.fields} unitCodes={unitCodes} />
    </CardForm>
  );
}

function ResetPasswordForm() {
  const { t } = useTranslation();
  const reset = useFetcherForm("reset-password", resetPasswordSchema);
  return (
    <CardForm form={reset} id="reset-title" title={t("accounts.resetPassword")} hint={t("accounts.resetPasswordHelp")} intent="resetPassword" submit={t("accounts.resetPasswordSubmit")}>
      <TextField label={t("accounts.temporaryPassword")} field={reset.fields.newPassword} type="password" autoComplete="new-password" />
    </CardForm>
  );
}

function ActiveToggle({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  return (
    <fetcher.Form method="post" className="card-form danger-zone" aria-labelledby="active-title">
      <h2 id="active-title">{active ? t("accounts.deactivate") : t("accounts.activate")}</h2>
      <p className="hint">{active ? t("accounts.deactivateHelp") : t("accounts.activateHelp")}</p>
      <input type="hidden" name="intent" value="setActive" />
      <ReplyErrors reply={fetcher.state === "idle" ? (fetcher.data as Parameters<typeof ReplyErrors>[0]["reply"]) : undefined} />
      <button type="submit" name="active" value={active ? "false" : "true"} className={active ? "danger" : undefined}>
        {active ? t("accounts.deactivateSubmit") : t("accounts.activateSubmit")}
      </button>
    </fetcher.Form>
  );
}
