// The personal-data guard on survey free-text answers (docs/decisions/0015): a live warning, the
// form and the API refuse a flagged answer until the collaborator confirms it.
import { expect, test } from "./test";
import { queryOne, signInAs } from "./support";
import { publishSurveyFromJson } from "./surveys-support";

const definition = {
  title: "Phiếu kiểm tra thông tin cá nhân",
  questions: [
    { code: "Q1", type: "single", title: "Đời sống so với quý trước", required: true, options: [
      { code: "Q1_1", label: "Tốt hơn" }, { code: "Q1_2", label: "Như cũ" } ] },
    { code: "Q2", type: "longText", title: "Ý kiến khác", required: false },
  ],
};
const stored = (id: number) => queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "surveyId" = ?', id).n;

test("a flagged free-text answer is warned about while typing and sent only once the collaborator confirms", async ({ browser }) => {
  const office = await browser.newPage();
  const id = await publishSurveyFromJson(office, "KS.E2E.GUARD", definition);
  await office.close();
  const page = await browser.newPage();
  await signInAs(page, "ctv");
  await page.goto(`/surveys/${id}/fill`);
  await page.getByLabel("Nhóm tuổi").selectOption("30-44");
  await page.getByLabel("Giới tính").selectOption("female");
  await page.getByLabel("Nghề nghiệp").selectOption("farmer");
  await page.getByLabel("Khu vực").selectOption("rural");
  await page.getByRole("group", { name: /Q1\./ }).getByLabel("Tốt hơn").check();
  const note = page.getByLabel(/Q2\. Ý kiến khác/);
  await note.fill("Ông Nguyễn Văn An gọi 0912  345  678");
  const q2 = page.getByRole("group", { name: /Q2\./ });
  await expect(q2.getByRole("alert").filter({ hasText: "họ tên người, số điện thoại" })).toBeVisible();

  // Refused in the browser without the confirmation; the API refuses it too.
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(q2.getByText("Nội dung có vẻ chứa thông tin cá nhân")).toBeVisible();
  const origin = new URL(page.url()).origin;
  const api = await page.request.post("/api/surveys/responses", {
    headers: { Origin: origin },
    data: { uuid: "6b0f6c1e-2f7a-4c55-9d3e-0a1b2c3d4e5f", surveyId: id, version: 1, bands: { ageBand: "30-44", gender: "female", occupation: "farmer", area: "rural" }, answers: { Q1: "Q1_1", Q2: "an (at) gmail.com" } },
  });
  expect(api.status()).toBe(400);
  expect((await api.json()).errors).toEqual({ Q2: ["guard.refused"] });
  expect(stored(id)).toBe(0);

  await page.getByLabel("Tôi xác nhận các nội dung được cảnh báo không phải thông tin cá nhân của người dân").check();
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(page.getByRole("heading", { name: "Đã gửi phiếu" })).toBeVisible();
  expect(stored(id)).toBe(1);
});
