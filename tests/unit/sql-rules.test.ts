// The SQL rules every raw query shares (app/db/sql-rules.server.ts), against a real database.
import { describe, expect, it } from "vitest";
import { subtreeRange } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { COUNTED_STATUSES_SQL_TEXT, inSubtreeSql, numberRows, TALLIES, tallyUpsertPositional, tallyUpsertRows, underRowSql } from "~/db/sql-rules.server";
import { Prisma } from "~/generated/prisma/client";
import { addUnit } from "./fixtures";

describe("the SQL rules", () => {
  it("select a subtree exactly as the gate's range does, by value and by row", async () => {
    const province = await addUnit(null, "P", "Tỉnh", "province");
    const a = await addUnit(province, "P.A");
    const a1 = await addUnit(a, "P.A1");
    await addUnit(province, "P.B");
    const byValue = numberRows(await db.$queryRaw<{ id: number | bigint }[]>`SELECT u."id" FROM "Unit" u WHERE ${inSubtreeSql(a.path)} ORDER BY u."id"`);
    expect(byValue.map((r) => r.id)).toEqual([a.id, a1.id]);
    const range = subtreeRange(a.path);
    expect((await db.unit.findMany({ where: { path: range }, orderBy: { id: "asc" } })).map((u) => u.id)).toEqual([a.id, a1.id]);
    const byRow = numberRows(await db.$queryRaw<{ id: number | bigint }[]>`
      SELECT u."id" FROM "Unit" c JOIN "Unit" u ON ${underRowSql("u", "c")} WHERE c."id" = ${a.id} ORDER BY u."id"`);
    expect(byRow.map((r) => r.id)).toEqual([a.id, a1.id]);
  });

  it("turn BigInt columns into numbers and leave the rest", () => {
    expect(numberRows([{ n: 3n, name: "x", id: 4 }])).toEqual([{ n: 3, name: "x", id: 4 }]);
    expect(COUNTED_STATUSES_SQL_TEXT).toBe("('submitted', 'accepted')");
  });

  it("write one tally upsert for both write paths", () => {
    expect(tallyUpsertPositional(TALLIES.units)).toBe(
      `INSERT INTO "SurveyUnitTally" ("surveyId", "unitId", "received", "counted", "accepted", "returned") VALUES (?, ?, ?, ?, ?, ?) ` +
        `ON CONFLICT ("surveyId", "unitId") DO UPDATE SET "received" = "SurveyUnitTally"."received" + excluded."received", ` +
        `"counted" = "SurveyUnitTally"."counted" + excluded."counted", "accepted" = "SurveyUnitTally"."accepted" + excluded."accepted", ` +
        `"returned" = "SurveyUnitTally"."returned" + excluded."returned"`,
    );
    const rows = tallyUpsertRows(TALLIES.answers, [Prisma.sql`(${1}, ${"Q1"}, ${"A"}, ${2}, ${1}, ${0})`]);
    expect(rows.sql).toContain(`INSERT INTO "SurveyTally" ("surveyId", "question", "option", "unitId", "count", "numSum") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT`);
  });
});
