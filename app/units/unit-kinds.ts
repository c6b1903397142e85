export const UNIT_KINDS = [
  "province",
  "commune",
  "ward",
  "special_zone",
  "party_committee",
  "mass_org",
  "other",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
