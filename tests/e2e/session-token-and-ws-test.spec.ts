// Issue 14 in the browser: each session's page shows its per-session token (a key restricted to that
// session; the secret only once, when it is created) and revokes it; a token made by the Campaign
// API's POST /api/v1/sessions appears there too. And /ws-test, the authenticated WebSocket test
// page, connects with the dashboard's sign-in and shows a session's live events as they happen.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiClient, createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

const ALICE = "15550100002";

async function ok<T = unknown>(response: Awaited<ReturnType<APIRequestContext["post"]>>, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

test("a session's page creates its token (shown once), which reaches that session only, and revokes it", async ({ page }) => {
  test.setTimeout(90_000);
  const owner = newUser("token");
  const api = await registerOwnerViaApi(owner);
  const { sessionId } = await createSessionViaApi(api, "Token line");
  const { sessionId: otherId } = await createSessionViaApi(api, "Other line");

  await page.setViewportSize({ width: 390, height: 844 });
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/sessions/${sessionId}`);
  const panel = page.getByTestId("session-token-panel");
  await expect(panel.getByTestId("session-token-empty")).toBeVisible();

  await panel.getByTestId("create-session-token").click();
  const shown = panel.getByTestId("session-token-value");
  await expect(shown).toContainText("shown only once");
  const token = (await shown.locator("code").textContent())!.trim();
  expect(token).toMatch(/^wag_/);
  const row = panel.getByTestId("session-token-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("session-token-masked")).toHaveText(new RegExp(`${token.slice(-4)}$`));

  // The token reaches this session and no other.
  const client = await apiClient();
  const headers = { "X-API-Key": token };
  const sessions = await ok<Array<{ sessionId: string }>>(await client.get("/api/sessions", { headers }), "sessions by token");
  expect(sessions.map((s) => s.sessionId)).toEqual([sessionId]);
  expect((await client.get(`/api/sessions/${otherId}/status`, { headers })).status()).toBe(404);

  // After a reload only the masked token is left: the secret is never stored in clear.
  await page.reload();
  await expect(panel.getByTestId("session-token-row")).toHaveCount(1);
  await expect(panel.getByTestId("session-token-value")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  // The other session's page does not list it.
  await page.goto(`/sessions/${otherId}`);
  await expect(page.getByTestId("session-token-panel").getByTestId("session-token-empty")).toBeVisible();

  // Revoked: gone from the page, refused at once.
  await page.goto(`/sessions/${sessionId}`);
  await panel.getByTestId("session-token-row").getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(panel.getByTestId("session-token-empty")).toBeVisible();
  expect((await client.get("/api/sessions", { headers })).status()).toBe(401);
  await client.dispose();
});

test("the Campaign API's per-session token from POST /api/v1/sessions shows on that session's page", async ({ page }) => {
  const owner = newUser("v1token");
  const api = await registerOwnerViaApi(owner);
  const { apiKey } = await ok<{ apiKey: string }>(await api.post("/api/user/api-key"), "default key");
  const sessionId = `v1-${Date.now().toString(36)}`;
  const client = await apiClient();
  const created = await ok<{ token: string }>(
    await client.post("/api/v1/sessions", { headers: { "X-Master-Key": apiKey }, data: { sessionId } }),
    "v1 session",
  );
  expect(created.token).toMatch(/^wag_/);
  await client.dispose();

  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/sessions/${sessionId}`);
  const row = page.getByTestId("session-token-panel").getByTestId("session-token-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`Campaign API token: ${sessionId}`);
  await expect(row.getByTestId("session-token-masked")).toHaveText(new RegExp(`${created.token.slice(-4)}$`));
});

test("/ws-test connects with the dashboard sign-in and shows a contact's message live, in either format", async ({ page }) => {
  test.setTimeout(120_000);
  // Signed out, the page is not served.
  await page.goto("/ws-test");
  await expect(page).toHaveURL(/\/login/);

  const owner = newUser("wstest");
  const api = await registerOwnerViaApi(owner);
  const { sessionId } = await createSessionViaApi(api, "Socket line");
  await ok(await api.post(`/api/sessions/${sessionId}/connect`), "connect");
  await ok(await api.post(`/api/sandbox/sessions/${sessionId}/scan`, { data: {} }), "sandbox scan");
  await expect
    .poll(async () => (await ok<{ status: string }>(await api.get(`/api/sessions/${sessionId}/status`), "status")).status, {
      message: "session connects",
      timeout: 30_000,
    })
    .toBe("CONNECTED");

  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto("/ws-test");
  await page.getByTestId("ws-session").selectOption(sessionId);
  await page.getByTestId("ws-connect").click();
  const events = page.getByTestId("ws-event");
  // Subscribed: the server acknowledged the room (the caller may see this session).
  await expect(events.and(page.locator('[data-event="subscribe"]'))).toContainText('"ok": true');

  await ok(await api.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text: "hello over the socket" } }), "Alice writes");
  const message = page.locator('[data-testid="ws-event"][data-event="message"]').filter({ hasText: "hello over the socket" });
  await expect(message).toHaveCount(1);
  // Wagate's own payload: the message's fields at the top level.
  const flat = JSON.parse((await message.locator("pre").textContent())!) as Record<string, unknown>;
  expect(flat).toMatchObject({ sessionId, text: "hello over the socket", fromMe: false });

  // Chatery's format nests the message under `message`.
  await page.getByTestId("ws-format").selectOption("chatery");
  await page.getByTestId("ws-connect").click();
  await expect(page.locator('[data-event="subscribe"]')).toHaveCount(2);
  await expect(page.locator('[data-event="subscribe"]').first()).toContainText('"ok": true');
  await ok(await api.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text: "hello in Chatery's shape" } }), "Alice again");
  const nested = page.locator('[data-testid="ws-event"][data-event="message"]').filter({ hasText: "hello in Chatery's shape" });
  await expect(nested).toHaveCount(1);
  const shaped = JSON.parse((await nested.locator("pre").textContent())!) as Record<string, unknown>;
  expect(shaped).toMatchObject({ sessionId, message: { text: "hello in Chatery's shape" } });
  expect(shaped.text).toBeUndefined();
});
