import { describe, expect, it } from "vitest";
import { db, withExclusiveConnection, withGroupCommit } from "~/db/db.server";
import { addUnit } from "./fixtures";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newUnit(code: string) {
  return db.unit.create({
    data: { code, name: code, kind: "commune", searchText: code.toLowerCase(), path: `/${code}/`, depth: 1, validFrom: new Date() },
  });
}

/** A promise and the function that resolves it (a step another piece of work waits for). */
function signal() {
  let resolve!: () => void;
  const reached = new Promise<void>((r) => (resolve = r));
  return { reached, resolve };
}

/**
 * Another request's Prisma transaction on a fresh unit "R", open when this returns (it has
 * written inside it: however slow the machine, it holds the connection): it renames the unit to
 * `name`, stays open `ms`, then commits (noted in `order`), and `committed` settles.
 */
async function openPrismaTransaction(name: string, ms: number) {
  const root = await addUnit(null, "R");
  const order: string[] = [];
  const open = signal();
  const committed = db.$transaction(async (tx) => {
    await tx.unit.update({ where: { id: root.id }, data: { name } });
    open.resolve();
    await sleep(ms);
    order.push("prisma commits");
  });
  await open.reached;
  return { root, order, committed };
}

describe("one connection, one user at a time", () => {
  it("a write made while another request's transaction is open survives that transaction's rollback", async () => {
    const root = await addUnit(null, "R");
    const order: string[] = [];
    const open = signal();
    const failing = db
      .$transaction(async (tx) => {
        await tx.unit.update({ where: { id: root.id }, data: { name: "changed in A" } });
        open.resolve();
        await sleep(100);
        order.push("A rolls back");
        throw new Error("A fails");
      })
      .catch(() => "A rolled back");
    await open.reached;
    await newUnit("B");
    order.push("B stored");
    expect(await failing).toBe("A rolled back");
    // B waited for A to finish instead of joining (and dying with) A's transaction.
    expect(order).toEqual(["A rolls back", "B stored"]);
    expect(await db.unit.count({ where: { code: "B" } })).toBe(1);
    expect((await db.unit.findUniqueOrThrow({ where: { id: root.id } })).name).toBe("R");
  });

  it("lends the raw connection for one synchronous transaction, never inside an open Prisma transaction", async () => {
    const { root, order, committed } = await openPrismaTransaction("by Prisma", 80);
    const id = await withExclusiveConnection((raw) => {
      order.push("raw runs");
      const row = raw.prepare(`SELECT "name" FROM "Unit" WHERE "id" = ?`).get(root.id) as { name: string };
      raw.prepare(`UPDATE "Unit" SET "name" = ? WHERE "id" = ?`).run(`${row.name} + raw`, root.id);
      return (raw.prepare(`SELECT "id" FROM "Unit" WHERE "id" = ?`).get(root.id) as { id: number }).id;
    });
    // Plain numbers, not the BigInts Prisma's adapter reads.
    expect(typeof id).toBe("number");
    await committed;
    expect(order).toEqual(["prisma commits", "raw runs"]);
    expect((await db.unit.findUniqueOrThrow({ where: { id } })).name).toBe("by Prisma + raw");
  });

  it("rolls the raw work back when it throws", async () => {
    const root = await addUnit(null, "R");
    await expect(
      withExclusiveConnection((raw) => {
        raw.prepare(`UPDATE "Unit" SET "name" = 'lost' WHERE "id" = ?`).run(root.id);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect((await db.unit.findUniqueOrThrow({ where: { id: root.id } })).name).toBe("R");
  });

  it("group commit: concurrent jobs share one transaction, each in its own savepoint", async () => {
    const root = await addUnit(null, "R");
    const rename = (name: string) => (raw: Parameters<Parameters<typeof withGroupCommit>[0]>[0]) => {
      raw.prepare(`UPDATE "Unit" SET "name" = "name" || ? WHERE "id" = ?`).run(name, root.id);
      if (name === "!") throw new Error("refused");
      return { name: (raw.prepare(`SELECT "name" FROM "Unit" WHERE "id" = ?`).get(root.id) as { name: string }).name, inTransaction: raw.inTransaction };
    };
    const outcomes = await Promise.allSettled([withGroupCommit(rename("a")), withGroupCommit(rename("!")), withGroupCommit(rename("b"))]);
    // Jobs run in arrival order and see the ones before them; the refused one left nothing.
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value.name : String(o.reason)))).toEqual(["Ra", "Error: refused", "Rab"]);
    expect(outcomes.every((o) => o.status === "rejected" || o.value.inTransaction)).toBe(true);
    // Settled means committed: another reader sees both jobs' writes.
    expect((await db.unit.findUniqueOrThrow({ where: { id: root.id } })).name).toBe("Rab");
  });

  it("group commit: a job never runs inside another request's open Prisma transaction", async () => {
    const { root, order, committed } = await openPrismaTransaction("P", 60);
    await withGroupCommit((raw) => {
      order.push("group runs");
      raw.prepare(`UPDATE "Unit" SET "name" = "name" || '+g' WHERE "id" = ?`).run(root.id);
    });
    await committed;
    expect(order).toEqual(["prisma commits", "group runs"]);
    expect((await db.unit.findUniqueOrThrow({ where: { id: root.id } })).name).toBe("P+g");
  });
});
