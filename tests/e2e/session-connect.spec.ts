// Linking a session in sandbox mode, end to end in the browser: Connect → QR → the sandbox phone
// scans → the badge turns Connected live → a sandbox contact writes → the live log shows it → log out.
import { expect, test, type Page } from "@playwright/test";
import { createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

/** Set once on the page: still there later means the page was never reloaded. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __e2eMark: boolean }).__e2eMark = true));
}

async function expectSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __e2eMark?: boolean }).__e2eMark)).toBe(true);
}

test("connect with the sandbox phone, receive a message live, log out", async ({ page }) => {
  const owner = newUser("linker");
  await (await registerOwnerViaApi(owner)).dispose();
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByTestId("sandbox-badge").filter({ visible: true })).toBeVisible();

  await page.getByTestId("create-session").click();
  await page.getByTestId("create-session-form").getByLabel("Name", { exact: true }).fill("Front desk");
  await page.getByRole("button", { name: "Create session" }).click();
  const card = page.getByTestId("session-row").filter({ hasText: "Front desk" });
  await expect(card.getByTestId("session-status")).toHaveText("Disconnected");
  const sessionId = (await card.getByTestId("session-id").textContent())!.trim();
  await markPage(page);

  await card.getByTestId("connect-session").click();
  const dialog = page.getByTestId("connect-dialog");
  await expect(dialog).toBeVisible();
  const qr = dialog.getByTestId("qr-image");
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute("src", /^data:image\/png;base64,/);
  await expect(dialog).toContainText("WhatsApp → Linked devices → Link a device");
  // The socket got there too: the card behind the dialog waits for the scan.
  await expect(card.getByTestId("session-status")).toHaveText("Waiting for QR scan");

  await dialog.getByTestId("sandbox-scan").click();
  await expect(dialog).toBeHidden({ timeout: 25_000 });
  await expect(page.getByTestId("toast")).toContainText("“Front desk” is connected as +");
  await expect(card.getByTestId("session-status")).toHaveText("Connected");
  await expect(card.getByTestId("session-phone")).toHaveText(/^\+\d{7,15}$/);
  await expect(card.getByTestId("connect-session")).toHaveCount(0);
  await expectSamePage(page);

  await card.getByTestId("session-link").click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
  await expect(page.getByTestId("session-status")).toHaveText("Connected");
  await expect(page.getByTestId("status-phone")).toHaveText(/^\+\d{7,15}$/);
  await expect(page.getByTestId("socket-state")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("status-history").getByTestId("history-status").first()).toHaveText("Connected");
  // What happened before the page opened comes from the event history.
  await expect(page.getByTestId("event-row").filter({ hasText: "CONNECTED" }).first()).toBeVisible();
  await markPage(page);

  const text = `Hello from the e2e sandbox ${Date.now().toString(36)}`;
  const tools = page.getByTestId("sandbox-tools");
  await tools.getByLabel("From").selectOption("15550100001");
  await tools.getByLabel("Text").fill(text);
  await tools.getByTestId("sandbox-send").click();
  await expect(tools.getByTestId("sandbox-send-result")).toContainText("Echo Bot sent it");

  const messageRow = page.locator('[data-testid="event-row"][data-event="message"]').filter({ hasText: text });
  await expect(messageRow).toBeVisible();
  await expect(messageRow.getByTestId("event-summary")).toHaveText(`from Echo Bot (+15550100001): ${text}`);
  await expectSamePage(page);

  await page.getByTestId("logout-session").click();
  await expect(page.getByRole("dialog")).toContainText("Log out “Front desk”?");
  await page.getByTestId("confirm-button").click();
  await expect(page.getByTestId("session-status")).toHaveText("Logged out");
  await expect(page.getByTestId("session-reason")).toHaveText("Logged out by user");
  await expect(page.locator('[data-testid="event-row"][data-event="logged.out"]')).toBeVisible();
  await expect(page.getByTestId("connect-session")).toHaveText("Connect");
  await expectSamePage(page);

  await page.goto("/sessions");
  await expect(card.getByTestId("session-status")).toHaveText("Logged out");
  await expect(card.getByTestId("session-reason")).toHaveText("Logged out by user");
});

test("the live log can be paused and cleared", async ({ page }) => {
  const owner = newUser("pauser");
  const api = await registerOwnerViaApi(owner);
  const created = await createSessionViaApi(api, "Log line");
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/sessions/${created.sessionId}`);
  await expect(page.getByTestId("socket-state")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("event-log-empty")).toContainText("No events yet");

  await page.getByTestId("event-log-pause").click();
  await expect(page.getByTestId("event-log-state")).toHaveText("Paused");
  // Events that arrive while paused are held back and counted.
  expect((await api.post(`/api/sessions/${created.sessionId}/connect`, { data: {} })).status()).toBe(200);
  await expect(page.getByTestId("event-log-state")).toContainText(/held back/);
  await expect(page.getByTestId("event-row")).toHaveCount(0);
  // The page header follows the status even while the log is paused.
  await expect(page.getByTestId("session-status")).toHaveText("Waiting for QR scan");

  await page.getByTestId("event-log-pause").click();
  await expect(page.locator('[data-testid="event-row"][data-event="qr"]').first()).toBeVisible();
  await expect(page.getByTestId("event-row").first()).toBeVisible();

  // Stopped first, so that no rotating QR code refills the log right after clearing it.
  expect((await api.post(`/api/sessions/${created.sessionId}/logout`)).status()).toBe(200);
  await expect(page.getByTestId("session-status")).toHaveText("Logged out");
  await page.getByTestId("event-log-clear").click();
  await expect(page.getByTestId("event-log-empty")).toBeVisible();
  await api.dispose();
});

test("a QR code that stops being valid says why, and a new one can be fetched", async ({ page }) => {
  const owner = newUser("expiry");
  const api = await registerOwnerViaApi(owner);
  const created = await createSessionViaApi(api, "Short-lived");
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  const card = page.getByTestId("session-row").filter({ hasText: "Short-lived" });
  await expect(card.getByTestId("session-reason")).toHaveText("Not linked to a phone yet.");

  await card.getByTestId("connect-session").click();
  const dialog = page.getByTestId("connect-dialog");
  await expect(dialog.getByTestId("qr-image")).toBeVisible();
  // Ending the attempt from elsewhere stops the codes, as running out of them does.
  expect((await api.post(`/api/sessions/${created.sessionId}/logout`)).status()).toBe(200);
  await expect(dialog.getByTestId("qr-expired")).toContainText("Logged out by user");
  await expect(dialog.getByTestId("qr-image")).toHaveCount(0);
  await expect(dialog.getByTestId("sandbox-scan")).toHaveCount(0);

  await dialog.getByTestId("qr-retry").click();
  await expect(dialog.getByTestId("qr-image")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId("session-status")).toHaveText("Waiting for QR scan");
  await expect(card.getByTestId("connect-session")).toHaveText("Show QR code");

  expect((await api.post(`/api/sessions/${created.sessionId}/logout`)).status()).toBe(200);
  await expect(card.getByTestId("session-status")).toHaveText("Logged out");
  await api.dispose();
});
