/** The proposals register: forwarded to agencies, answered, resolved or published; audited. */
import type { z } from "zod";
import { isInSubtree, opinionItemsVisibleTo, proposalsVisibleTo, subtreeRange, type Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db, type Db, type Tx } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { notFound } from "~/utils/http.server";
import { personalDataConfirmed, type Confirmable } from "~/forms/personal-data";
import type { answerProposalSchema, closeProposalSchema, createProposalSchema } from "./proposal-schemas";

const today = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

export function isOverdue(p: { status: string; dueOn: Date | string }, on = today()): boolean {
  return p.status === "forwarded" && new Date(p.dueOn).getTime() < on.getTime();
}

export async function listAgencies() {
  return db.agency.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

export type ProposalFilters = {
  status?: string;
  overdue?: boolean;
  /** Only proposals about this subtree (a quarterly report's scope), within the viewer's. */
  unitPath?: string;
  /** Only proposals forwarded in [from, before) (a quarterly report's quarter). */
  forwardedFrom?: Date;
  forwardedBefore?: Date;
};

/** The register grouped agency → issue → answer, as the board publishes it. */
export async function proposalsByAgency(viewer: Viewer, filters: ProposalFilters = {}, client: Db | Tx = db) {
  const rows = await client.proposal.findMany({
    where: {
      AND: [
        proposalsVisibleTo(viewer),
        filters.status ? { status: filters.status } : {},
        filters.overdue ? { status: "forwarded", dueOn: { lt: today() } } : {},
        filters.unitPath ? { unit: { path: subtreeRange(filters.unitPath) } } : {},
        filters.forwardedFrom || filters.forwardedBefore ? { forwardedOn: { gte: filters.forwardedFrom, lt: filters.forwardedBefore } } : {},
      ],
    },
    orderBy: [{ agency: { code: "asc" } }, { forwardedOn: "asc" }],
    select: {
      id: true,
      title: true,
      content: true,
      status: true,
      forwardedOn: true,
      dueOn: true,
      answerText: true,
      answeredOn: true,
      itemId: true,
      agency: { select: { id: true, code: true, name: true } },
      unit: { select: { code: true, name: true } },
    },
  });
  const groups: { agency: (typeof rows)[number]["agency"]; proposals: ((typeof rows)[number] & { overdue: boolean })[] }[] = [];
  for (const row of rows) {
    let group = groups.find((g) => g.agency.id === row.agency.id);
    if (!group) groups.push((group = { agency: row.agency, proposals: [] }));
    group.proposals.push({ ...row, overdue: isOverdue(row) });
  }
  return groups;
}

export async function getProposal(viewer: Viewer, id: number) {
  const proposal = await db.proposal.findFirst({
    where: { AND: [{ id }, proposalsVisibleTo(viewer)] },
    include: { agency: true, unit: { select: { code: true, name: true } }, item: { select: { id: true, title: true, reportId: true } } },
  });
  if (!proposal) notFound();
  return { ...proposal, overdue: isOverdue(proposal) };
}

/** Recorded in the audit entry when the author confirmed text the guard flags. */
const confirmation = (confirmed: boolean | undefined, texts: string[]) => (personalDataConfirmed(confirmed, texts) ? { personalDataConfirmed: true } : {});

export async function createProposal(viewer: Viewer, input: Confirmable<z.output<typeof createProposalSchema>>) {
  return db.$transaction(async (tx) => {
    const agency = await tx.agency.findUnique({ where: { code: input.agencyCode } });
    if (!agency || !agency.active) throw new FieldError("agencyCode", "proposals.errors.unknownAgency");
    const unit = await tx.unit.findUnique({ where: { code: input.unitCode } });
    if (!unit || !isInSubtree(viewer.unitPath, unit.path)) throw new FieldError("unitCode", "errors.unitNotFound");
    if (input.itemId) {
      const item = await tx.opinionItem.findFirst({ where: { AND: [{ id: input.itemId }, opinionItemsVisibleTo(viewer)] } });
      if (!item) throw new FieldError("itemId", "proposals.errors.unknownItem");
    }
    const proposal = await tx.proposal.create({
      data: {
        itemId: input.itemId ?? null,
        agencyId: agency.id,
        unitId: unit.id,
        title: input.title,
        content: input.content,
        forwardedOn: input.forwardedOn,
        dueOn: input.dueOn,
        createdById: viewer.id,
      },
    });
    await recordAudit(tx, { actorId: viewer.id, action: "proposal.forward", entityType: "Proposal", entityId: proposal.id, after: { agency: agency.code, unit: unit.code, title: input.title, dueOn: input.dueOn, ...confirmation(input.confirmNoPersonalData, [input.title, input.content]) } });
    return proposal;
  });
}

export async function answerProposal(viewer: Viewer, id: number, input: Confirmable<z.output<typeof answerProposalSchema>>) {
  await db.$transaction(async (tx) => {
    const before = await tx.proposal.findFirst({ where: { AND: [{ id }, proposalsVisibleTo(viewer)] } });
    if (!before) notFound();
    if (input.answeredOn < before.forwardedOn) throw new FieldError("answeredOn", "proposals.errors.answerBeforeForward");
    const status = before.status === "forwarded" ? "answered" : before.status;
    await tx.proposal.update({ where: { id }, data: { answerText: input.answerText, answeredOn: input.answeredOn, status } });
    await recordAudit(tx, { actorId: viewer.id, action: "proposal.answer", entityType: "Proposal", entityId: id, before: { status: before.status, answerText: before.answerText }, after: { status, answerText: input.answerText, answeredOn: input.answeredOn, ...confirmation(input.confirmNoPersonalData, [input.answerText]) } });
  });
}

export async function closeProposal(viewer: Viewer, id: number, input: z.output<typeof closeProposalSchema>) {
  await db.$transaction(async (tx) => {
    const before = await tx.proposal.findFirst({ where: { AND: [{ id }, proposalsVisibleTo(viewer)] } });
    if (!before) notFound();
    if (before.status === "forwarded") throw new FieldError("status", "proposals.errors.notAnswered");
    await tx.proposal.update({ where: { id }, data: { status: input.status, closedOn: new Date() } });
    await recordAudit(tx, { actorId: viewer.id, action: `proposal.${input.status}`, entityType: "Proposal", entityId: id, before: { status: before.status }, after: { status: input.status } });
  });
}

/** The opinion item a new proposal starts from, if the viewer may see it. */
export function findItemForProposal(viewer: Viewer, itemId: number) {
  return db.opinionItem.findFirst({
    where: { AND: [{ id: itemId }, opinionItemsVisibleTo(viewer)] },
    select: { id: true, title: true, proposal: true, summary: true, areaUnit: { select: { code: true } } },
  });
}
