/**
 * Builds the demo province "Sơn Hà" inside a transaction: units (with the 2025 merger lineage),
 * named demo accounts and collaborators. Deterministic. Used by the demo seed and the benchmark's
 * data generator (which asks for more collaborators per commune).
 */
import { hashPassword } from "~/auth/password.server";
import type { Tx } from "~/db/db.server";
import { unitSearchText } from "~/units/units.server";
import {
  AFFILIATED_COMMITTEES,
  DEMO_PASSWORD,
  GIVEN_NAMES,
  MASS_ORGANISATIONS,
  MIDDLE_NAMES,
  PLACE_FIRST,
  PLACE_SECOND,
  PROVINCE,
  SECTORS,
  SURNAMES,
} from "./province-data";
import { seededRandom } from "./random";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const REFORM_DAY = day("2025-07-01"); // two-tier local government takes effect
const OLD_FOUNDING = day("2008-01-01");
let random = seededRandom(2025);

export type SeededUnit = { id: number; code: string; path: string; depth: number };

async function insertUnit(
  tx: Tx,
  parent: SeededUnit | null,
  unit: { code: string; name: string; kind: string; validFrom?: Date; validTo?: Date },
): Promise<SeededUnit> {
  const created = await tx.unit.create({
    data: {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      searchText: unitSearchText(unit.code, unit.name),
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      path: "",
      validFrom: unit.validFrom ?? REFORM_DAY,
      validTo: unit.validTo ?? null,
    },
  });
  const path = `${parent?.path ?? "/"}${created.id}/`;
  await tx.unit.update({ where: { id: created.id }, data: { path } });
  return { id: created.id, code: unit.code, path, depth: created.depth };
}

/** 120 distinct place names from the syllable lists, in a fixed shuffled order. */
function placeNames(count: number): string[] {
  const all = PLACE_FIRST.flatMap((a) => PLACE_SECOND.map((b) => `${a} ${b}`));
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}

async function seedTerritorialUnits(tx: Tx, province: SeededUnit) {
  const names = placeNames(120);
  const communes: SeededUnit[] = [];
  for (const [index, place] of names.entries()) {
    const n = index + 1;
    // Every 4th unit is a ward (phường), the last one the special zone (đặc khu).
    const kind = n === names.length ? "special_zone" : n % 4 === 0 ? "ward" : "commune";
    const prefix = kind === "ward" ? "Phường" : kind === "special_zone" ? "Đặc khu" : "Xã";
    const letter = kind === "ward" ? "P" : kind === "special_zone" ? "DK" : "X";
    const code = `SH.${letter}${String(n).padStart(3, "0")}`;
    communes.push(await insertUnit(tx, province, { code, name: `${prefix} ${place}`, kind }));
  }
  return communes;
}

/**
 * The 1 July 2025 merger: the first twelve new units each absorbed two or three old communes or
 * wards. Old names repeat ("Phường 1" existed in two old towns): codes tell them apart.
 */
async function seedMergerLineage(tx: Tx, province: SeededUnit, communes: SeededUnit[]) {
  let oldIndex = 0;
  for (const successor of communes.slice(0, 12)) {
    const predecessors = random.int(2, 3);
    for (let k = 0; k < predecessors; k++) {
      oldIndex += 1;
      const isWard = successor.code.includes(".P");
      const name = isWard ? `Phường ${(oldIndex % 3) + 1}` : `Xã ${random.pick(PLACE_FIRST)} ${random.pick(PLACE_SECOND)} (cũ)`;
      const old = await insertUnit(tx, province, {
        code: `SH.OLD${String(oldIndex).padStart(3, "0")}`,
        name,
        kind: isWard ? "ward" : "commune",
        validFrom: OLD_FOUNDING,
        validTo: REFORM_DAY,
      });
      await tx.unitLineage.create({
        data: { predecessorId: old.id, successorId: successor.id, effectiveOn: REFORM_DAY },
      });
    }
  }
}

