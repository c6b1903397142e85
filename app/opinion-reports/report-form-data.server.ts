/** What the report form needs: active topics, social groups and the areas the collaborator covers. */
import type { Viewer } from "~/access/gate.server";
import { listSocialGroups, listTopics } from "~/topics/catalog.server";
import { reportableAreas } from "./reports.server";

export async function reportFormOptions(viewer: Viewer, language: string) {
  const [topics, groups, areas] = await Promise.all([listTopics({ activeOnly: true }), listSocialGroups(), reportableAreas(viewer)]);
  const name = (x: { nameVi: string; nameEn: string }) => (language === "en" ? x.nameEn : x.nameVi);
  return {
    topics: topics.map((x) => ({ code: x.code, name: name(x) })),
    groups: groups.map((x) => ({ code: x.code, name: name(x) })),
    areas: areas.map((a) => ({ code: a.code, name: a.name })),
  };
}
