// The chat view for a team (issue 15): each own message names who sent it (the staff member at the
// dashboard, the owner's API key); an attachment shows an upload progress bar; browser notifications
// are switched on from a button and fire for a message that arrives while the tab is hidden; the
// whole view reads in Indonesian for an Indonesian browser.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { E2E_BASE_URL } from "./e2e-server";
import { apiClient, createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm, type TestUser } from "./helpers";

const ALICE = "15550100002";
const jidOf = (phone: string) => `${phone}@s.whatsapp.net`;

async function ok<T = unknown>(response: Awaited<ReturnType<APIRequestContext["post"]>>, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A session paired with the sandbox phone, with pacing off so sends go out at once. */
async function pairedSession(api: APIRequestContext, name: string): Promise<string> {
  const { sessionId } = await createSessionViaApi(api, name);
  await ok(await api.patch(`/api/sessions/${sessionId}/settings`, { data: { config: { pacing: { enabled: false } } } }), "pacing off");
  await ok(await api.post(`/api/sessions/${sessionId}/connect`), "connect");
  await ok(await api.post(`/api/sandbox/sessions/${sessionId}/scan`, { data: {} }), "sandbox scan");
  await expect
    .poll(async () => (await ok<{ status: string }>(await api.get(`/api/sessions/${sessionId}/status`), "status")).status, { timeout: 30_000 })
    .toBe("CONNECTED");
  return sessionId;
}

const aliceWrites = (api: APIRequestContext, sessionId: string, text: string) =>
  api.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text } }).then((r) => ok(r, "alice writes"));

async function openChat(page: Page, user: TestUser, sessionId: string, jid = jidOf(ALICE)) {
  await signInWithForm(page, user.username, user.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/sessions/${sessionId}/chats?chat=${encodeURIComponent(jid)}`);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("chat-thread")).toBeVisible();
}

test("each own message names its sender: the staff member at the dashboard, the owner's API key", async ({ page }) => {
  test.setTimeout(120_000);
  const owner = newUser("teamowner");
  const api = await registerOwnerViaApi(owner);
  const sessionId = await pairedSession(api, "Team line");
  const staff = { ...newUser("teamstaff"), name: "Dana Desk" };
  const created = await ok<{ id: string }>(await api.post("/api/users", { data: staff }), "create staff");
  await ok(await api.put(`/api/users/${created.id}/sessions`, { data: { sessionIds: [sessionId] } }), "assign session");
  const { apiKey } = await ok<{ apiKey: string }>(await api.post("/api/user/api-key"), "API key");
  await aliceWrites(api, sessionId, "is anyone there?");

  // The owner's integration answers with the API key.
  const keyClient = await apiClient();
  await ok(
    await keyClient.post("/api/chat/send", {
      headers: { "X-API-Key": apiKey },
      data: { sessionId, jid: ALICE, message: { text: "automatic: we will reply soon" } },
    }),
    "send with key",
  );

  // Dana answers from the dashboard.
  await openChat(page, staff, sessionId);
  const thread = page.getByTestId("chat-thread");
  await page.getByTestId("composer-input").fill("Hi, Dana here");
  await page.getByTestId("composer-input").press("Enter");

  const byKey = thread.locator("[data-testid=message-bubble][data-from-me=true]").filter({ hasText: "automatic: we will reply soon" });
  await expect(byKey.getByTestId("message-author")).toHaveAttribute("data-via", "api");
  await expect(byKey.getByTestId("message-author")).toContainText(`${owner.name} · API`);
  // Dana's own message takes her name once the server has it.
  const byDana = thread.locator("[data-testid=message-bubble][data-from-me=true]").filter({ hasText: "Hi, Dana here" });
  await expect(byDana.getByTestId("message-author")).toContainText("Dana Desk");
  await expect(byDana.getByTestId("message-author")).toHaveAttribute("data-via", "dashboard");
  await expect(byDana.getByTestId("message-author")).toHaveAttribute("title", "Sent by Dana Desk");
  // Alice's message has no author line.
  await expect(thread.locator("[data-testid=message-bubble][data-from-me=false]").getByTestId("message-author")).toHaveCount(0);
  await keyClient.dispose();
  await api.dispose();
});

test("an attachment shows an upload progress bar until it is uploaded, then goes out", async ({ page }) => {
  test.setTimeout(120_000);
  const owner = newUser("uploader");
  const api = await registerOwnerViaApi(owner);
  const sessionId = await pairedSession(api, "Upload line");
  await aliceWrites(api, sessionId, "send me the photo");
  await openChat(page, owner, sessionId);

  // A picture of noise (it does not compress): about 300 KB, sent through a slowed-down upload link
  // (Chromium's own network throttling) so the upload takes a few seconds.
  const width = 320;
  const height = 320;
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const png = await sharp(noise, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 100 * 1024 });

  await page.getByTestId("attach-input").setInputFiles({ name: "noise.png", mimeType: "image/png", buffer: png });
  await page.getByTestId("composer-input").fill("the photo");
  await page.getByTestId("composer-input").press("Enter");

  const picture = page.locator("[data-testid=message-bubble][data-type=IMAGE][data-from-me=true]").filter({ hasText: "the photo" });
  const bar = picture.getByRole("progressbar", { name: "Uploading noise.png" });
  await expect(bar).toBeVisible();
  // Part-way: the bar moves with the bytes sent, before the upload has finished.
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(0);
  const partWay = Number(await bar.getAttribute("aria-valuenow"));
  expect(partWay).toBeLessThan(100);

  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await expect(picture).toHaveAttribute("data-status", /^(SENT|DELIVERED|READ)$/, { timeout: 20_000 });
  await expect
    .poll(async () =>
      (await ok<Array<{ kinds: string[]; text: string | null }>>(await api.get(`/api/sandbox/contacts/${ALICE}/messages`), "inbox")).some((m) =>
        m.kinds.includes("imageMessage"),
      ),
    )
    .toBe(true);
  await api.dispose();
});

test("browser notifications: off until the user turns them on; then a message in a hidden tab notifies", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = newUser("notified");
  const api = await registerOwnerViaApi(owner);
  const sessionId = await pairedSession(api, "Notify line");
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(["notifications"], { origin: E2E_BASE_URL });
  // Records each notification the page shows, still shown by the browser's own Notification.
  await context.addInitScript(() => {
    const Real = window.Notification;
    const shown: Array<{ title: string; body: string | undefined }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(window, "Notification", { value: Recorded, configurable: true, writable: true });
  });
  const page = await context.newPage();
  const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: Array<{ title: string; body?: string }> }).shownNotifications);
  // Headless Chromium never hides a tab, so the test hides this one the way the browser reports it.
  const setHidden = (hidden: boolean) =>
    page.evaluate((value) => {
      Object.defineProperty(document, "visibilityState", { value: value ? "hidden" : "visible", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);

  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/sessions/${sessionId}/chats`);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  const toggle = page.getByTestId("notifications-toggle");
  await expect(toggle).toHaveAttribute("data-state", "off");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");

  // Off: a message in a hidden tab shows nothing.
  await setHidden(true);
  await aliceWrites(api, sessionId, "first, while off");
  await expect(page.locator(`[data-testid=chat-row][data-jid="${jidOf(ALICE)}"]`)).toBeVisible();
  expect(await shown()).toEqual([]);

  await setHidden(false);
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-state", "on");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => window.localStorage.getItem("wagate.chat.notifications"))).toBe("on");

  // Visible tab: no notification (the user sees the message).
  await aliceWrites(api, sessionId, "second, tab visible");
  await expect(page.getByTestId("chat-preview").filter({ hasText: "second, tab visible" })).toBeVisible();
  expect(await shown()).toEqual([]);

  // Hidden tab: one notification with the sender and the text.
  await setHidden(true);
  await aliceWrites(api, sessionId, "third, tab hidden");
  await expect.poll(shown).toEqual([{ title: "Alice Example", body: "third, tab hidden" }]);

  // The choice is remembered across a reload; turning it off is remembered too.
  await setHidden(false);
  await page.reload();
  await expect(page.getByTestId("notifications-toggle")).toHaveAttribute("data-state", "on");
  await page.getByTestId("notifications-toggle").click();
  await expect(page.getByTestId("notifications-toggle")).toHaveAttribute("data-state", "off");
  await page.reload();
  await expect(page.getByTestId("notifications-toggle")).toHaveAttribute("data-state", "off");
  await context.close();
  await api.dispose();
});

