import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { requireViewer } from "~/access/gate.server";
import { AppShell } from "~/ui/app-shell";
import { ErrorMessage } from "~/root";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return {
    viewer: { displayName: viewer.displayName, username: viewer.username, role: viewer.role, unitName: viewer.unitName, unitPath: viewer.unitPath },
  };
}

export default function AppLayout() {
  const { viewer } = useLoaderData<typeof loader>();
  // A page is mounted afresh for every URL: forms whose defaults come from the loader (a unit's
  // name, a filter's value) would otherwise keep the previous record's values when the app
  // navigates from one record to another on the same route, and one click would save them there.
  const { pathname, search } = useLocation();
  return (
    <AppShell viewer={viewer}>
      <Outlet key={pathname + search} />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return (
    <main className="centered">
      <ErrorMessage />
    </main>
  );
}
