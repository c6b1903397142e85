import { db } from "~/db/db.server";
import { partyDocumentHeading, type PartyDocumentHeading } from "./party-document";

/**
 * The heading block of a report on `scope` (its name as the snapshot froze it): the unit's kind
 * and the name of the province at the top of its tree (the first id of its path). Only a name is
 * read above the viewer's subtree, and the province's name is on every document anyway.
 */
export async function partyDocumentHeadingFor(scope: { id: number; name: string }): Promise<PartyDocumentHeading> {
  const unit = await db.unit.findUniqueOrThrow({ where: { id: scope.id }, select: { kind: true, path: true } });
  const rootId = Number(unit.path.split("/")[1]);
  const root = rootId === scope.id ? { name: scope.name } : await db.unit.findUniqueOrThrow({ where: { id: rootId }, select: { name: true } });
  return partyDocumentHeading({ name: scope.name, kind: unit.kind }, root.name);
}
