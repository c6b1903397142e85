import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { dictionaryFor } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import stylesheet from "~/styles/app.css?url";
import { useNonce } from "~/ui/nonce";
import { describeRouteError } from "~/ui/route-error";
import type { loader as appLoader } from "~/routes/_app";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // Installable to the home screen, and opened offline from there (decision 0035).
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icon-192.png" },
];

export const meta: MetaFunction = () => [{ title: "Dư luận" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { lang: await getLanguage(request) };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  // The signed-in layout already read the viewer: its role decides which texts the browser loads.
  const app = useRouteLoaderData<typeof appLoader>("routes/_app");
  // A page outside that layout which shows office texts (meeting mode, the report's print view) says so in its handle.
  const officePage = useMatches().some((m) => (m.handle as { dictionary?: string } | undefined)?.dictionary === "office");
  const nonce = useNonce();
  return (
    <html lang={data?.lang ?? "vi"} data-dictionary={officePage ? "office" : dictionaryFor(app?.viewer.role)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#b91c1c" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <main className="centered">
      <ErrorMessage />
    </main>
  );
}

/**
 * What every error boundary shows: 404 for missing or foreign records, a calm message otherwise,
 * and for a server error the id it was logged under.
 */
export function ErrorMessage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { kind, errorId } = describeRouteError(error);
  // In the browser only: a render error there reaches no server log. (The server logs its own
  // errors with their ids; printing them again here would put a stray line in the JSON log.)
  useEffect(() => {
    if (!isRouteErrorResponse(error)) console.error(error);
  }, [error]);
  return (
    <section className="panel error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(`errorPage.${kind}.title`)}</h1>
      <p>{t(`errorPage.${kind}.body`)}</p>
      {errorId ? <p>{t("errorPage.errorId", { id: errorId })}</p> : null}
      <p>
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </section>
  );
}
