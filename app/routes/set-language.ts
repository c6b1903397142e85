import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readFormData } from "~/forms/read-form.server";
import { isLanguage } from "~/i18n/i18n";
import { languageCookie } from "~/i18n/language.server";
import { safeRedirectPath } from "~/utils/safe-redirect";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lang = form.get("lang");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isLanguage(lang)) return redirect(back);
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
