// The home page: the figures match what the test sent through the sandbox, move without a reload
// when a contact writes, link to the filtered lists, and another tenant's data never shows.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createSessionViaApi, expectOk, newUser, pairSandboxSession, registerOwnerViaApi, signInWithForm } from "./helpers";

const ALICE = "15550100002";

const stat = (page: import("@playwright/test").Page, id: string) => page.getByTestId(id).getByTestId("stat-value");

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`${viewport.name}: overview figures match what was sent and update live`, async ({ page }) => {
    test.setTimeout(120_000);
    const owner = newUser(`ov${viewport.name}`);
    const api = await registerOwnerViaApi(owner);
    const { sessionId } = await pairSandboxSession(api, "Front desk");
    await createSessionViaApi(api, "Spare line");
    // Two in, one out.
    for (const text of ["Hello", "Are you open?"])
      await expectOk(await api.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text } }), "alice writes");
    await expectOk(await api.post("/api/chat/send", { data: { sessionId, jid: ALICE, message: { text: "Yes, until 6" } } }), "reply");
    await expect
      .poll(async () => (await expectOk<{ messagesToday: { in: number; out: number } }>(await api.get("/api/overview"), "overview")).messagesToday)
      .toEqual({ in: 2, out: 1 });

    await page.setViewportSize(viewport);
    await signInWithForm(page, owner.username, owner.password);
    await expect(page).toHaveURL(/\/sessions$/);
    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    await expect(stat(page, "stat-sessions")).toHaveText("1 / 2");
    await expect(stat(page, "stat-in")).toHaveText("2");
    await expect(stat(page, "stat-out")).toHaveText("1");
    await expect(stat(page, "stat-failed-sends")).toHaveText("0");
    await expect(stat(page, "stat-failed-deliveries")).toHaveText("0");
    await expect(page.getByTestId("health-row")).toHaveCount(2);
    await expect(page.getByTestId("health-row").filter({ hasText: "Front desk" }).getByTestId("session-status")).toHaveText("Connected");
    // The chart's numbers are in its accessible table: 3 messages of "Front desk" today.
    await expect(page.locator("figure table tbody tr").filter({ hasText: "Front desk" }).locator("td").last()).toHaveText("3");
    await page.getByTestId("volume-hours").click();
    await expect(page.getByTestId("volume-hours")).toHaveAttribute("aria-pressed", "true");

    // Live: a new incoming message moves the counter without a reload.
    await expectOk(await api.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text: "Thanks!" } }), "alice writes again");
    await expect(stat(page, "stat-in")).toHaveText("3");

    await expect(page.getByTestId("stat-failed-sends")).toHaveAttribute("href", /\/logs\?.*status=FAILED/);

    const scan = await new AxeBuilder({ page }).analyze();
    const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/${viewport.name}-overview.png`, fullPage: true });
    await api.dispose();
  });
}

test("another tenant's sessions and messages never reach the overview", async ({ page }) => {
  test.setTimeout(120_000);
  const first = await registerOwnerViaApi(newUser("ovtenanta"));
  const { sessionId } = await pairSandboxSession(first, "Tenant A line");
  await expectOk(await first.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text: "secret" } }), "writes to A");
  await first.dispose();

  const second = newUser("ovtenantb");
  await (await registerOwnerViaApi(second)).dispose();
  await signInWithForm(page, second.username, second.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto("/overview");
  await expect(stat(page, "stat-sessions")).toHaveText("0 / 0");
  await expect(stat(page, "stat-in")).toHaveText("0");
  await expect(page.locator("body")).not.toContainText("Tenant A line");
});

test("dark mode renders the overview without serious contrast problems", async ({ browser }) => {
  const owner = newUser("ovdark");
  await (await registerOwnerViaApi(owner)).dispose();
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto("/overview");
  await expect(stat(page, "stat-in")).toHaveText("0");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/desktop-overview-dark.png", fullPage: true });
  await context.close();
});
