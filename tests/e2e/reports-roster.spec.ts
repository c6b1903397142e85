import { expect, test, type Page } from "./test";
import { queryOne, signInAs } from "./support";

const HEADER = "username,displayName,unitCode,sector,status,termStart,termEnd";
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join("\n"), "utf8");
const count = (prefix: string) => queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "Account" WHERE username LIKE ?', `${prefix}%`).n;

async function choose(page: Page, name: string, buffer: Buffer, mimeType = "text/csv") {
  await page.getByLabel("Tệp danh sách").setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "Xem trước" }).click();
}

test("the roster import accepts a good file and rejects a bad one with row numbers, writing nothing", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.getByRole("link", { name: "Mạng lưới CTV" }).click();
  await page.getByRole("link", { name: "Nhập từ tệp" }).click();

  await choose(page, "xau.csv", csv(
    "ctv.e2ebad.a,Nguyễn Văn Thử,SH.X005,press,active,2026-01-01,2030-12-31",
    "ctv.e2ebad.b,Trần Thị Thử,SH.KHONGCO,press,active,2026-01-01,",
    "ctv.e2ebad.c,Lê Văn Thử,SH.X005,astrology,active,01/01/2026,",
  ));
  const errors = page.getByRole("table", { name: "Lỗi theo dòng — chưa có gì được nhập" });
  await expect(errors.getByRole("row", { name: /^3 unitCode/ })).toContainText("Không có đơn vị với mã này");
  await expect(errors.getByRole("row", { name: /^4 sector/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Nhập \d+ dòng/ })).toHaveCount(0);
  expect(count("ctv.e2ebad.")).toBe(0);
  // Forcing the import of the bad file is refused as a whole.
  const forced = await page.request.post("/roster/import", {
    multipart: { intent: "import", file: { name: "xau.csv", mimeType: "text/csv", buffer: csv("ctv.e2ebad.a,Nguyễn Văn Thử,SH.X005,press,active,2026-01-01,", "ctv.e2ebad.b,X,SH.KHONGCO,press,active,2026-01-01,") } },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(forced.status()).toBe(400);
  expect(count("ctv.e2ebad.")).toBe(0);

  await choose(page, "cot-sai.csv", Buffer.from("ten,don vi\nA,B\n"));
  await expect(page.getByRole("alert").filter({ hasText: "Thiếu cột" })).toBeVisible();
  await choose(page, "latin1.csv", Buffer.concat([Buffer.from(`${HEADER}\nctv.e2e.l,Nguy`), Buffer.from([0xea, 0x6e]), Buffer.from(",SH.X005,press,active,2026-01-01,\n")]));
  await expect(page.getByRole("alert").filter({ hasText: "không phải UTF-8" })).toBeVisible();
  await choose(page, "rac.csv", Buffer.alloc(10 * 1024 * 1024, "x"));
  await expect(page.getByRole("alert").filter({ hasText: "Tệp quá lớn" })).toBeVisible();

  await choose(page, "tot.csv", csv(
    "ctv.e2egood.a,Nguyễn Văn Mới,SH.X005,press,active,2026-01-01,2030-12-31",
    "ctv.e2egood.b,Phạm Thị Mới,SH.P004,mass_org,active,01/02/2026,",
  ));
  await expect(page.getByRole("heading", { name: "Xem trước: 2 dòng hợp lệ" })).toBeVisible();
  await page.getByRole("button", { name: "Nhập 2 dòng" }).click();
  await expect(page.getByText("Đã nhập: 2 thêm mới, 0 cập nhật.")).toBeVisible();
  expect(count("ctv.e2egood.")).toBe(2);
  const row = queryOne<{ sector: string; role: string }>(
    'SELECT p.sector, a.role FROM "Account" a JOIN "CollaboratorProfile" p ON p."accountId" = a.id WHERE a.username = ?',
    "ctv.e2egood.b",
  );
  expect(row).toEqual({ sector: "mass_org", role: "collaborator" });

  await page.goto("/roster?unitCode=SH.X005");
  await expect(page.getByRole("link", { name: "Nguyễn Văn Mới" })).toBeVisible();
});

test("the roster pages through every collaborator, keeping its filters", async ({ page }) => {
  // Term year 2025 keeps out the collaborators other tests import (their terms start in 2026).
  const total = queryOne<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Account" a JOIN "CollaboratorProfile" p ON p."accountId" = a.id
     WHERE a.role = 'collaborator' AND p."termStart" < '2026-01-01' AND (p."termEnd" IS NULL OR p."termEnd" >= '2025-01-01')`,
  ).n;
  const pages = Math.ceil(total / 100);
  expect(pages).toBeGreaterThan(1);
  await signInAs(page, "thuky");
  await page.goto("/roster");
  await page.getByLabel("Nhiệm kỳ gồm năm").fill("2025");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${total} cộng tác viên` })).toBeVisible();
  const table = page.getByRole("table", { name: "Mạng lưới cộng tác viên" });
  const nav = page.getByRole("navigation", { name: "Phân trang" });
  await expect(nav).toContainText(`Trang 1/${pages}`);
  await expect(table.locator("tbody tr")).toHaveCount(100);

  await nav.getByRole("link", { name: "Trang sau →" }).click();
  await expect(nav).toContainText(`Trang 2/${pages}`);
  expect(new URL(page.url()).searchParams.get("termYear")).toBe("2025");
  await expect(page.getByLabel("Nhiệm kỳ gồm năm")).toHaveValue("2025");
  await expect(table.locator("tbody tr")).toHaveCount(pages > 2 ? 100 : total - 100);
  await nav.getByRole("link", { name: "← Trang trước" }).click();
  await expect(nav).toContainText(`Trang 1/${pages}`);
});