test("Indonesian: the chat view, its list, thread, composer and menus read in Indonesian", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = newUser("obrolan");
  const api = await registerOwnerViaApi(owner);
  const sessionId = await pairedSession(api, "Jalur utama");
  await aliceWrites(api, sessionId, "halo dari alice");
  const context = await browser.newContext({ locale: "id-ID", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/sessions/${sessionId}/chats`);
  await expect(page).toHaveTitle(/Obrolan · Wagate$/);
  await expect(page.getByRole("heading", { name: "Obrolan", level: 1 })).toBeVisible();
  await expect(page.getByTestId("live-indicator")).toHaveText("Langsung");
  await expect(page.getByTestId("chat-search")).toHaveAttribute("placeholder", "Cari obrolan");
  await expect(page.getByTestId("new-chat")).toHaveText("Obrolan baru");
  await expect(page.getByTestId("notifications-toggle")).toHaveText("Beri tahu saya");
  await expect(page.getByText("Pilih obrolan untuk membaca dan membalas")).toBeVisible();
  const aliceRow = page.locator(`[data-testid=chat-row][data-jid="${jidOf(ALICE)}"]`);
  await expect(aliceRow.getByTestId("unread-badge")).toHaveAttribute("aria-label", "1 belum dibaca");

  await aliceRow.click();
  const thread = page.getByTestId("chat-thread");
  await expect(thread.getByTestId("day-separator").first()).toHaveText("Hari ini");
  await expect(thread.getByRole("log", { name: "Pesan" })).toBeVisible();
  const composer = page.getByTestId("composer-input");
  await expect(composer).toHaveAttribute("placeholder", "Ketik pesan");
  await expect(page.getByTestId("send-button")).toHaveAttribute("aria-label", "Kirim");
  await composer.fill("halo juga");
  await composer.press("Enter");
  const mine = thread.locator("[data-testid=message-bubble][data-from-me=true]").filter({ hasText: "halo juga" });
  await expect(mine.getByTestId("message-status")).toHaveAttribute("title", /^(Terkirim|Diterima|Dibaca)$/, { timeout: 20_000 });
  await expect(mine.getByTestId("message-author")).toHaveAttribute("title", `Dikirim oleh ${owner.name}`);

  const hers = thread.getByTestId("message-bubble").filter({ hasText: "halo dari alice" });
  await hers.hover();
  await expect(hers.getByTestId("reply-button")).toHaveAttribute("aria-label", "Balas");
  await hers.getByTestId("message-actions").click();
  await expect(page.getByRole("menuitem", { name: "Teruskan" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByTestId("new-chat").click();
  const dialog = page.getByTestId("new-chat-dialog");
  await expect(dialog.getByLabel("Nomor telepon")).toBeVisible();
  await expect(dialog.getByTestId("start-chat")).toHaveText("Mulai obrolan");
  await context.close();
  await api.dispose();
});
