import { COLLABORATOR_SECTORS, COLLABORATOR_STATUSES } from "~/accounts/roles";
import { oneOf } from "~/utils/query";

/** Roster filters from the query string; anything unexpected is ignored. */
export function readRosterFilters(params: URLSearchParams) {
  const year = Number(params.get("termYear"));
  return {
    unitCode: params.get("unitCode")?.trim().slice(0, 32) || undefined,
    sector: oneOf(COLLABORATOR_SECTORS, params.get("sector")),
    status: oneOf(COLLABORATOR_STATUSES, params.get("status")),
    termYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
  };
}
