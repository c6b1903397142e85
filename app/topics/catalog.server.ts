/** Managed lists: topics (with their active flag), social groups, agencies. Writes are audited. */
import type { z } from "zod";
import type { Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import type { createAgencySchema, createGroupSchema, createTopicSchema } from "./topic-schemas";

export async function listTopics(options: { activeOnly?: boolean } = {}) {
  return db.topic.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameVi: true, nameEn: true, group: true, active: true },
  });
}

export async function listSocialGroups(options: { activeOnly?: boolean } = { activeOnly: true }) {
  return db.socialGroup.findMany({ where: options.activeOnly ? { active: true } : {}, orderBy: { id: "asc" }, select: { code: true, nameVi: true, nameEn: true, active: true } });
}

export async function listAllAgencies() {
  return db.agency.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, active: true } });
}

export async function createSocialGroup(viewer: Viewer, input: z.output<typeof createGroupSchema>) {
  await db.$transaction(async (tx) => {
    if (await tx.socialGroup.findUnique({ where: { code: input.code } })) throw new FieldError("code", "topics.errors.codeTaken");
    const group = await tx.socialGroup.create({ data: { code: input.code, nameVi: input.nameVi, nameEn: input.nameEn } });
    await recordAudit(tx, { actorId: viewer.id, action: "social_group.create", entityType: "SocialGroup", entityId: group.id, after: group });
  });
}

export async function createAgency(viewer: Viewer, input: z.output<typeof createAgencySchema>) {
  await db.$transaction(async (tx) => {
    if (await tx.agency.findUnique({ where: { code: input.code } })) throw new FieldError("code", "topics.errors.codeTaken");
    const agency = await tx.agency.create({ data: { code: input.code, name: input.name } });
    await recordAudit(tx, { actorId: viewer.id, action: "agency.create", entityType: "Agency", entityId: agency.id, after: agency });
  });
}

export async function setEntryActive(viewer: Viewer, list: "group" | "agency", code: string, active: boolean) {
  await db.$transaction(async (tx) => {
    const entry = list === "group" ? await tx.socialGroup.findUnique({ where: { code } }) : await tx.agency.findUnique({ where: { code } });
    if (!entry) throw new FieldError("code", "topics.errors.unknown");
    if (list === "group") await tx.socialGroup.update({ where: { code }, data: { active } });
    else await tx.agency.update({ where: { code }, data: { active } });
    const entityType = list === "group" ? "SocialGroup" : "Agency";
    await recordAudit(tx, { actorId: viewer.id, action: `${list === "group" ? "social_group" : "agency"}.${active ? "activate" : "deactivate"}`, entityType, entityId: entry.id, before: { active: entry.active }, after: { active } });
  });
}

export async function createTopic(viewer: Viewer, input: z.output<typeof createTopicSchema>) {
  await db.$transaction(async (tx) => {
    if (await tx.topic.findUnique({ where: { code: input.code } })) throw new FieldError("code", "topics.errors.codeTaken");
    const last = await tx.topic.aggregate({ _max: { sortOrder: true } });
    const { intent: _intent, ...fields } = input;
    const topic = await tx.topic.create({ data: { ...fields, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
    await recordAudit(tx, { actorId: viewer.id, action: "topic.create", entityType: "Topic", entityId: topic.id, after: { code: input.code, nameVi: input.nameVi, nameEn: input.nameEn, group: input.group } });
  });
}

export async function setTopicActive(viewer: Viewer, code: string, active: boolean) {
  await db.$transaction(async (tx) => {
    const topic = await tx.topic.findUnique({ where: { code } });
    if (!topic) throw new FieldError("code", "topics.errors.unknown");
    await tx.topic.update({ where: { code }, data: { active } });
    await recordAudit(tx, { actorId: viewer.id, action: active ? "topic.activate" : "topic.deactivate", entityType: "Topic", entityId: topic.id, before: { active: topic.active }, after: { active } });
  });
}
