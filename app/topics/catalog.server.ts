/** Managed lists: topics (with their active flag), social groups, agencies. Writes are audited. */
import type { z } from "zod";
import type { Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import type { createTopicSchema } from "./topic-schemas";

export async function listTopics(options: { activeOnly?: boolean } = {}) {
  return db.topic.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, nameVi: true, nameEn: true, group: true, active: true },
  });
}

export async function listSocialGroups() {
  return db.socialGroup.findMany({ where: { active: true }, orderBy: { id: "asc" }, select: { code: true, nameVi: true, nameEn: true } });
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
