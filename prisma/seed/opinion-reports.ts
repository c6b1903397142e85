/**
 * Demo data for opinion reports: topics, social groups, agencies, monthly periods Jan 2025 – Dec 2026
 * (cut-off day 20), reports from most collaborators (some late, some missing) with skewed
 * topics and directions, a few urgent items, proposals in every status (some overdue), and
 * collaborator targets per unit. Deterministic; bulk writes keep it fast.
 */
import type { Tx } from "~/db/db.server";
import { bulkInsertReports, type BulkReport } from "~/opinion-reports/bulk.server";
import { CHANNELS, DIRECTIONS, PREVALENCES, QUALITIES, STRENGTHS } from "~/opinion-reports/report-vocab";
import { periodBounds } from "~/periods/period-math";
import { AGENCIES, DIRECTION_WEIGHTS, SOCIAL_GROUPS, TITLES, TOPICS } from "./opinion-reports-data";
import { seededRandom } from "./random";

const random = seededRandom(404);
const DAY = 86_400_000;
/** Periods up to this one are closed; later ones are open (the demo's "now" is late Nov 2026). */
const LAST_CLOSED = { year: 2026, month: 10 };
/** Reports are seeded up to this period; December 2026 is still to be filed. */
const LAST_SEEDED = { year: 2026, month: 11 };

const before = (a: { year: number; month: number }, b: { year: number; month: number }) =>
  a.year * 12 + a.month <= b.year * 12 + b.month;

