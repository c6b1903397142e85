import { COLLABORATOR_SECTORS, COLLABORATOR_STATUSES } from "~/accounts/roles";

/** Roster filters from the query string; anything unexpected is ignored. */
export function readRosterFilters(params: URLSearchParams) {
  const sector = params.get("sector") ?? "";
  const status = params.get("status") ?? "";
  const year = Number(params.get("termYear"));
  return {
    unitCode: params.get("unitCode")?.trim().slice(0, 32) || undefined,
    sector: (COLLABORATOR_SECTORS as readonly string[]).includes(sector) ? sector : undefined,
    status: (COLLABORATOR_STATUSES as readonly string[]).includes(status) ? status : undefined,
    termYear: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
  };
}
