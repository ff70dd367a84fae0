// Chat view polish: the tab title counts unread messages, and links in messages are clickable
// (http/https only, opened without a handle on the dashboard) while javascript: stays text.
import { expect, test } from "@playwright/test";
import { createSessionViaApi, expectOk, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

const ALICE = "15550100002";
const BOB = "15550100003";
const jidOf = (phone: string) => `${phone}@s.whatsapp.net`;

test("unread messages show in the tab title; links open safely, script URLs stay text", async ({ page }) => {
  test.setTimeout(120_000);
  const owner = newUser("chatpolish");
  const api = await registerOwnerViaApi(owner);
  const { sessionId } = await createSessionViaApi(api, "Polished line");
  await expectOk(await api.post(`/api/sessions/${sessionId}/connect`), "connect");
  await expectOk(await api.post(`/api/sandbox/sessions/${sessionId}/scan`, { data: {} }), "scan");
  await expect
    .poll(async () => (await expectOk<{ status: string }>(await api.get(`/api/sessions/${sessionId}/status`), "status")).status, { timeout: 30_000 })
    .toBe("CONNECTED");

  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto(`/sessions/${sessionId}/chats`);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  const title = await page.title();
  expect(title).not.toMatch(/^\(\d+\)/);

  await expectOk(
    await api.post(`/api/sandbox/contacts/${ALICE}/messages`, {
      data: { to: sessionId, text: "Track it at https://parcel.example/track?id=7. Or javascript:alert(1)" },
    }),
    "alice writes",
  );
  await expect.poll(() => page.title()).toBe(`(1) ${title}`);

  await page.locator(`[data-testid=chat-row][data-jid="${jidOf(ALICE)}"]`).click();
  await expect.poll(() => page.title()).toBe(title);
  const bubble = page.getByTestId("message-bubble").filter({ hasText: "Track it at" });
  const link = bubble.getByTestId("message-link");
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText("https://parcel.example/track?id=7");
  await expect(link).toHaveAttribute("href", "https://parcel.example/track?id=7");
  await expect(link).toHaveAttribute("rel", /noopener/);
  await expect(link).toHaveAttribute("rel", /noreferrer/);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(bubble.locator('a[href^="javascript:"]')).toHaveCount(0);

  // The message menu: a reaction and a forward reach the contacts' phones.
  const inbox = async (phone: string) =>
    expectOk<{ text: string | null; kinds: string[] }[]>(await api.get(`/api/sandbox/contacts/${phone}/messages`), "inbox");
  await bubble.hover();
  await bubble.getByTestId("message-actions").click();
  await bubble.getByTestId("react-👍").click();
  await expect.poll(async () => (await inbox(ALICE)).some((m) => m.kinds.includes("reactionMessage"))).toBe(true);

  await bubble.hover();
  await bubble.getByTestId("message-actions").click();
  await bubble.getByTestId("forward-message").click();
  const forward = page.getByTestId("forward-dialog");
  await forward.getByLabel("To").fill(BOB);
  await forward.getByTestId("send-forward").click();
  await expect(page.getByTestId("toast").filter({ hasText: "Message forwarded." })).toBeVisible();
  await expect.poll(async () => (await inbox(BOB)).some((m) => (m.text ?? "").startsWith("Track it at https://parcel.example"))).toBe(true);
  // Own messages only: a contact's message offers no edit or delete.
  await bubble.hover();
  await bubble.getByTestId("message-actions").click();
  await expect(bubble.getByTestId("edit-message")).toHaveCount(0);
  await expect(bubble.getByTestId("delete-message")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await api.dispose();
});
