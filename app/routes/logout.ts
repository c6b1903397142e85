import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}

// Signing out changes state, so it is a POST; a GET (a typed URL, a prefetch) just goes home.
export function loader() {
  return redirect("/");
}
