// Indonesian render of the Sessions, Webhooks, API keys, Account, Users, Audit log and Logs pages (an
// account that chose Indonesian, in an English browser: the account's choice wins), and of the
// signed-out pages (a browser asking for Indonesian): Indonesian headings and texts, Indonesian dates
// and numbers, and no serious or critical axe-core violation, at desktop and phone size.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

async function ok(response: APIResponse, what: string) {
  expect(response.status(), `${what}: ${await response.text()}`).toBeLessThan(300);
}

async function seriousViolations(page: Page, path: string): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const viewport of VIEWPORTS) {
  test(`${viewport.name}: an account in Indonesian sees its pages in Indonesian, with no serious axe violation`, async ({ browser }) => {
    test.setTimeout(180_000);
    const owner = newUser(`bahasa${viewport.name}`);
    const api = await registerOwnerViaApi(owner);
    const { sessionId } = await createSessionViaApi(api, "Jalur toko");
    await ok(await api.patch("/api/users/me", { data: { locale: "id" } }), "choose Indonesian");
    await ok(await api.post("/api/webhooks", { data: { name: "Server toko", url: "http://127.0.0.1:9/hook", events: ["message.received"] } }), "webhook");
    await ok(await api.post("/api/user/api-key"), "api key");
    await api.dispose();

    // An English browser: what the account chose decides.
    const context = await browser.newContext({ viewport, locale: "en-US" });
    const page = await context.newPage();
    await signInWithForm(page, owner.username, owner.password);
    await expect(page).toHaveURL(/\/sessions$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");

    const pages: Array<{ path: string; heading: string; texts: string[] }> = [
      { path: "/sessions", heading: "Sesi", texts: ["Sesi baru", "Kartu"] },
      { path: `/sessions/${sessionId}`, heading: "Jalur toko", texts: ["← Semua sesi", "Riwayat status", "Pengaturan", "Peristiwa langsung", "Tanda dibaca"] },
      { path: "/webhooks", heading: "Webhook", texts: ["Server toko", "Kirim uji", "Tambah webhook", "Semua sesi"] },
      { path: "/api-key", heading: "Kunci API", texts: ["Kunci bernama", "Memakai kunci Anda", "Terakhir dipakai"] },
      { path: "/account", heading: "Akun", texts: ["Zona waktu dan bahasa", "Ubah kata sandi", "Keluar dari semua perangkat"] },
      { path: "/users", heading: "Staf", texts: ["Belum ada staf", "Tambah anggota staf"] },
      { path: "/audit", heading: "Log audit", texts: ["Membuat sesi", "Menambahkan webhook", "Terapkan"] },
      { path: "/logs", heading: "Log", texts: ["Tidak ada pesan", "Terapkan filter", "Ekspor CSV"] },
    ];
    const problems: string[] = [];
    for (const { path, heading, texts } of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
      const main = page.locator("main");
      for (const text of texts) await expect(main.getByText(text, { exact: false }).filter({ visible: true }).first(), `${path}: ${text}`).toBeVisible();
      problems.push(...(await seriousViolations(page, path)));
    }
    expect(problems).toEqual([]);

    // Dates in Indonesian: "30 Nov 2026, 01.10" (a dot between hours and minutes); numbers with "dari".
    await page.goto("/audit");
    await expect(page.getByTestId("audit-range")).toHaveText(/^1–\d+ dari \d+$/);
    await expect(page.getByTestId("audit-row").first().getByTestId("local-time")).toHaveText(/\d{2}\.\d{2}\.\d{2}$/);
    // The audit filter speaks Indonesian too, and filters.
    await page.getByLabel("Tindakan").selectOption("webhook.created");
    await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/action=webhook.created/);
    await expect(page.getByTestId("audit-row")).toHaveCount(1);
    await expect(page.getByTestId("audit-row")).toContainText("Menambahkan webhook");

    // A dialog and a confirmation: Indonesian titles and buttons.
    await page.goto("/sessions");
    await page.getByTestId("create-session").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Sesi baru" })).toBeVisible();
    await expect(dialog.getByLabel("Nama")).toBeVisible();
    await dialog.getByRole("button", { name: "Batal" }).click();
    await expect(dialog).toBeHidden();
    await page.goto(`/sessions/${sessionId}`);
    await page.getByTestId("delete-session").click();
    const confirm = page.getByTestId("confirm-dialog").filter({ visible: true });
    await expect(confirm.getByRole("heading", { name: "Hapus “Jalur toko”?" })).toBeVisible();
    await expect(confirm).toContainText("obrolan, pesan dan media");
    await confirm.getByRole("button", { name: "Batal" }).click();
    await context.close();
  });
}

test("a browser asking for Indonesian gets sign-in, registration and 404 in Indonesian, with no serious axe violation", async ({ browser }) => {
  // Three pages, each checked by axe-core: on a loaded 2-core machine that took over the default 60 s (the tests above have 180 s).
  test.setTimeout(180_000);
  const context = await browser.newContext({ locale: "id-ID", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Masuk");
  await page.getByLabel("Nama pengguna atau email").fill("nobody-here");
  await page.getByLabel("Kata sandi").fill("wrong-password");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Nama pengguna/email atau kata sandi salah");
  problems.push(...(await seriousViolations(page, "/login")));

  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buat akun Anda");
  await expect(page.getByRole("button", { name: "Buat akun" })).toBeVisible();
  await expect(page.getByText("Minimal 8 karakter.")).toBeVisible();
  problems.push(...(await seriousViolations(page, "/register")));
  // The form's own checks (the API's zod schema, run before sending) speak Indonesian too.
  await page.getByLabel("Email").fill("nope");
  await expect(page.getByRole("button", { name: "Buat akun" })).toBeEnabled();
  await page.getByRole("button", { name: "Buat akun" }).click();
  const form = page.getByTestId("register-form");
  await expect(form.getByText("Harus berupa alamat email yang valid.")).toBeVisible();
  await expect(form.getByText("Wajib diisi.").first()).toBeVisible();

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  problems.push(...(await seriousViolations(page, "/no-such-page")));
  expect(problems).toEqual([]);
  await context.close();
});
