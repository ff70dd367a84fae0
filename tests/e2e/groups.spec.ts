// The groups page against the sandbox gateway: a contact adds the session to a group, which appears
// live; the owner searches, promotes and removes members, edits the subject, shows and revokes the
// invite link, posts a text status with a colour, and leaves. Another tenant cannot open the session.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectOk, newUser, pairSandboxSession, registerOwnerViaApi, signInWithForm } from "./helpers";

const ALICE = "15550100002";
const BOB = "15550100003";

test("groups page: live list, members, subject, invite link, status and leave", async ({ page }) => {
  test.setTimeout(120_000);
  const owner = newUser("grouper");
  const api = await registerOwnerViaApi(owner);
  const { sessionId, phone } = await pairSandboxSession(api, "Groups desk");

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.getByRole("link", { name: "Groups" }).first().click();
  await expect(page).toHaveURL(/\/groups/);
  await expect(page.getByTestId("groups-live")).toHaveText("live");

  // Alice makes a group with the session and Bob in it: it appears without a reload.
  await expectOk(
    await api.post(`/api/sandbox/contacts/${ALICE}/groups`, { data: { op: "create", subject: "Book club", members: [phone, BOB] } }),
    "alice creates",
  );
  const list = page.getByTestId("groups-list");
  await expect(list.getByRole("button", { name: /Book club/ })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel("Search").fill("nothing like it");
  await expect(list.getByRole("button", { name: /Book club/ })).toHaveCount(0);
  await page.getByLabel("Search").fill("book");
  await list.getByRole("button", { name: /Book club/ }).click();
  const details = page.getByTestId("group-details");
  await expect(details.getByTestId("admin-badge")).toHaveText(["Owner"]);

  // The session is not an admin: WhatsApp's refusal is shown, not a crash.
  await details.getByRole("button", { name: "Show invite link" }).click();
  await expect(page.getByTestId("group-error")).toContainText("WhatsApp refused");

  // Alice makes the session an admin; the badge appears live.
  await expectOk(
    await api.post(`/api/sandbox/contacts/${ALICE}/groups`, { data: { op: "promote", group: await groupJid(api, sessionId), participants: [phone] } }),
    "promote",
  );
  await expect(details.getByTestId("admin-badge")).toHaveCount(2, { timeout: 20_000 });

  await details.getByRole("button", { name: "Make admin" }).click();
  await expect(details.getByTestId("admin-badge")).toHaveCount(3, { timeout: 20_000 });
  await details
    .getByTestId("group-member")
    .filter({ hasText: `+${BOB}` })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(details.getByTestId("group-member")).toHaveCount(2, { timeout: 20_000 });

  await details.getByRole("textbox", { name: "Subject" }).fill("Reading club");
  await details.getByRole("button", { name: "Save subject" }).click();
  await expect(details.getByTestId("group-subject")).toHaveText("Reading club", { timeout: 20_000 });

  await details.getByRole("button", { name: "Show invite link" }).click();
  const link = details.getByTestId("invite-link");
  await expect(link).toContainText("https://chat.whatsapp.com/");
  const first = await link.textContent();
  await details.getByRole("button", { name: "Revoke and make a new link" }).click();
  await expect(link).not.toHaveText(first ?? "");

  // With approval on, Bob's join by link waits until the owner approves it.
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/join-approval") && r.ok()),
    details.getByRole("button", { name: "Require approval to join" }).click(),
  ]);
  await expectOk(await api.post(`/api/sandbox/contacts/${BOB}/groups`, { data: { op: "join", inviteCode: await link.textContent() } }), "bob asks to join");
  // Changing the approval mode already listed the (then empty) requests: refresh them.
  await details.getByRole("button", { name: "Refresh requests" }).click();
  const requests = details.getByTestId("join-requests");
  await expect(requests).toContainText(`+${BOB}`);
  await expect(details.getByTestId("group-member")).toHaveCount(2);
  await requests.getByRole("button", { name: "Approve" }).click();
  await expect(details.getByTestId("group-member")).toHaveCount(3, { timeout: 20_000 });
  await expect(requests).toContainText("Nobody is waiting");

  // A text status with a colour: the preview shows it, and Alice receives it.
  const composer = page.getByTestId("status-composer");
  await composer.getByRole("textbox", { name: "Text" }).fill("Hello from the dashboard");
  await composer.getByRole("button", { name: "Background #25d366" }).click();
  await expect(composer.getByTestId("status-preview")).toHaveText("Hello from the dashboard");
  await composer.getByLabel("Recipients").fill(ALICE);
  await composer.getByRole("button", { name: "Post status" }).click();
  await expect(composer.getByTestId("status-result")).toContainText("posted to 1 contact");
  await expect
    .poll(
      async () => {
        const received = await expectOk<Array<{ chat: string; text: string | null; message: any }>>(
          await api.get(`/api/sandbox/contacts/${ALICE}/messages`),
          "alice inbox",
        );
        return received.find((m) => m.chat === "status@broadcast")?.message?.extendedTextMessage?.text ?? null;
      },
      { timeout: 20_000 },
    )
    .toBe("Hello from the dashboard");

  // A contact's status appears live among the recent ones, next to our own.
  const recent = page.getByTestId("recent-statuses");
  await expect(recent.getByTestId("status-item").filter({ hasText: "Hello from the dashboard" })).toBeVisible({ timeout: 20_000 });
  await expectOk(await api.post(`/api/sandbox/contacts/${BOB}/status`, { data: { text: "Bob is reading" } }), "bob posts a status");
  await expect(recent.getByTestId("status-item").filter({ hasText: "Bob is reading" })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: "test-results/screenshots/groups-desktop.png", fullPage: true });
  // Phone size, keyboard: the list and details stack and stay usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("groups-view")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/groups-phone.png", fullPage: true });
  await page.getByLabel("Search").fill("");
  await expect(list.getByRole("button", { name: /Reading club/ })).toBeVisible();
  await page.getByLabel("Search").focus();
  await page.keyboard.press("Tab");
  await expect(list.getByRole("button", { name: /Reading club/ })).toBeFocused();

  await details.getByRole("button", { name: "Leave group" }).click();
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "Leave group" }).click();
  await expect(list.getByRole("button", { name: /Reading club/ })).toHaveCount(0, { timeout: 20_000 });

  // Another tenant asking for this session gets their own (empty) page, never these groups.
  const other = newUser("nosy");
  const otherApi = await registerOwnerViaApi(other);
  expect((await otherApi.get(`/api/groups?sessionId=${sessionId}`)).status()).toBe(404);
});

async function groupJid(api: APIRequestContext, sessionId: string): Promise<string> {
  const groups = await expectOk<Array<{ jid: string; subject: string }>>(await api.get(`/api/groups?sessionId=${sessionId}`), "groups");
  return groups.find((g) => g.subject === "Book club")!.jid;
}
