// The webhook page: deliveries and counters appear live (no Refresh), times carry seconds, a test
// result says each fact once, events are grouped under plain headings with each name once, and a
// dialog opened from the empty state is not centred.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createSessionViaApi, expectOk, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

const ALICE = "15550100002";

/** A webhook receiver on loopback answering `status`; counts what it got. */
async function receiver(status: () => number): Promise<{ url: string; received: unknown[]; close: () => Promise<void> }> {
  const received: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push(JSON.parse(body || "null"));
      res.statusCode = status();
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((r) => server.close(() => r())) };
}

test("a delivery and its counters appear without a reload; test results and times read well", async ({ page }) => {
  test.setTimeout(120_000);
  const owner = newUser("hooks");
  const api = await registerOwnerViaApi(owner);
  const { sessionId } = await createSessionViaApi(api, "Hooked line");
  await expectOk(await api.patch(`/api/sessions/${sessionId}/settings`, { data: { config: { pacing: { enabled: false } } } }), "pacing off");
  await expectOk(await api.post(`/api/sessions/${sessionId}/connect`), "connect");
  await expectOk(await api.post(`/api/sandbox/sessions/${sessionId}/scan`, { data: {} }), "scan");
  await expect
    .poll(async () => (await expectOk<{ status: string }>(await api.get(`/api/sessions/${sessionId}/status`), "status")).status, { timeout: 30_000 })
    .toBe("CONNECTED");
  let answer = 200;
  const hook = await receiver(() => answer);
  await expectOk(await api.post("/api/webhooks", { data: { name: "Live receiver", url: hook.url, events: ["message.received"] } }), "create webhook");

  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto("/webhooks");
  const card = page.getByTestId("webhook-card").filter({ hasText: "Live receiver" });
  await card.getByTestId("show-deliveries").click();
  const log = card.getByTestId("delivery-log");
  await expect(log).toContainText("No deliveries");
  await expect(log.getByRole("button", { name: "Refresh" })).toHaveCount(0);

  // A contact writes: the delivery row and the counter appear while the page stays as it is.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await expectOk(await api.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text: "live please" } }), "alice writes");
  const row = log.getByTestId("delivery-row").first();
  await expect(row).toContainText("DELIVERED");
  await expect(row).toContainText("message");
  await expect(card.getByTestId("delivery-counts")).toContainText("delivered 1");
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  // Times carry seconds.
  await expect(row.getByTestId("local-time")).toHaveText(/\d{1,2}[:.]\d{2}[:.]\d{2}/);
  await expect(row.getByTestId("local-time")).toHaveAttribute("title", /\d{1,2}[:.]\d{2}[:.]\d{2}/);

  // A failing test: said once, and not left on the retry schedule.
  answer = 500;
  await card.getByTestId("test-webhook").click();
  const result = card.getByTestId("test-result");
  await expect(result).toContainText("Test failed");
  const text = (await result.textContent()) ?? "";
  expect(text.match(/HTTP 500/g)).toHaveLength(1);
  await expect(log.getByTestId("delivery-row").filter({ hasText: "webhook.test" })).toContainText("DEAD");

  // The events picker: plain headings, each name once.
  await card.getByRole("button", { name: "Edit" }).click();
  const picker = page.getByTestId("webhook-dialog").getByTestId("events-picker");
  for (const heading of ["Messages", "Connection", "Groups"]) await expect(picker.locator("legend", { hasText: heading })).toBeVisible();
  const names = await picker.locator("code").allTextContents();
  expect(new Set(names).size).toBe(names.length);
  expect(names).toContain("message.received");
  await expect(picker).not.toContainText(/seed/i);
  await hook.close();
  await api.dispose();
});

test("the add-webhook dialog opened from the empty state is left-aligned, and the page never says seed", async ({ page }) => {
  const owner = newUser("hookempty");
  await (await registerOwnerViaApi(owner)).dispose();
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto("/webhooks");
  await expect(page.getByTestId("webhooks-empty")).toBeVisible();
  await page.getByTestId("add-webhook").click();
  const dialog = page.getByTestId("webhook-dialog");
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => getComputedStyle(el).textAlign)).toBe("left");
  expect(await dialog.getByText("Name", { exact: true }).evaluate((el) => getComputedStyle(el).textAlign)).toBe("left");
  await expect(page.locator("body")).not.toContainText(/seed/i);
});
