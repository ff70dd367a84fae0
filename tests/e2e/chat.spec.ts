// The chat view against the sandbox gateway (WA_MODE=sandbox, see global-setup.ts): an emulated
// contact writes and the dashboard shows it live; the user replies, attaches a picture and starts a
// chat with the echo bot by number; receipts move the ticks. Screenshots of both layouts go to
// test-results/screenshots/ (not in git).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { createSessionViaApi, expectOk, newUser, pairSandboxSession, registerOwnerViaApi, signInWithForm, type TestUser } from "./helpers";

const ECHO_BOT = "15550100001";
const ALICE = "15550100002";
const jidOf = (phone: string) => `${phone}@s.whatsapp.net`;

/** What a sandbox contact received (GET /api/sandbox/contacts/[phone]/messages). */
interface Received {
  text: string | null;
  kinds: string[];
  message: { extendedTextMessage?: { contextInfo?: { quotedMessage?: { conversation?: string; extendedTextMessage?: { text?: string } } } } };
}

function contactSends(api: APIRequestContext, phone: string, sessionId: string, content: Record<string, unknown>) {
  return api.post(`/api/sandbox/contacts/${phone}/messages`, { data: { to: sessionId, ...content } }).then((r) => expectOk(r, `contact ${phone} sends`));
}

async function openChats(page: Page, user: TestUser, sessionId: string) {
  await signInWithForm(page, user.username, user.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/sessions/${sessionId}/chats`);
  // Joined the session's room: from here on, events reach the page.
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/chat-${name}.png` });

