import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
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
  return (
    <AppShell viewer={viewer}>
      <Outlet />
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
