import { oneOf } from "~/utils/query";
import { PROPOSAL_STATUSES } from "./proposal-schemas";

/** The register's filters from the query string (the page and its download read the same); anything unexpected is ignored. */
export function readProposalFilters(params: URLSearchParams) {
  return { status: oneOf(PROPOSAL_STATUSES, params.get("status")), overdue: params.get("overdue") === "1" };
}