test("a contact's message arrives live; reply, picture and a new chat with the echo bot go out with their ticks", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const owner = newUser("chatter");
  const api = await registerOwnerViaApi(owner);
  const { sessionId } = await pairSandboxSession(api, "Front desk");

  await page.setViewportSize({ width: 1280, height: 800 });
  await openChats(page, owner, sessionId);
  await expect(page.getByTestId("chat-list-empty")).toBeVisible();
  await expect(page.getByTestId("back-to-session")).toHaveAttribute("href", `/sessions/${sessionId}`);
  await expect(page.getByTestId("session-offline-banner")).toHaveCount(0);

  // Alice writes: her chat appears at the top with one unread message.
  await contactSends(api, ALICE, sessionId, { text: "hello from alice" });
  const aliceRow = page.locator(`[data-testid=chat-row][data-jid="${jidOf(ALICE)}"]`);
  await expect(aliceRow).toBeVisible();
  await expect(aliceRow.getByTestId("chat-title")).toHaveText("Alice Example");
  await expect(aliceRow.getByTestId("chat-preview")).toHaveText("hello from alice");
  await expect(aliceRow.getByTestId("unread-badge")).toHaveText("1");

  // Opening the chat shows her message and reads it.
  await aliceRow.click();
  await expect(page).toHaveURL(new RegExp(`chat=${encodeURIComponent(jidOf(ALICE))}`));
  const thread = page.getByTestId("chat-thread");
  const hello = thread.getByTestId("message-bubble").filter({ hasText: "hello from alice" });
  await expect(hello).toHaveAttribute("data-from-me", "false");
  await expect(aliceRow.getByTestId("unread-badge")).toHaveCount(0);
  await expect(thread.getByTestId("day-separator").first()).toHaveText("Today");

  // While it is open, what she sends appears in the thread without counting as unread.
  await contactSends(api, ALICE, sessionId, { text: "are you still there?" });
  await expect(thread.getByTestId("message-bubble").filter({ hasText: "are you still there?" })).toBeVisible();
  await expect(aliceRow.getByTestId("chat-preview")).toHaveText("are you still there?");
  await expect(aliceRow.getByTestId("unread-badge")).toHaveCount(0);

  // Reply to her first message: hover, Reply, type, Enter.
  await hello.hover();
  await hello.getByTestId("reply-button").click();
  await expect(page.getByTestId("reply-bar")).toContainText("hello from alice");
  const composer = page.getByTestId("composer-input");
  await composer.fill("hi alice, got it");
  await shot(page, "desktop-reply-bar");
  await composer.press("Enter");
  await expect(page.getByTestId("reply-bar")).toHaveCount(0);
  await expect(composer).toHaveValue("");
  const reply = thread.locator("[data-testid=message-bubble][data-from-me=true]").filter({ hasText: "hi alice, got it" });
  await expect(reply.getByTestId("quoted-message")).toContainText("hello from alice");
  // Alice's phone sends delivery and read receipts: the ticks follow.
  await expect(reply).toHaveAttribute("data-status", /^(DELIVERED|READ)$/, { timeout: 20_000 });
  await expect(reply.getByTestId("message-status")).toHaveAttribute("data-status", /^(DELIVERED|READ)$/);
  const received = await expectOk<Received[]>(await api.get(`/api/sandbox/contacts/${ALICE}/messages`), "alice's inbox");
  const quoted = received.find((m) => m.text === "hi alice, got it")?.message.extendedTextMessage?.contextInfo?.quotedMessage;
  expect(quoted?.conversation ?? quoted?.extendedTextMessage?.text).toBe("hello from alice");

  // A picture with a caption: uploaded, then sent by its mediaId.
  const png = await sharp({ create: { width: 160, height: 120, channels: 3, background: { r: 37, g: 99, b: 235 } } })
    .png()
    .toBuffer();
  await page.getByTestId("attach-input").setInputFiles({ name: "blue-square.png", mimeType: "image/png", buffer: png });
  await expect(page.getByTestId("attachment-preview")).toContainText("blue-square.png");
  await composer.fill("a blue square");
  await shot(page, "desktop-attachment");
  await composer.press("Enter");
  await expect(page.getByTestId("attachment-preview")).toHaveCount(0);
  const picture = thread.locator("[data-testid=message-bubble][data-type=IMAGE][data-from-me=true]").filter({ hasText: "a blue square" });
  await expect(picture.getByTestId("message-image")).toHaveAttribute("src", /^\/api\/media\//, { timeout: 20_000 });
  await expect.poll(() => picture.getByTestId("message-image").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
  await expect(picture).toHaveAttribute("data-status", /^(SENT|DELIVERED|READ)$/, { timeout: 20_000 });
  await expect
    .poll(async () =>
      (await expectOk<Received[]>(await api.get(`/api/sandbox/contacts/${ALICE}/messages`), "inbox")).some((m) => m.kinds.includes("imageMessage")),
    )
    .toBe(true);

  // A location and a document from Alice render as coordinates and a file link; nothing remote loads.
  await contactSends(api, ALICE, sessionId, { location: { degreesLatitude: 52.52, degreesLongitude: 13.405, name: "Berlin" } });
  await contactSends(api, ALICE, sessionId, {
    document: Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64"),
    mimetype: "application/pdf",
    fileName: "invoice.pdf",
  });
  await contactSends(api, ALICE, sessionId, { image: png.toString("base64"), mimetype: "image/png", caption: "one from alice" });
  await expect(thread.getByTestId("message-location")).toContainText("52.52000, 13.40500");
  await expect(thread.getByTestId("message-document")).toContainText("invoice.pdf");
  // Incoming media is saved by the gateway after the message lands; the thread picks the file up.
  await expect(thread.getByTestId("message-document")).toHaveAttribute("href", /^\/api\/media\//, { timeout: 20_000 });
  const incoming = thread.locator("[data-testid=message-bubble][data-type=IMAGE][data-from-me=false]").filter({ hasText: "one from alice" });
  await expect(incoming.getByTestId("message-image")).toHaveAttribute("src", /^\/api\/media\//, { timeout: 20_000 });
  await shot(page, "desktop-thread");

  // A new chat by number: the echo bot answers what it gets.
  await page.getByTestId("new-chat").click();
  await page.getByLabel("Phone number").fill(`+${ECHO_BOT}`);
  await page.getByTestId("start-chat").click();
  await expect(page.getByTestId("new-chat-dialog")).not.toBeVisible();
  await expect(page.getByTestId("chat-thread")).toHaveAttribute("data-jid", jidOf(ECHO_BOT));
  await expect(page.getByTestId("thread-empty")).toBeVisible();
  await composer.fill("ping");
  await composer.press("Enter");
  const echoThread = page.getByTestId("chat-thread");
  await expect(echoThread.locator("[data-testid=message-bubble][data-from-me=true]").filter({ hasText: "ping" })).toBeVisible();
  await expect(echoThread.locator("[data-testid=message-bubble][data-from-me=false]").filter({ hasText: "ping" })).toBeVisible({ timeout: 20_000 });
  const echoRow = page.locator(`[data-testid=chat-row][data-jid="${jidOf(ECHO_BOT)}"]`);
  await expect(echoRow).toBeVisible();
  await expect(page.getByTestId("chat-row").first()).toHaveAttribute("data-jid", jidOf(ECHO_BOT));
  await expect(echoRow.getByTestId("unread-badge")).toHaveCount(0);
  await shot(page, "desktop-echo");

  // Search narrows the list.
  await page.getByTestId("chat-search").fill("alice");
  await expect(page.getByTestId("chat-row")).toHaveCount(1);
  await page.getByTestId("chat-search").fill("");

  // On a phone one pane at a time: the list, then the thread with a way back.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const mobile = await phone.newPage();
  await openChats(mobile, owner, sessionId);
  await expect(mobile.getByTestId("chat-row")).toHaveCount(2);
  await expect(mobile.getByTestId("chat-thread")).toHaveCount(0);
  await shot(mobile, "phone-list");
  await mobile.locator(`[data-testid=chat-row][data-jid="${jidOf(ALICE)}"]`).click();
  await expect(mobile.getByTestId("chat-thread")).toBeVisible();
  await expect(mobile.getByTestId("chat-list")).not.toBeVisible();
  await expect(mobile.locator("[data-testid=message-bubble][data-from-me=false]").filter({ hasText: "hello from alice" })).toBeVisible();
  await shot(mobile, "phone-thread");
  await mobile.getByTestId("thread-back").click();
  await expect(mobile.getByTestId("chat-list")).toBeVisible();
  await expect(mobile.getByTestId("chat-thread")).toHaveCount(0);
  // The phone's own back button does the same.
  await mobile.locator(`[data-testid=chat-row][data-jid="${jidOf(ECHO_BOT)}"]`).click();
  await expect(mobile.getByTestId("chat-thread")).toHaveAttribute("data-jid", jidOf(ECHO_BOT));
  await mobile.goBack();
  await expect(mobile.getByTestId("chat-list")).toBeVisible();
  await expect(mobile.getByTestId("chat-thread")).toHaveCount(0);
  await phone.close();
  await api.dispose();
});

test("a session that is not connected says that sends wait for it, and still takes them", async ({ page }) => {
  const owner = newUser("offline");
  const api = await registerOwnerViaApi(owner);
  const { sessionId } = await createSessionViaApi(api, "Not paired yet");
  await api.dispose();
  await openChats(page, owner, sessionId);
  await expect(page.getByTestId("session-offline-banner")).toContainText("messages will be sent when the session reconnects");
  await page.getByTestId("new-chat").click();
  await page.getByLabel("Phone number").fill(`+${ALICE}`);
  await page.getByTestId("start-chat").click();
  await page.getByTestId("composer-input").fill("queued for later");
  await page.getByTestId("composer-input").press("Enter");
  const queued = page.locator("[data-testid=message-bubble][data-from-me=true]").filter({ hasText: "queued for later" });
  await expect(queued).toBeVisible();
  // Accepted and stored: the bubble now carries WhatsApp's message id, and waits with a clock.
  await expect(queued).toHaveAttribute("data-key-id", /^(?!local-)/);
  await expect(queued.getByTestId("message-status")).toHaveAttribute("data-status", "PENDING");
  await shot(page, "desktop-offline");
});

test("another tenant's session chats are a 404", async ({ page }) => {
  const first = await registerOwnerViaApi(newUser("chatowner"));
  const { sessionId } = await createSessionViaApi(first, "Private chats");
  await first.dispose();
  const second = newUser("chatintruder");
  await (await registerOwnerViaApi(second)).dispose();
  await signInWithForm(page, second.username, second.password);
  await expect(page).toHaveURL(/\/sessions$/);
  const response = await page.goto(`/sessions/${sessionId}/chats`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Private chats");
});

test("scrolling up through a long chat loads the older messages", async ({ page }) => {
  test.setTimeout(120_000);
  const owner = newUser("scroller");
  const api = await registerOwnerViaApi(owner);
  const { sessionId } = await pairSandboxSession(api, "Busy line");
  // More than one page (40) of messages from Alice.
  for (let i = 1; i <= 55; i++) await contactSends(api, ALICE, sessionId, { text: `line ${i}` });
  await expect.poll(async () => (await expectOk<unknown[]>(await api.get(`/api/chat/${sessionId}/${jidOf(ALICE)}?limit=200`), "messages")).length).toBe(55);
  await api.dispose();

  await page.setViewportSize({ width: 1280, height: 800 });
  await openChats(page, owner, sessionId);
  await page.locator(`[data-testid=chat-row][data-jid="${jidOf(ALICE)}"]`).click();
  const thread = page.getByTestId("chat-thread");
  const line = (n: number) => thread.getByTestId("message-text").getByText(`line ${n}`, { exact: true });
  await expect(line(55)).toBeInViewport();
  await expect(line(1)).toHaveCount(0);
  await page.getByTestId("thread-scroll").evaluate((el) => (el.scrollTop = 0));
  await expect(line(1)).toHaveCount(1);
  await page.getByTestId("thread-scroll").evaluate((el) => (el.scrollTop = 0));
  await expect(thread.getByText("Start of the conversation")).toBeVisible();
  await expect(thread.getByTestId("message-bubble")).toHaveCount(55);
});
