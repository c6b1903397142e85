import type { LinksFunction } from "@remix-run/node";
import surveysCss from "./surveys.css?url";

/** The stylesheet of the survey pages: every survey route exports these links. */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveysCss }];