async function seedAffiliatedBodies(tx: Tx, province: SeededUnit) {
  const bodies: SeededUnit[] = [];
  for (const committee of AFFILIATED_COMMITTEES) {
    const parent = await insertUnit(tx, province, { code: committee.code, name: committee.name, kind: "party_committee" });
    bodies.push(parent);
    for (const [i, child] of committee.children.entries()) {
      await insertUnit(tx, parent, { code: `${committee.code}.${String(i + 1).padStart(2, "0")}`, name: child, kind: "party_committee" });
    }
  }
  for (const org of MASS_ORGANISATIONS) bodies.push(await insertUnit(tx, province, { ...org, kind: "mass_org" }));
  return bodies;
}

function personName(): string {
  return `${random.pick(SURNAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;
}

async function seedAccounts(tx: Tx, province: SeededUnit, communes: SeededUnit[], bodies: SeededUnit[], collaboratorsPerCommune: [number, number]) {
  // One hash for every demo account: Argon2id costs ~50 ms, and a demo needs no per-user salt.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const commune1 = communes[0]!;
  const ward = communes.find((c) => c.code.includes(".P"))!;
  const named = [
    { username: "admin", displayName: "Quản trị hệ thống", role: "admin", unitId: province.id },
    { username: "thuky", displayName: "Lê Thu Hà (Tổ thư ký)", role: "secretariat", unitId: province.id },
    { username: "thuky2", displayName: "Phạm Minh Đức (Tổ thư ký)", role: "secretariat", unitId: province.id },
    { username: "lanhdao", displayName: "Trần Quốc Hùng (Lãnh đạo Ban)", role: "official", unitId: province.id },
    { username: "lanhdao.xa", displayName: "Võ Thanh Tâm (Lãnh đạo xã)", role: "official", unitId: commune1.id },
    // Commune-level admin and secretariat: the access matrix (tests/e2e/access-matrix.spec.ts)
    // signs in a province and a commune account of every role.
    { username: "admin.xa", displayName: "Đinh Công Bằng (Quản trị xã)", role: "admin", unitId: commune1.id },
    { username: "thuky.xa", displayName: "Mai Thị Hoa (Thư ký xã)", role: "secretariat", unitId: commune1.id },
  ];
  for (const account of named) await tx.account.create({ data: { ...account, passwordHash } });

  const collaborators: { username: string; unitId: number }[] = [
    { username: "ctv", unitId: commune1.id },
    { username: "ctv2", unitId: ward.id },
  ];
  // ~30 at provincial level and in affiliated bodies, 2–3 in most communes, none in a few (thin units).
  for (let i = 1; i <= 24; i++) collaborators.push({ username: `ctv.tinh${String(i).padStart(2, "0")}`, unitId: province.id });
  for (const body of bodies) collaborators.push({ username: `ctv.${body.code.slice(3).toLowerCase()}.1`, unitId: body.id });
  for (const commune of communes) {
    const count = random.next() < 0.08 ? 0 : random.int(...collaboratorsPerCommune);
    for (let k = 1; k <= count; k++) {
      collaborators.push({ username: `ctv.${commune.code.slice(3).toLowerCase()}.${k}`, unitId: commune.id });
    }
  }
  for (const c of collaborators) {
    await tx.account.create({
      data: {
        ...c,
        displayName: personName(),
        role: "collaborator",
        passwordHash,
        collaborator: {
          create: {
            sector: random.pick(SECTORS),
            status: random.next() < 0.06 ? "paused" : "active",
            termStart: day("2025-10-01"),
            termEnd: day("2030-09-30"),
          },
        },
      },
    });
  }
  return named.length + collaborators.length;
}

export type SeededProvince = {
  province: SeededUnit;
  communes: SeededUnit[];
  bodies: SeededUnit[];
  accounts: number;
};

export async function seedProvince(
  tx: Tx,
  { collaboratorsPerCommune = [2, 3] as [number, number] } = {},
): Promise<SeededProvince> {
  random = seededRandom(2025);
  const province = await insertUnit(tx, null, { code: PROVINCE.code, name: PROVINCE.name, kind: "province" });
  const communes = await seedTerritorialUnits(tx, province);
  await seedMergerLineage(tx, province, communes);
  const bodies = await seedAffiliatedBodies(tx, province);
  const accounts = await seedAccounts(tx, province, communes, bodies, collaboratorsPerCommune);
  return { province, communes, bodies, accounts };
}
