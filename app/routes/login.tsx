import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { findViewer } from "~/access/gate.server";
import { loginSchema } from "~/accounts/account-schemas";
import { startSession } from "~/auth/session.server";
import { signIn } from "~/auth/sign-in.server";
import { useSchemaForm } from "~/forms/use-schema-form";
import { readFormData } from "~/forms/read-form.server";
import { FormErrors, TextField } from "~/ui/form-fields";
import { LanguageSwitch } from "~/ui/language-switch";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { pageTitle } from "~/i18n/page-titles";

export const meta: MetaFunction = (args) => pageTitle(args, "login");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await findViewer(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { username, password, redirectTo } = submission.value;
  const result = await signIn(username, password, context.clientIp);
  if (!result.ok) {
    const throttled = result.reason === "throttled";
    return data(
      submission.reply({ formErrors: [throttled ? "errors.throttled" : "errors.invalidCredentials"], hideFields: ["password"] }),
      { status: throttled ? 429 : 401 },
    );
  }
  const target = result.mustChangePassword ? "/account/password" : safeRedirectPath(redirectTo);
  return redirect(target, { headers: { "Set-Cookie": await startSession(result.accountId) } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm({ schema: loginSchema, lastResult: lastResult });
  return (
    <main className="centered">
      <section className="panel login" aria-labelledby="login-title">
        <p className="brand-mark" aria-hidden="true">Dư luận</p>
        <h1 id="login-title">{t("login.title")}</h1>
        <p className="muted">{t("login.subtitle")}</p>
        <Form method="post" reloadDocument {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <TextField label={t("login.username")} field={fields.username} autoComplete="username" />
          <TextField label={t("login.password")} field={fields.password} type="password" autoComplete="current-password" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </Form>
      </section>
      <LanguageSwitch />
    </main>
  );
}
