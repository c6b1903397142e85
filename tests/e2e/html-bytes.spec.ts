// Every page's HTML as the server sends it: valid UTF-8 with no NUL byte. React 18.3's streaming
// renderer used to pad chunks with zeros before accented letters, which
// screen readers read out ("chưa báo c�áo").
import { expect, test } from "./test";
import { admin, collaboratorOnPhone, official, secretariat, type Walk } from "./pages";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function checkBytes(title: string, pages: Walk) {
  test(title, async ({ page }) => {
    for (const [label, url] of Object.entries(pages)) {
      const response = await page.request.get(url(), { headers: { Accept: "text/html" } });
      const bytes = await response.body();
      expect.soft(response.status(), label).toBe(200);
      expect.soft(bytes.indexOf(0), `${label}: first NUL byte`).toBe(-1);
      expect.soft(() => utf8.decode(bytes), `${label}: UTF-8`).not.toThrow();
    }
  });
}

test.describe("signed-in pages", () => {
  for (const [title, account, pages] of [
    ["admin", "admin", admin],
    ["secretariat", "thuky", secretariat],
    ["official", "lanhdao", official],
    ["collaborator", "ctv", collaboratorOnPhone],
  ] as const) {
    test.describe(title, () => {
      test.use({ account });
      checkBytes("every page is valid UTF-8 without NUL bytes", pages);
    });
  }
});

test("the sign-in page is valid UTF-8 without NUL bytes", async ({ request }) => {
  const bytes = await (await request.get("/login")).body();
  expect(bytes.indexOf(0)).toBe(-1);
  expect(() => utf8.decode(bytes)).not.toThrow();
});