export async function seedOpinionReports(tx: Tx) {
  await tx.topic.createMany({ data: TOPICS.map(({ weight: _w, ...t }, i) => ({ ...t, sortOrder: i + 1 })) });
  await tx.socialGroup.createMany({ data: [...SOCIAL_GROUPS] });
  await tx.agency.createMany({ data: [...AGENCIES] });
  const topics = await tx.topic.findMany({ orderBy: { sortOrder: "asc" } });
  const groups = await tx.socialGroup.findMany();
  const agencies = await tx.agency.findMany();
  const topicWeights = TOPICS.map((t) => t.weight);

  const units = await tx.unit.findMany({ select: { id: true, code: true, kind: true, path: true, depth: true, validTo: true } });
  const communes = units.filter((u) => ["commune", "ward", "special_zone"].includes(u.kind) && !u.validTo);
  await tx.unitCollaboratorTarget.createMany({
    data: units
      .filter((u) => !u.validTo)
      .map((u) => ({ unitId: u.id, target: u.depth === 0 ? 24 : u.kind === "ward" || u.kind === "special_zone" ? 3 : u.kind === "commune" ? 2 : u.depth === 1 ? 1 : 0 }))
      .filter((t) => t.target > 0),
  });

  const collaborators = await tx.account.findMany({
    where: { role: "collaborator", active: true, collaborator: { status: "active" } },
    orderBy: { id: "asc" },
    select: { id: true, username: true, unitId: true },
  });
  const unitById = new Map(units.map((u) => [u.id, u]));
  // Some collaborators rarely report: the completeness matrix has real gaps.
  const reliability = new Map(collaborators.map((c) => [c.id, random.next() < 0.12 ? 0.45 : 0.93]));

  let itemCount = 0;
  let periods = 0;
  const proposalSources: { itemTitle: string; unitId: number; topicCode: string; periodEnd: Date }[] = [];
  for (let year = 2025; year <= 2026; year++) {
    for (let month = 1; month <= 12; month++) {
      const bounds = periodBounds(year, month);
      const closed = before({ year, month }, LAST_CLOSED);
      const period = await tx.reportingPeriod.create({
        data: {
          year,
          month,
          quarter: bounds.quarter,
          quarterKey: bounds.quarterKey,
          cutoffDay: 20,
          startsOn: bounds.startsOn,
          endsOn: bounds.endsOn,
          deadline: bounds.deadline,
          status: closed ? "closed" : "open",
        },
      });
      periods++;
      await tx.reportExpectation.createMany({
        data: collaborators.map((c) => ({ periodId: period.id, collaboratorId: c.id, unitId: c.unitId })),
      });
      if (!before({ year, month }, LAST_SEEDED)) continue;
      const current = !closed;
      const reports: BulkReport[] = [];
      for (const c of collaborators) {
        const named = c.username === "ctv" || c.username === "ctv2";
        if (named ? current && c.username === "ctv" : random.next() > reliability.get(c.id)! * (current ? 0.6 : 1)) continue;
        const late = !named && !current && random.next() < 0.12;
        const submittedAt = new Date(
          late ? bounds.deadline.getTime() + random.int(1, 9) * DAY : bounds.endsOn.getTime() - random.int(0, 6) * DAY + 10 * 3_600_000,
        );
        const home = unitById.get(c.unitId)!;
        const areaPool = home.depth === 0 ? communes : [home];
        const items = Array.from({ length: random.int(1, 4) }, () => {
          const topicIndex = TOPICS.indexOf(random.weighted(TOPICS, topicWeights));
          const topic = topics[topicIndex]!;
          const meta = TOPICS[topicIndex]!;
          const area = random.pick(areaPool);
          const title = random.pick(TITLES[meta.code]!);
          const hasProposal = random.next() < 0.2;
          return {
            topicId: topic.id,
            areaUnitId: area.id,
            direction: random.weighted(DIRECTIONS, DIRECTION_WEIGHTS[meta.group]!),
            strength: random.weighted(STRENGTHS, [2, 5, 3]),
            prevalence: random.weighted(PREVALENCES, [1, 3, 4, 5]),
            channel: random.weighted(CHANNELS, [6, 3, 4, 2, 1]),
            verified: random.next() < 0.8,
            title,
            summary: `Nhân dân trên địa bàn quan tâm: ${title.toLowerCase()}; nhiều ý kiến đề nghị các cấp sớm có thông tin chính thức.`,
            proposal: hasProposal ? "Đề nghị cơ quan chức năng sớm trả lời, công khai thông tin cho nhân dân." : null,
            urgent: random.next() < 0.004,
            groupIds: [random.pick(groups).id, random.pick(groups).id],
          };
        });
        if (items.some((i) => i.proposal) && proposalSources.length < 40 && random.next() < 0.2) {
          const withProposal = items.find((i) => i.proposal)!;
          proposalSources.push({ itemTitle: withProposal.title, unitId: withProposal.areaUnitId, topicCode: TOPICS[topics.findIndex((t) => t.id === withProposal.topicId)]!.code, periodEnd: bounds.endsOn });
        }
        itemCount += items.length;
        reports.push({
          clientUuid: `seed-${year}-${month}-${c.id}`,
          period: { id: period.id, quarterKey: period.quarterKey },
          collaboratorId: c.id,
          unitId: c.unitId,
          submittedAt,
          timeliness: late ? "late" : "on_time",
          status: current ? "submitted" : "accepted",
          quality: current ? null : random.weighted(QUALITIES, [3, 5, 1]),
          urgent: current && random.next() < 0.02,
          items,
        });
      }
      await bulkInsertReports(tx, reports);
    }
  }

  // ctv2 files November's report so the secretariat has one to return in the demo.
  const ctv2 = collaborators.find((c) => c.username === "ctv2");
  const november = await tx.reportingPeriod.findUniqueOrThrow({ where: { year_month: { year: 2026, month: 11 } } });
  if (ctv2 && !(await tx.opinionReport.findUnique({ where: { monthlyKey: `${november.id}:${ctv2.id}` } }))) {
    itemCount += await bulkInsertReports(tx, [
      {
        clientUuid: "seed-ctv2-2026-11",
        period: { id: november.id, quarterKey: november.quarterKey },
        collaboratorId: ctv2.id,
        unitId: ctv2.unitId,
        submittedAt: new Date("2026-11-18T09:00:00Z"),
        timeliness: "on_time",
        items: [
          {
            topicId: topics[0]!.id,
            areaUnitId: ctv2.unitId,
            direction: "worried",
            strength: "moderate",
            prevalence: "many",
            channel: "direct",
            verified: false,
            title: "Giá điện tăng",
            summary: "Có ý kiến.",
          },
        ],
      },
    ]);
  }

  // Proposals forwarded to agencies, in every status; the oldest unanswered ones are overdue.
  const secretariat = await tx.account.findFirstOrThrow({ where: { username: "thuky" } });
  const statuses = ["forwarded", "answered", "resolved", "published"] as const;
  await tx.proposal.createMany({
    data: proposalSources.map((p, i) => {
      const status = statuses[i % 4]!;
      const forwardedOn = new Date(p.periodEnd.getTime() + 5 * DAY);
      const answered = status !== "forwarded";
      return {
        agencyId: agencies[i % agencies.length]!.id,
        unitId: p.unitId,
        title: p.itemTitle,
        content: `Đề nghị xem xét, giải quyết: ${p.itemTitle.toLowerCase()}.`,
        forwardedOn,
        dueOn: new Date(forwardedOn.getTime() + 30 * DAY),
        status,
        answerText: answered ? "Cơ quan đã tiếp thu, chỉ đạo các đơn vị liên quan kiểm tra, xử lý và thông tin công khai." : null,
        answeredOn: answered ? new Date(forwardedOn.getTime() + random.int(10, 45) * DAY) : null,
        closedOn: status === "resolved" || status === "published" ? new Date(forwardedOn.getTime() + 50 * DAY) : null,
        createdById: secretariat.id,
      };
    }),
  });
  // One proposal about the named accounts' commune (SH.X001), so its officials have one of their own.
  const commune1 = units.find((u) => u.code === "SH.X001");
  if (commune1) {
    await tx.proposal.create({
      data: {
        agencyId: agencies[0]!.id,
        unitId: commune1.id,
        title: "Đường liên thôn xuống cấp",
        content: "Đề nghị xem xét, sửa chữa đoạn đường liên thôn xuống cấp sau mùa mưa.",
        forwardedOn: new Date("2026-11-05T00:00:00Z"),
        dueOn: new Date("2026-12-05T00:00:00Z"),
        status: "forwarded",
        createdById: secretariat.id,
      },
    });
  }
  return { periods, items: itemCount, proposals: proposalSources.length + (commune1 ? 1 : 0) };
}
