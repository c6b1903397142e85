// The actions' form runner against the real unit-creation path: what the browser gets back for
// invalid input, for a rule the domain refuses, and after a save.
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { createUnitSchema } from "~/units/unit-schemas";
import { createUnit } from "~/units/units.server";
import { provinceWithTwoUnits, realViewerAt } from "./fixtures";

function post(fields: Record<string, string>) {
  return new Request("http://localhost/units/new", { method: "POST", body: new URLSearchParams(fields) });
}

async function createFrom(fields: Record<string, string>) {
  const { root } = await provinceWithTwoUnits();
  const viewer = await realViewerAt(root, "admin");
  return runFormThenRedirect(post(fields), createUnitSchema, (input) => createUnit(viewer, input), (unit) => `/units/${unit.id}`);
}

/** The 400 reply a failed run answers with: its status and Conform's reply (errors, values kept). */
function replyOf(outcome: unknown) {
  const failed = outcome as { init: { status: number }; data: { error?: Record<string, string[]>; initialValue?: Record<string, string> } };
  return { status: failed.init.status, errors: failed.data.error, values: failed.data.initialValue };
}

const VALID = { code: "A.1", name: "Xã Mới", kind: "commune", parentCode: "A", validFrom: "01/07/2025" };

describe("runFormThenRedirect", () => {
  it("opens the saved record's page", async () => {
    const outcome = await createFrom(VALID);
    const created = await db.unit.findUniqueOrThrow({ where: { code: "A.1" } });
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(302);
    expect((outcome as Response).headers.get("Location")).toBe(`/units/${created.id}`);
  });

  it("answers invalid input with field messages and the typed values, and saves nothing", async () => {
    const reply = replyOf(await createFrom({ ...VALID, validFrom: "31/02/2025" }));
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.errors ?? {})).toEqual(["validFrom"]);
    expect(reply.values).toMatchObject({ code: "A.1", name: "Xã Mới", validFrom: "31/02/2025" });
    expect(await db.unit.count({ where: { code: "A.1" } })).toBe(0);
  });

  it("puts a rule the domain refuses on its field (a code already taken)", async () => {
    const reply = replyOf(await createFrom({ ...VALID, code: "B" }));
    expect(reply.status).toBe(400);
    expect(reply.errors).toEqual({ code: ["errors.codeTaken"] });
    expect(reply.values).toMatchObject({ code: "B", name: "Xã Mới" });
    expect(await db.unit.count({ where: { name: "Xã Mới" } })).toBe(0);
  });
});
