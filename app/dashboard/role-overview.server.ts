/**
 * The overview page as each role's starting point: what is due for a
 * collaborator, what waits for the secretariat, the quarter's headline for an official. Every
 * figure comes from an existing scoped query (the gate's filters, the opinion aggregates, the
 * completeness expectations); nothing here loads raw rows to count them.
 */
import { expectationsVisibleTo, proposalsVisibleTo, reportsVisibleTo, responsesVisibleTo, type Viewer } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { db } from "~/db/db.server";
import { countItemsByTopicDirection, countItemsByTopicWeight } from "~/opinion-reports/aggregates.server";
import { myReportingOverview } from "~/opinion-reports/reports.server";
import { DIRECTIONS, type Direction } from "~/opinion-reports/report-vocab";
import { summaryQuarters } from "~/periods/period-math";
import { latestDuePeriod, listPeriodDates } from "~/periods/periods.server";
import { itemWeight } from "~/quarterly-reports/weights";
import { listAssignedOpen } from "~/surveys/surveys.server";
import { todayInVietnam } from "~/utils/dates";

/** Due for a collaborator: reports to file (overdue ones marked), returned reports, survey quotas. */
export async function collaboratorOverview(viewer: Viewer, now = new Date()) {
  const [reporting, surveys, returnedResponses] = await Promise.all([
    myReportingOverview(viewer, now),
    listAssignedOpen(viewer),
    db.surveyResponse.count({ where: { AND: [responsesVisibleTo(viewer), { status: "returned" }] } }),
  ]);
  return {
    toFile: reporting.toFile.map((p) => ({ id: p.id, year: p.year, month: p.month, deadline: p.deadline, overdue: p.overdue })),
    returned: reporting.reports.filter((r) => r.status === "returned").map((r) => ({ id: r.id, period: r.period, returnComment: r.returnComment })),
    fastPeriodId: reporting.fastPeriod?.id ?? null,
    surveys: surveys.map((s) => ({ id: s.id, title: s.title, period: s.period, closesOn: s.closesOn, quota: s.quota, received: s.received, mine: s.mine })),
    returnedResponses,
  };
}

/** What waits for the secretariat in its subtree. */
export async function secretariatOverview(viewer: Viewer, now = new Date()) {
  const today = todayInVietnam(now);
  const [inbox, resubmitted, urgentReports, questionnaires, overdueProposals, notReported] = await Promise.all([
    db.opinionReport.count({ where: { AND: [reportsVisibleTo(viewer), { status: "submitted" }] } }),
    db.opinionReport.count({ where: { AND: [reportsVisibleTo(viewer), { status: "resubmitted" }] } }),
    db.opinionReport.count({ where: { AND: [reportsVisibleTo(viewer), { status: "submitted", urgent: true }] } }),
    can(viewer, "reviewSurveys") ? db.surveyResponse.count({ where: { AND: [responsesVisibleTo(viewer), { status: "submitted" }] } }) : Promise.resolve(0),
    db.proposal.count({ where: { AND: [proposalsVisibleTo(viewer), { status: "forwarded", dueOn: { lt: today } }] } }),
    unitsNotReported(viewer, now),
  ]);
  return { inbox, resubmitted, urgentReports, questionnaires, overdueProposals, notReported };
}

/**
 * The latest period whose deadline has passed, and how many units of the viewer's subtree have a
 * collaborator who was expected and did not report (counted by unit in SQL).
 */
async function unitsNotReported(viewer: Viewer, now: Date) {
  const period = await latestDuePeriod(now);
  if (!period) return null;
  const units = await db.reportExpectation.groupBy({
    by: ["unitId"],
    where: { AND: [expectationsVisibleTo(viewer), { periodId: period.id, outcome: "missing" }] },
  });
  return { period, units: units.length };
}

/**
 * An official's headline: the quarter the opinion summary opens on (the last closed one), its
 * reports received and completeness, the three heaviest topics with their leading direction, and
 * the overdue proposals.
 */
export async function officialOverview(viewer: Viewer, today = todayInVietnam()) {
  const periods = await listPeriodDates();
  const quarterKey = summaryQuarters(periods, today).defaultKey;
  if (quarterKey === undefined) return null;
  const periodIds = periods.filter((p) => p.quarterKey === quarterKey).map((p) => p.id);
  const [outcomes, counts, weights, topics, overdueProposals] = await Promise.all([
    db.reportExpectation.groupBy({ by: ["outcome"], where: { AND: [expectationsVisibleTo(viewer), { periodId: { in: periodIds } }] }, _count: { _all: true } }),
    countItemsByTopicDirection(quarterKey, viewer.unitPath),
    countItemsByTopicWeight(quarterKey, viewer.unitPath),
    db.topic.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true } }),
    db.proposal.count({ where: { AND: [proposalsVisibleTo(viewer), { status: "forwarded", dueOn: { lt: today } }] } }),
  ]);
  const outcome = (o: string) => outcomes.find((r) => r.outcome === o)?._count._all ?? 0;
  const expected = outcomes.reduce((s, r) => s + r._count._all, 0);
  const received = outcome("on_time") + outcome("late");
  const topConcerns = topics
    .map((topic) => {
      const own = counts.filter((c) => c.topicId === topic.id);
      const total = own.reduce((s, c) => s + c.count, 0);
      const weight = weights.filter((w) => w.topicId === topic.id).reduce((s, w) => s + itemWeight(w.prevalence, w.strength, w.count), 0);
      const leading = DIRECTIONS.map((d) => ({ direction: d as Direction, count: own.filter((c) => c.direction === d).reduce((s, c) => s + c.count, 0) })).sort((a, b) => b.count - a.count)[0]!;
      return { topic, total, weight, leading: { direction: leading.direction, share: total > 0 ? leading.count / total : 0 } };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => b.weight - a.weight || b.total - a.total)
    .slice(0, 3);
  return { quarterKey, expected, received, completeness: expected > 0 ? received / expected : null, items: counts.reduce((s, c) => s + c.count, 0), topConcerns, overdueProposals };
}
