// The Logs page (filters in the URL, CSV export, another tenant sees nothing) and the Account page
// (time zone and language applied to the dashboard, errors next to their fields), at desktop and
// phone size, each with an axe-core scan.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createSessionViaApi, expectOk, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

const ALICE = "15550100002";
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

async function expectNoSeriousViolations(page: Page) {
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  test(`${viewport.name}: the message log filters, pages and exports what was sent and received`, async ({ page }) => {
    test.setTimeout(120_000);
    const owner = newUser(`logs${viewport.name}`);
    const api = await registerOwnerViaApi(owner);
    const { sessionId } = await createSessionViaApi(api, "Log line");
    await expectOk(await api.patch(`/api/sessions/${sessionId}/settings`, { data: { config: { pacing: { enabled: false } } } }), "pacing off");
    await expectOk(await api.post(`/api/sessions/${sessionId}/connect`), "connect");
    await expectOk(await api.post(`/api/sandbox/sessions/${sessionId}/scan`, { data: {} }), "scan");
    await expect
      .poll(async () => (await expectOk<{ status: string }>(await api.get(`/api/sessions/${sessionId}/status`), "status")).status, { timeout: 30_000 })
      .toBe("CONNECTED");
    for (const text of ["Where is my parcel?", "Order 4411"])
      await expectOk(await api.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text } }), "alice writes");
    await expectOk(await api.post("/api/chat/send", { data: { sessionId, jid: ALICE, message: { text: "It ships today" } } }), "reply");
    await expect.poll(async () => (await expectOk<{ total: number }>(await api.get("/api/messages/log"), "log")).total).toBe(3);

    await page.setViewportSize(viewport);
    await signInWithForm(page, owner.username, owner.password);
    await expect(page).toHaveURL(/\/sessions$/);
    await page.goto("/logs");
    await expect(page.getByRole("heading", { name: "Logs", level: 1 })).toBeVisible();
    await expect(page.getByTestId("log-row")).toHaveCount(3);
    await expect(page.getByTestId("log-range")).toHaveText("1–3 of 3");

    await page.getByLabel("Direction").selectOption("in");
    await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/direction=in/);
    await expect(page.getByTestId("log-row")).toHaveCount(2);
    await page.getByLabel("Text").fill("parcel");
    await page.getByTestId("apply-filters").click();
    await expect(page.getByTestId("log-row")).toHaveCount(1);
    await expect(page.getByTestId("log-row")).toContainText("Where is my parcel?");

    // The export carries the same filters.
    const href = await page.getByTestId("export-csv").getAttribute("href");
    expect(href).toMatch(/format=csv/);
    expect(href).toMatch(/direction=in/);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Where is my parcel?");

    await page.goto("/logs?status=FAILED");
    await expect(page.getByTestId("log-empty")).toBeVisible();
    await page.goto("/logs");
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: `test-results/screenshots/${viewport.name}-logs.png`, fullPage: true });
    await api.dispose();
  });
}

test("another tenant's messages never appear in the log", async ({ page }) => {
  test.setTimeout(120_000);
  const first = await registerOwnerViaApi(newUser("logtenanta"));
  const { sessionId } = await createSessionViaApi(first, "Tenant A logs");
  await expectOk(await first.post(`/api/sessions/${sessionId}/connect`), "connect");
  await expectOk(await first.post(`/api/sandbox/sessions/${sessionId}/scan`, { data: {} }), "scan");
  await expect
    .poll(async () => (await expectOk<{ status: string }>(await first.get(`/api/sessions/${sessionId}/status`), "status")).status, { timeout: 30_000 })
    .toBe("CONNECTED");
  await expectOk(await first.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text: "tenant A secret" } }), "writes to A");
  await expect.poll(async () => (await expectOk<{ total: number }>(await first.get("/api/messages/log"), "log")).total).toBe(1);
  await first.dispose();

  const second = newUser("logtenantb");
  await (await registerOwnerViaApi(second)).dispose();
  await signInWithForm(page, second.username, second.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/logs?sessionId=${sessionId}&period=all`);
  await expect(page.getByTestId("log-empty")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("tenant A secret");
});

for (const viewport of VIEWPORTS) {
  test(`${viewport.name}: the account page saves time zone and language and shows errors next to fields`, async ({ page }) => {
    const owner = newUser(`acct${viewport.name}`);
    await (await registerOwnerViaApi(owner)).dispose();
    await page.setViewportSize(viewport);
    await signInWithForm(page, owner.username, owner.password);
    await expect(page).toHaveURL(/\/sessions$/);
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);

    // Password: both problems at once, each under its field.
    const password = page.getByTestId("password-form");
    await password.getByLabel("New password").fill("short");
    await password.getByRole("button", { name: "Change password" }).click();
    await expect(password.getByTestId("field-error")).toHaveText(["Is required to set a new password.", "Must be at least 8 characters."]);
    await expect(password.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    await password.getByLabel("Current password").fill("not-my-password");
    await password.getByLabel("New password").fill("a-long-enough-one");
    await password.getByRole("button", { name: "Change password" }).click();
    await expect(password.getByTestId("field-error")).toHaveText(["Is not correct."]);

    // Preferences: Tokyo and Indonesian; the page's language and the dates follow.
    const prefs = page.getByTestId("preferences-form");
    await prefs.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await prefs.getByLabel("Language").selectOption("id");
    await prefs.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.locator("html")).toHaveAttribute("data-time-zone", "Asia/Tokyo");
    // The page is in Indonesian now: the field by its test id.
    await expect(page.getByTestId("preferences-form").getByTestId("time-zone")).toHaveValue("Asia/Tokyo");
    await page.goto("/api-key");
    await page.goto("/sessions");
    await createAndSeeIndonesianDate(page);
  });
}

/** A session's "created" time, in Indonesian, in Tokyo time (the title holds the zone's name). */
async function createAndSeeIndonesianDate(page: Page) {
  const res = await page.request.post("/api/sessions", { data: { name: "Tokyo line" } });
  expect(res.status()).toBe(200);
  await page.goto("/sessions?view=cards");
  const time = page.getByTestId("session-card").filter({ hasText: "Tokyo line" }).getByTestId("local-time");
  await expect(time).toHaveAttribute("title", /Waktu Standar Jepang|Japan|GMT\+9/);
  await expect(time).toHaveText(/\b(Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des)\b/);
}
