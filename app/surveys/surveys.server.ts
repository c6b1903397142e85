/**
 * Survey definitions, lifecycle (draft → published → closed → archived), versions, waves and
 * assignment. Every query goes through the gate's survey scope; every write is audited in the
 * same transaction.
 */
import { Conflict, Invalid } from "~/errors/domain-errors";
import { surveysVisibleTo, unitsVisibleTo, type Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { errorKey } from "~/forms/zod";
import { notFound } from "~/utils/http.server";
import { changedCodes, definitionSchema, emptyDefinition, parseDefinitionJson, storedDefinitionSchema, type SurveyDefinition } from "./definition";
import { SURVEY_STEPS, type SurveyStep } from "./lifecycle";
import { isOpenForEntry } from "./storage.server";

export async function listSurveys(viewer: Viewer) {
  return db.survey.findMany({
    where: surveysVisibleTo(viewer),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, code: true, title: true, period: true, status: true, version: true, opensOn: true, closesOn: true },
    take: 200,
  });
}

/** A survey in the viewer's scope, or 404. */
export async function getSurvey(viewer: Viewer, id: number) {
  const survey = await db.survey.findFirst({
    where: { id, ...surveysVisibleTo(viewer) },
    include: {
      // Only the target units the viewer may see: a commune official reads their commune's quota, not the province's plan.
      targets: { where: { unit: unitsVisibleTo(viewer) }, include: { unit: { select: { id: true, code: true, name: true } } }, orderBy: { unit: { code: "asc" } } },
      versions: { select: { version: true, publishedAt: true }, orderBy: { version: "asc" } },
      previousWave: { select: { id: true, code: true, period: true } },
    },
  });
  if (!survey) notFound();
  return { ...survey, definition: storedDefinitionSchema.parse(JSON.parse(survey.definition)) };
}

export async function createSurvey(viewer: Viewer, input: { code: string; seriesCode: string; title: string; period: string }) {
  if (await db.survey.findUnique({ where: { code: input.code } })) throw new FieldError("code", "errors.codeTaken");
  return db.$transaction(async (tx) => {
    const survey = await tx.survey.create({
      data: { ...input, definition: JSON.stringify(emptyDefinition(input.title)), createdById: viewer.id },
    });
    await recordAudit(tx, { actorId: viewer.id, action: "survey.create", entityType: "Survey", entityId: survey.id, after: input });
    return survey.id;
  });
}

/**
 * Saves a definition (builder or JSON import). A draft changes in place; a published survey gets
 * a new frozen version, and the codes of every earlier version must keep their meaning
 * (changedCodes): answers of all versions are counted together.
 */
export async function saveDefinition(viewer: Viewer, id: number, text: string) {
  const parsed = parseDefinitionJson(text);
  if (!parsed.ok) throw new Invalid("surveys.errors.invalidDefinition", parsed.errors);
  const survey = await getSurvey(viewer, id);
  const def = parsed.definition;
  if (survey.status === "closed" || survey.status === "archived") {
    throw new Conflict("surveys.errors.notEditable", []);
  }
  const published = survey.status === "published";
  if (published) {
    const versions = await db.surveyVersion.findMany({ where: { surveyId: id }, orderBy: { version: "asc" }, select: { definition: true } });
    const earlier = versions.map((v) => storedDefinitionSchema.parse(JSON.parse(v.definition)));
    const { changed, reordered } = changedCodes(earlier, def);
    const errors = [
      ...(changed.length ? [{ path: "", message: errorKey("surveys.errors.codeTypeChanged", { codes: changed.join(", ") }) }] : []),
      ...(reordered.length ? [{ path: "", message: errorKey("surveys.errors.scaleReordered", { codes: reordered.join(", ") }) }] : []),
    ];
    if (errors.length) throw new Invalid("surveys.errors.codesChanged", errors);
  }
  const json = JSON.stringify(def);
  await db.$transaction(async (tx) => {
    const version = published ? survey.version + 1 : survey.version;
    await tx.survey.update({ where: { id }, data: { definition: json, version, title: def.title } });
    if (published) await tx.surveyVersion.create({ data: { surveyId: id, version, definition: json } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: published ? "survey.new_version" : "survey.edit",
      entityType: "Survey",
      entityId: id,
      after: { version, questions: def.questions.length },
    });
  });
}

/** One step of the lifecycle (lifecycle.ts), refused unless the survey is where the step starts. */
export async function changeStatus(viewer: Viewer, id: number, intent: SurveyStep) {
  const survey = await getSurvey(viewer, id);
  const step = SURVEY_STEPS[intent];
  if (survey.status !== step.from) throw new FieldError("intent", "surveys.errors.wrongStatus");
  if (intent === "publish") {
    if (survey.definition.questions.length === 0) throw new FieldError("intent", "surveys.errors.noQuestions");
    // A draft saved before a rule was added is checked again before it is frozen.
    if (!definitionSchema.safeParse(survey.definition).success) throw new FieldError("intent", "surveys.errors.invalidDefinition");
    if (survey.targets.length === 0 || !survey.opensOn) throw new FieldError("intent", "surveys.errors.noTargets");
  }
  await db.$transaction(async (tx) => {
    await tx.survey.update({ where: { id }, data: { status: step.to } });
    if (intent === "publish") {
      await tx.surveyVersion.create({ data: { surveyId: id, version: survey.version, definition: JSON.stringify(survey.definition) } });
    }
    await recordAudit(tx, { actorId: viewer.id, action: `survey.${intent}`, entityType: "Survey", entityId: id, before: { status: survey.status }, after: { status: step.to } });
  });
}

