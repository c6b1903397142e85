/**
 * The columns of opinion report rows that every writer shares: the live filing path
 * (reports.server.ts) and the bulk writer of the seed and the benchmark (bulk.server.ts).
 */

/** The value of OpinionReport.monthlyKey: unique, so one monthly report per collaborator and period. */
export const monthlyKeyOf = (periodId: number, collaboratorId: number) => `${periodId}:${collaboratorId}`;

/** What an item says, as every writer has it (a filed report's item, a generated one). */
export type ItemFacts = {
  direction: string;
  strength: string;
  prevalence: string;
  channel: string;
  verified: boolean;
  title: string;
  summary: string;
  proposal?: string | null;
  urgent?: boolean;
};

/**
 * The columns of one OpinionItem row, shared by single filings and bulk writes: the period's
 * quarter is denormalised onto the item, and an urgent report makes every item urgent.
 */
export function opinionItemRow(
  at: { reportId: number; position: number; period: { id: number; quarterKey: number }; reportUrgent: boolean },
  codes: { topicId: number; areaUnitId: number },
  item: ItemFacts,
) {
  return {
    reportId: at.reportId,
    position: at.position,
    periodId: at.period.id,
    quarterKey: at.period.quarterKey,
    topicId: codes.topicId,
    areaUnitId: codes.areaUnitId,
    direction: item.direction,
    strength: item.strength,
    prevalence: item.prevalence,
    channel: item.channel,
    verified: item.verified,
    title: item.title,
    summary: item.summary,
    proposal: item.proposal ?? null,
    urgent: Boolean(at.reportUrgent || item.urgent),
  };
}
