// Roles and what each may do. Shared by server (enforcement) and UI (navigation).
export const ROLES = ["admin", "secretariat", "official", "collaborator"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}

export const CAPABILITIES = {
  /** Create, rename, move and merge units. */
  manageUnits: ["admin"],
  /** Create accounts, change roles, deactivate, reset passwords. */
  manageAccounts: ["admin"],
  /** Read the audit log. */
  readAudit: ["admin"],
  /** Browse the unit tree (read only). */
  browseUnits: ["admin", "secretariat", "official"],
  /** Create, edit, publish, assign, close and archive surveys. */
  designSurveys: ["admin", "secretariat"],
  /** Accept or return submitted questionnaires. */
  reviewSurveys: ["admin", "secretariat"],
  /** Fill in questionnaires in the field. */
  enterSurveys: ["collaborator"],
  /** Read and export survey results (within the viewer's subtree): aggregated figures only. */
  readSurveyResults: ["admin", "secretariat", "official"],
  /**
   * Download answer-level files (one row per questionnaire: unit, bands, free text): the answers
   * CSV and the XLSX's questionnaire sheet. Province-level admin and secretariat only
   * (docs/decisions/0016-answer-level-downloads.md).
   */
  downloadAnswers: ["admin", "secretariat"],
  /** File one's own periodic opinion reports. */
  fileReports: ["collaborator"],
  /** Read, rate, return and accept collaborators' reports. */
  reviewReports: ["admin", "secretariat"],
  /** Manage topics, social groups, agencies and reporting periods. */
  manageTopics: ["admin", "secretariat"],
  /** Manage the collaborator roster (edit, deactivate, import, export). */
  manageRoster: ["admin", "secretariat"],
  /** Forward proposals to agencies and record their answers. */
  manageProposals: ["admin", "secretariat"],
  /** Read completeness, the proposals register and opinion aggregates within one's scope. */
  readReportDashboards: ["admin", "secretariat", "official"],
  /** Compile quarterly reports, write their narrative and follow-up tasks, publish them. */
  compileQuarterlyReports: ["admin", "secretariat"],
  /** Read published quarterly reports within one's scope (drafts stay with the compilers). */
  readQuarterlyReports: ["admin", "secretariat", "official"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/**
 * Capabilities over what the whole province shares (survey definitions and their assignments,
 * topics, social groups, agencies, reporting periods). Their records have no unit to scope them
 * by, so only accounts at the province, the tree's root, hold them, whatever their role: an admin
 * or secretariat account placed at a commune manages its own subtree, not the province's surveys.
 * Answer-level downloads are held at the province too, for another reason: a file of whole
 * questionnaires (unit, bands, free text) identifies respondents in a small commune (0016).
 */
const PROVINCE_WIDE: readonly Capability[] = ["designSurveys", "manageTopics", "downloadAnswers"];

/** Who a capability is asked for: a role and the home unit's materialised path ("/1/17/"). */
export type CapabilityHolder = { role: Role; unitPath: string };

export function isProvinceLevel(unitPath: string): boolean {
  return unitPath.split("/").filter(Boolean).length === 1;
}

export function can(holder: CapabilityHolder, capability: Capability): boolean {
  if (!(CAPABILITIES[capability] as readonly Role[]).includes(holder.role)) return false;
  return !PROVINCE_WIDE.includes(capability) || isProvinceLevel(holder.unitPath);
}

export const COLLABORATOR_SECTORS = [
  "propaganda",
  "fatherland_front",
  "mass_org",
  "press",
  "science_arts",
  "other",
] as const;
export const COLLABORATOR_STATUSES = ["active", "paused", "ended"] as const;