/** Target units (codes within the viewer's scope), quotas and dates. Replaces the previous list. */
export async function setAssignment(
  viewer: Viewer,
  id: number,
  input: { opensOn: Date; closesOn: Date; targets: { code: string; quota: number }[] },
) {
  const survey = await getSurvey(viewer, id);
  if (survey.status === "closed" || survey.status === "archived") throw new FieldError("targets", "surveys.errors.notEditable");
  const codes = input.targets.map((t) => t.code);
  const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
  if (repeated) throw new FieldError("targets", errorKey("surveys.errors.duplicateTargetUnit", { code: repeated }));
  const units = await db.unit.findMany({
    where: { code: { in: codes }, validTo: null, ...unitsVisibleTo(viewer) },
    select: { id: true, code: true },
  });
  const byCode = new Map(units.map((u) => [u.code, u.id]));
  const missing = codes.find((c) => !byCode.has(c));
  if (missing) throw new FieldError("targets", "surveys.errors.unknownTargetUnit");
  await db.$transaction(async (tx) => {
    await tx.survey.update({ where: { id }, data: { opensOn: input.opensOn, closesOn: input.closesOn } });
    await tx.surveyTarget.deleteMany({ where: { surveyId: id } });
    await tx.surveyTarget.createMany({
      data: input.targets.map((t) => ({ surveyId: id, unitId: byCode.get(t.code)!, quota: t.quota })),
    });
    await recordAudit(tx, { actorId: viewer.id, action: "survey.assign", entityType: "Survey", entityId: id, after: input });
  });
}

/** Copies a survey as the next wave of its series: same codes, same targets, a new draft. */
export async function copyAsNextWave(viewer: Viewer, id: number, input: { code: string; title: string; period: string }) {
  const survey = await getSurvey(viewer, id);
  if (await db.survey.findUnique({ where: { code: input.code } })) throw new FieldError("code", "errors.codeTaken");
  const definition: SurveyDefinition = { ...survey.definition, title: input.title };
  return db.$transaction(async (tx) => {
    const next = await tx.survey.create({
      data: {
        code: input.code,
        seriesCode: survey.seriesCode,
        title: input.title,
        period: input.period,
        definition: JSON.stringify(definition),
        previousWaveId: id,
        createdById: viewer.id,
        targets: { create: survey.targets.map((t) => ({ unitId: t.unitId, quota: t.quota })) },
      },
    });
    await recordAudit(tx, { actorId: viewer.id, action: "survey.next_wave", entityType: "Survey", entityId: next.id, after: { from: id, ...input } });
    return next.id;
  });
}

/** A collaborator's assigned surveys open for entry, with the unit's quota, progress and own count. */
export async function listAssignedOpen(viewer: Viewer) {
  const targets = await db.surveyTarget.findMany({
    where: { unitId: viewer.unitId, survey: { status: "published" } },
    select: { quota: true, survey: { select: { id: true, code: true, title: true, period: true, status: true, opensOn: true, closesOn: true } } },
  });
  const open = targets.filter((t) => isOpenForEntry(t.survey));
  const ids = open.map((t) => t.survey.id);
  const [unitTallies, mine] = await Promise.all([
    db.surveyUnitTally.findMany({ where: { surveyId: { in: ids }, unitId: viewer.unitId } }),
    db.surveyResponse.groupBy({ by: ["surveyId"], where: { surveyId: { in: ids }, collaboratorId: viewer.id }, _count: { _all: true } }),
  ]);
  return open.map((t) => ({
    ...t.survey,
    quota: t.quota,
    received: unitTallies.find((u) => u.surveyId === t.survey.id)?.received ?? 0,
    mine: mine.find((m) => m.surveyId === t.survey.id)?._count._all ?? 0,
  }));
}

/** The survey a collaborator fills in: assigned to their unit and open, with its current version. */
export async function getFillableSurvey(viewer: Viewer, id: number) {
  const target = await db.surveyTarget.findUnique({
    where: { surveyId_unitId: { surveyId: id, unitId: viewer.unitId } },
    select: { quota: true, survey: true },
  });
  if (!target || target.survey.status === "draft") notFound();
  const version = await db.surveyVersion.findUnique({ where: { surveyId_version: { surveyId: id, version: target.survey.version } } });
  if (!version) notFound();
  return {
    id,
    code: target.survey.code,
    title: target.survey.title,
    period: target.survey.period,
    open: isOpenForEntry(target.survey),
    version: version.version,
    definition: storedDefinitionSchema.parse(JSON.parse(version.definition)),
  };
}

/**
 * The question bank: questions of the other (published or closed) surveys, newest first, one per
 * code and text, so a new survey can reuse a question with its code and options.
 */
export async function questionBank(viewer: Viewer, exceptId: number) {
  const surveys = await db.survey.findMany({
    where: { ...surveysVisibleTo(viewer), id: { not: exceptId }, status: { in: ["published", "closed", "archived"] } },
    orderBy: { createdAt: "desc" },
    take: 30,
    select: { code: true, definition: true },
  });
  const seen = new Set<string>();
  const bank: { key: string; source: string; question: SurveyDefinition["questions"][number] }[] = [];
  for (const s of surveys) {
    const parsed = storedDefinitionSchema.safeParse(JSON.parse(s.definition));
    if (!parsed.success) continue;
    for (const q of parsed.data.questions) {
      const key = `${q.code}|${q.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Logic refers to the source survey's questions: a reused question starts without it.
      bank.push({ key, source: s.code, question: { ...q, showIf: undefined } });
    }
  }
  return bank.slice(0, 200);
}
