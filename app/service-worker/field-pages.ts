/**
 * The collaborator's pages that work offline (decision 0035), in one list for both sides: the
 * service worker keeps the URLs (documents and their single-fetch `.data`), and the build
 * precaches what those routes can load (scripts/service-worker-build.ts: their modules, layouts,
 * static and lazy imports, styles), nothing of the office's pages.
 */
export const FIELD_PAGES: readonly { route: string; url: RegExp }[] = [
  { route: "routes/_app._index", url: /^\/(_root\.data)?$/ },
  { route: "routes/_app.outbox", url: /^\/outbox(\.data)?$/ },
  { route: "routes/_app.surveys._index", url: /^\/surveys(\.data)?$/ },
  { route: "routes/_app.surveys.$surveyId.fill", url: /^\/surveys\/\d+\/fill(\.data)?$/ },
  { route: "routes/_app.surveys.responses.$responseId", url: /^\/surveys\/responses\/\d+(\.data)?$/ },
  { route: "routes/_app.reports._index", url: /^\/reports(\.data)?$/ },
  { route: "routes/_app.reports.new", url: /^\/reports\/new(\.data)?$/ },
  { route: "routes/_app.reports.$reportId", url: /^\/reports\/\d+(\.data)?$/ },
];

export const isFieldPage = (pathname: string) => FIELD_PAGES.some((page) => page.url.test(pathname));
