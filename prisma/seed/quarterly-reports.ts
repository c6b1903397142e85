/**
 * Demo data for the quarterly report: the province's report for Q2/2026,
 * with its narrative and the tasks set at the previous meeting, published once by the
 * secretariat — so that the demo, and the committee-pack tests, open a real published snapshot.
 */
import { viewerOfAccount } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { createQuarterlyReport, publishQuarterlyReport, saveNarrative } from "~/quarterly-reports/reports.server";

export const SEEDED_REPORT_QUARTER = 20262;

const NARRATIVE = {
  assessment: [
    "# Tình hình chung",
    "Trong quý II/2026, dư luận xã hội trên địa bàn tỉnh cơ bản ổn định; cán bộ, đảng viên và Nhân dân tin tưởng vào sự lãnh đạo của Tỉnh ủy.",
    "",
    "# Những vấn đề được quan tâm",
    "- Giá cả hàng hóa, dịch vụ thiết yếu tăng.",
    "- Tiến độ giải phóng mặt bằng các dự án giao thông trọng điểm.",
    "- Chất lượng khám, chữa bệnh ở tuyến xã sau sắp xếp đơn vị hành chính.",
  ].join("\n"),
  forecast: "Quý III/2026, dư luận tiếp tục quan tâm giá điện, học phí năm học mới và việc bố trí cán bộ ở các xã, phường mới.",
  recommendations: [
    "- Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành trả lời kiến nghị đúng hạn theo Quyết định 238-QĐ/TW.",
    "- Tăng cường thông tin về chính sách bồi thường, hỗ trợ tái định cư.",
  ].join("\n"),
  nextTasks: [
    "- Tổ chức điều tra dư luận về chất lượng dịch vụ y tế tuyến xã.",
    "- Kiện toàn mạng lưới cộng tác viên ở các đơn vị còn thiếu.",
  ].join("\n"),
};

export async function seedQuarterlyReports(): Promise<string> {
  const secretary = await db.account.findUniqueOrThrow({ where: { username: "thuky" }, select: { id: true, username: true, displayName: true, role: true, unitId: true, unit: { select: { name: true, path: true } } } });
  const viewer = viewerOfAccount(secretary);
  const report = await createQuarterlyReport(viewer, { intent: "create", unit: secretary.unitId, quarter: SEEDED_REPORT_QUARTER });
  await saveNarrative(viewer, report.id, { intent: "narrative", ...NARRATIVE });
  const tasks = [
    { task: "Rà soát, trả lời kiến nghị về giá dịch vụ y tế", dueOn: new Date("2026-05-31"), status: "done", note: "Sở Y tế đã trả lời bằng văn bản." },
    { task: "Tuyên truyền chính sách bồi thường dự án cao tốc", dueOn: new Date("2026-06-30"), status: "in_progress", note: null },
  ];
  const commune = await db.unit.findUniqueOrThrow({ where: { code: "SH.X001" }, select: { id: true } });
  for (const [i, t] of tasks.entries()) await db.followUpTask.create({ data: { ...t, reportId: report.id, responsibleUnitId: i === 0 ? secretary.unitId : commune.id } });
  await publishQuarterlyReport(viewer, report.id, 0, new Date("2026-07-10T02:00:00Z"));
  return `report ${report.id} (Q2/2026, province) published as version 1`;
}
