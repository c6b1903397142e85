/**
 * Document titles in both languages. Remix's `meta` runs outside React (no i18next context) and
 * the browser loads only one language's dictionary, so the titles live here, keyed by page, with
 * the language read from the root loader through `matches`.
 */
import type { MetaArgs } from "@remix-run/node";

const TITLES = {
  login: ["Đăng nhập", "Sign in"],
  dashboard: ["Tổng quan", "Overview"],
  units: ["Đơn vị", "Units"],
  newUnit: ["Thêm đơn vị", "New unit"],
  accounts: ["Tài khoản", "Accounts"],
  newAccount: ["Tạo tài khoản", "New account"],
  audit: ["Nhật ký", "Audit log"],
  password: ["Đổi mật khẩu", "Change password"],
  surveys: ["Khảo sát", "Surveys"],
  newSurvey: ["Tạo khảo sát", "New survey"],
  surveyResults: ["Kết quả", "Results"],
  questionnaire: ["Phiếu khảo sát", "Questionnaire"],
  surveyReview: ["Duyệt phiếu", "Review questionnaires"],
  myReports: ["Báo cáo của tôi", "My reports"],
  newReport: ["Lập báo cáo", "New report"],
  report: ["Báo cáo", "Report"],
  inbox: ["Hộp báo cáo", "Report inbox"],
  completeness: ["Tiến độ báo cáo", "Completeness"],
  opinionSummary: ["Tổng hợp dư luận", "Opinion summary"],
  proposals: ["Kiến nghị", "Proposals"],
  proposal: ["Kiến nghị", "Proposal"],
  roster: ["Mạng lưới cộng tác viên", "Collaborators"],
  collaborator: ["Cộng tác viên", "Collaborator"],
  rosterImport: ["Nhập danh sách cộng tác viên", "Import collaborators"],
  topics: ["Chủ đề, kỳ báo cáo", "Topics and periods"],
  quarterlyReports: ["Báo cáo quý", "Quarterly reports"],
  quarterlyReport: ["Báo cáo quý", "Quarterly report"],
  meetingMode: ["Trình chiếu báo cáo quý", "Presenting the quarterly report"],
  outbox: ["Hộp thư đi", "Outbox"],
} as const satisfies Record<string, readonly [vi: string, en: string]>;

export type PageTitleKey = keyof typeof TITLES;

function languageOf(matches: MetaArgs["matches"]): "vi" | "en" {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: string } | undefined;
  return root?.lang === "en" ? "en" : "vi";
}

/**
 * The `<title>` of a page: "<name> · <page> · Dư luận" in the reader's language; `name` (a survey
 * title, a username) goes first when given.
 */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: PageTitleKey | null, name?: string | null) {
  const page = key ? TITLES[key][languageOf(args.matches) === "en" ? 1 : 0] : null;
  return [{ title: [name, page, "Dư luận"].filter(Boolean).join(" · ") }];
}
