import type { SubmissionResult } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { listPeriods, openPeriod, setPeriodStatus } from "~/periods/periods.server";
import { createAgency, createSocialGroup, createTopic, listAllAgencies, listSocialGroups, listTopics, setEntryActive, setTopicActive } from "~/topics/catalog.server";
import { createAgencySchema, createGroupSchema, createTopicSchema, openPeriodSchema, topicActionSchema, TOPIC_GROUPS } from "~/topics/topic-schemas";
import { CardForm } from "~/ui/card-form";
import { ReplyErrors, SelectField, TextField } from "~/ui/form-fields";
import { DataTable } from "~/ui/data-table";
import { z } from "~/forms/zod";
import { formatDay, formatQuarter } from "~/utils/dates";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "topics");

const periodActionSchema = z.union([
  openPeriodSchema.extend({ intent: z.literal("openPeriod") }),
  z.object({ intent: z.literal("setPeriodStatus"), periodId: z.coerce.number().int().positive(), status: z.enum(["open", "closed"]) }),
]);
const actionSchema = z.union([topicActionSchema, periodActionSchema]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "manageTopics");
  const now = new Date();
  return {
    topics: await listTopics(),
    groups: await listSocialGroups({ activeOnly: false }),
    agencies: await listAllAgencies(),
    periods: await listPeriods({ take: 36 }),
    nextYear: now.getUTCFullYear(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageTopics");
  return runFormThenRedirect(request, actionSchema, async (input) => {
    if (input.intent === "create") await createTopic(viewer, input);
    else if (input.intent === "toggle") await setTopicActive(viewer, input.code, input.active);
    else if (input.intent === "createGroup") await createSocialGroup(viewer, input);
    else if (input.intent === "createAgency") await createAgency(viewer, input);
    else if (input.intent === "toggleEntry") await setEntryActive(viewer, input.list, input.code, input.active);
    else if (input.intent === "openPeriod") await openPeriod(viewer, input);
    else await setPeriodStatus(viewer, input.periodId, input.status);
  }, "/topics");
}

export default function TopicsPage() {
  const { t, i18n } = useTranslation();
  const { topics, groups, agencies, periods, nextYear } = useLoaderData<typeof loader>();
  const addGroup = useFetcherForm("create-group", createGroupSchema);
  const addAgency = useFetcherForm("create-agency", createAgencySchema);
  const create = useFetcherForm("create-topic", createTopicSchema, { group: "society" });
  const open = useFetcherForm("open-period", openPeriodSchema, { year: String(nextYear), month: "", cutoffDay: "20" });
  const toggle = useFetcher<SubmissionResult<string[]>>();
  return (
    <>
      <PageHeader title={t("topics.title")} />
      <DataTable caption={t("topics.title")} columns={[t("topics.code"), t("topics.nameVi"), t("topics.nameEn"), t("topics.group"), t("reports.status")]}>
        {topics.map((topic) => (
          <tr key={topic.code}>
            <td><code>{topic.code}</code></td><td>{topic.nameVi}</td><td>{topic.nameEn}</td><td>{t(`topics.groups.${topic.group}`)}</td>
            <td><ActiveToggle intent="toggle" code={topic.code} active={topic.active} /></td>
          </tr>
        ))}
      </DataTable>
      <div className="card-grid">
        <CardForm form={create} id="add-topic" title={t("topics.add")} intent="create" submit={t("topics.add")}>
          <TextField label={t("topics.code")} field={create.fields.code} />
          <TextField label={t("topics.nameVi")} field={create.fields.nameVi} />
          <TextField label={t("topics.nameEn")} field={create.fields.nameEn} />
          <SelectField label={t("topics.group")} field={create.fields.group} options={TOPIC_GROUPS.map((g) => ({ value: g, label: t(`topics.groups.${g}`) }))} />
        </CardForm>
        <CardForm form={open} id="open-period" title={t("periods.open")} intent="openPeriod" submit={t("periods.openSubmit")}>
          <TextField label={t("periods.year")} field={open.fields.year} />
          <TextField label={t("periods.month")} field={open.fields.month} />
          <TextField label={t("periods.cutoffDay")} field={open.fields.cutoffDay} hint={t("periods.cutoffHint")} />
        </CardForm>
      </div>
      <h2>{t("topics.groupsTitle")}</h2>
      <EntryList list="group" entries={groups.map((g) => ({ code: g.code, name: i18n.language === "en" ? g.nameEn : g.nameVi, active: g.active }))} />
      <h2>{t("topics.agenciesTitle")}</h2>
      <EntryList list="agency" entries={agencies} />
      <div className="card-grid">
        <CardForm form={addGroup} id="add-group" title={t("topics.addGroup")} level={3} intent="createGroup" submit={t("topics.addGroup")}>
          <TextField label={t("topics.code")} field={addGroup.fields.code} />
          <TextField label={t("topics.nameVi")} field={addGroup.fields.nameVi} />
          <TextField label={t("topics.nameEn")} field={addGroup.fields.nameEn} />
        </CardForm>
        <CardForm form={addAgency} id="add-agency" title={t("topics.addAgency")} level={3} intent="createAgency" submit={t("topics.addAgency")}>
          <TextField label={t("topics.code")} field={addAgency.fields.code} />
          <TextField label={t("topics.agencyName")} field={addAgency.fields.name} />
        </CardForm>
      </div>
      <h2>{t("periods.title")}</h2>
      <ReplyErrors reply={toggle.state === "idle" ? toggle.data : undefined} />
      <DataTable caption={t("periods.title")} columns={[t("reports.period"), t("periods.quarter"), t("periods.range"), t("periods.deadline"), t("reports.status")]}>
        {periods.map((p) => (
          <tr key={p.id}>
            <td>{t("reports.periodName", { month: p.month, year: p.year })}</td>
            <td>{formatQuarter(p.year, p.quarter as 1 | 2 | 3 | 4, i18n.language)}</td>
            <td>{formatDay(p.startsOn)} – {formatDay(p.endsOn)}</td>
            <td>{formatDay(p.deadline)}</td>
            <td>
              <toggle.Form method="post">
                <input type="hidden" name="intent" value="setPeriodStatus" />
                <input type="hidden" name="periodId" value={p.id} />
                <input type="hidden" name="status" value={p.status === "open" ? "closed" : "open"} />
                {p.status === "open" ? t("periods.statusOpen") : t("periods.statusClosed")}{" "}
                <button type="submit" className="link-button" aria-label={`${p.status === "open" ? t("periods.close") : t("periods.reopen")} ${t("reports.periodName", { month: p.month, year: p.year })}`}>
                  {p.status === "open" ? t("periods.close") : t("periods.reopen")}
                </button>
              </toggle.Form>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** A managed list (social groups, agencies): code, name, and a retire / reuse switch. */
function EntryList({ list, entries }: { list: "group" | "agency"; entries: { code: string; name: string; active: boolean }[] }) {
  const { t } = useTranslation();
  const caption = list === "group" ? t("topics.groupsTitle") : t("topics.agenciesTitle");
  return (
    <DataTable caption={caption} columns={[t("topics.code"), t("topics.name"), t("reports.status")]}>
      {entries.map((entry) => (
        <tr key={entry.code}>
          <td><code>{entry.code}</code></td>
          <td>{entry.name}</td>
          <td><ActiveToggle intent="toggleEntry" list={list} code={entry.code} active={entry.active} /></td>
        </tr>
      ))}
    </DataTable>
  );
}

/** "In use · Retire" (or "Retired · Use again") for one entry of a managed list. */
function ActiveToggle({ intent, list, code, active }: { intent: "toggle" | "toggleEntry"; list?: string; code: string; active: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<SubmissionResult<string[]>>();
  const verb = active ? t("topics.deactivate") : t("topics.activate");
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {list ? <input type="hidden" name="list" value={list} /> : null}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      {active ? t("topics.active") : t("topics.inactive")}{" "}
      <button type="submit" className="link-button" aria-label={`${verb} ${code}`}>{verb}</button>
      <ReplyErrors reply={fetcher.state === "idle" ? fetcher.data : undefined} />
    </fetcher.Form>
  );
}
