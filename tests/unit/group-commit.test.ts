import { describe, expect, it } from "vitest";
import { createGroupCommit, type BatchOutcome } from "~/db/group-commit.server";
import { db } from "~/db/db.server";
import { addUnit } from "./fixtures";

/** A batch writer that stores unit names in one transaction and refuses names starting with "!". */
function unitWriter(parentId: number, parentPath: string, batches: string[][]) {
  return createGroupCommit<string, number>(async (names) => {
    batches.push(names);
    return db.$transaction(async (tx) => {
      const outcomes: BatchOutcome<number>[] = [];
      for (const name of names) {
        if (name.startsWith("!")) {
          outcomes.push({ ok: false, error: new Error(`refused ${name}`) });
          continue;
        }
        if (name === "boom") throw new Error("the whole batch fails");
        const unit = await tx.unit.create({
          data: { code: name, name, kind: "commune", searchText: name, parentId, path: `${parentPath}x/`, depth: 1, validFrom: new Date() },
        });
        outcomes.push({ ok: true, value: unit.id });
      }
      return outcomes;
    });
  });
}

describe("group commit", () => {
  it("commits a lone request at once, and requests arriving meanwhile together in the next batch", async () => {
    const root = await addUnit(null, "R");
    const batches: string[][] = [];
    const submit = unitWriter(root.id, root.path, batches);
    const ids = await Promise.all(["A", "B", "C", "D"].map((name) => submit(name)));
    expect(new Set(ids).size).toBe(4);
    // The first goes alone; the three that arrived while it committed share one transaction.
    expect(batches).toEqual([["A"], ["B", "C", "D"]]);
    expect(await db.unit.count({ where: { code: { in: ["A", "B", "C", "D"] } } })).toBe(4);
  });

  it("refuses one request without failing the others of its batch", async () => {
    const root = await addUnit(null, "R");
    const submit = unitWriter(root.id, root.path, []);
    const results = await Promise.allSettled(["A", "B", "!bad", "C"].map((name) => submit(name)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(await db.unit.count({ where: { code: { in: ["A", "B", "C"] } } })).toBe(3);
  });

  it("rolls the whole batch back when the transaction fails, and every caller of it hears so", async () => {
    const root = await addUnit(null, "R");
    const submit = unitWriter(root.id, root.path, []);
    const first = submit("A");
    const batch = await Promise.allSettled(["B", "boom", "C"].map((name) => submit(name)));
    await first;
    expect(batch.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await db.unit.count({ where: { code: { in: ["B", "C"] } } })).toBe(0);
    // And the writer keeps working afterwards.
    await expect(submit("D")).resolves.toBeGreaterThan(0);
  });

  it("caps the batch size", async () => {
    const batches: string[][] = [];
    const submit = createGroupCommit<string, string>(async (names) => {
      batches.push(names);
      return names.map((value) => ({ ok: true, value }));
    }, { maxBatch: 2 });
    await Promise.all(["a", "b", "c", "d", "e"].map(submit));
    expect(batches.map((b) => b.length)).toEqual([1, 2, 2]);
  });
});
