// The automation area against the sandbox gateway: auto-reply rules made, reordered and tried in
// the browser, a contact's message answered and its hit count shown live; scheduled and recurring
// messages created, listed by day, cancelled, paused and resumed, with a variation preview.
import { expect, test, type Page } from "@playwright/test";
import { createSessionViaApi, expectOk, newUser, pairSandboxSession, registerOwnerViaApi, signInWithForm, type TestUser } from "./helpers";

const ALICE = "15550100002";

async function signIn(page: Page, user: TestUser) {
  await signInWithForm(page, user.username, user.password);
  await expect(page).toHaveURL(/\/sessions$/);
}

/** A wall-clock time `minutes` ahead in `zone`, as a datetime-local input takes it. */
function localInput(minutes: number, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

test("auto-replies: make, reorder and try rules; a contact's message is answered and counted live", async ({ page }) => {
  const user = newUser("auto");
  const api = await registerOwnerViaApi(user);
  const { sessionId } = await pairSandboxSession(api, "Shop");
  await signIn(page, user);
  await page.getByRole("link", { name: "Automation" }).filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/automation$/);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");

  await expect(page.getByTestId("autoreply-off")).toBeVisible();
  await page.getByRole("switch", { name: "Auto-reply on for this session" }).click();
  await expect(page.getByTestId("autoreply-off")).toBeHidden();

  const form = page.getByRole("form", { name: "New auto-reply rule" });
  for (const [keyword, reply] of [
    ["hours", "We start at 9, {{name}}"],
    ["open", "Open every day"],
  ]) {
    await form.getByLabel("Keyword").fill(keyword);
    await form.getByLabel("Reply").fill(reply);
    await form.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByTestId("autoreply-rule").filter({ hasText: keyword })).toBeVisible();
  }
  // A pattern RE2 refuses is named in the answer.
  await form.getByLabel("Keyword").fill("(a)\\1");
  await form.getByLabel("Match", { exact: true }).selectOption("REGEX");
  await form.getByLabel("Reply").fill("x");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByRole("alert")).toContainText("keyword:");

  const rules = page.getByTestId("autoreply-rule");
  await expect(rules).toHaveCount(2);
  await expect(rules.first()).toContainText("hours");
  // "when are you open? hours?" matches both: the first in the list answers.
  const tester = page.getByLabel("Sample message");
  await tester.fill("when are you open? hours?");
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByTestId("tester-result")).toContainText("Matches hours");
  await page.getByRole("button", { name: "Move down: hours" }).click();
  await expect(rules.first()).toContainText("open");
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(page.getByTestId("tester-result")).toContainText("Matches open");
  await page.getByRole("button", { name: "Move up: hours" }).click();
  await expect(rules.first()).toContainText("hours");

  // A contact writes; the reply goes out and the count moves without a reload.
  await expectOk(await api.post(`/api/sandbox/contacts/${ALICE}/messages`, { data: { to: sessionId, text: "Your HOURS please" } }), "contact sends");
  await expect(rules.filter({ hasText: "hours" }).getByTestId("autoreply-hits")).toContainText("1 reply");
  await expect
    .poll(async () =>
      (await expectOk<Array<{ text: string; fromSession: string }>>(await api.get(`/api/sandbox/contacts/${ALICE}/messages`), "inbox"))
        .filter((m) => m.fromSession === sessionId)
        .map((m) => m.text),
    )
    .toEqual(["We start at 9, Alice Example"]);
});

test("schedule: one-time messages by day, cancel, recurring with next firings, pause/resume, variation preview", async ({ page }) => {
  const user = newUser("sched");
  const api = await registerOwnerViaApi(user);
  await createSessionViaApi(api, "Office");
  await signIn(page, user);
  await page.goto("/automation/schedule");
  const zone = (
    (await page
      .getByText(/^Times in /)
      .first()
      .textContent()) ?? ""
  )
    .replace(/^Times in /, "")
    .split(".")[0]
    .trim();

  const form = page.getByRole("form", { name: "Schedule a message" });
  await form.getByLabel("To (phone number or JID)").fill(ALICE);
  await form.getByLabel("Message").fill("{Hi|Hello} there. Thanks for the order. Great news today.");
  await form.getByLabel("Synonyms").check();
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("variation-preview").getByRole("listitem")).toHaveCount(3);

  await form.getByLabel("Send at").fill(localInput(90, zone));
  await form.getByRole("button", { name: "Schedule", exact: true }).click();
  const upcoming = page.getByTestId("schedule-upcoming");
  await expect(upcoming.getByTestId("schedule-item")).toHaveCount(1);
  await expect(upcoming.getByRole("heading", { level: 3 })).toHaveCount(1);
  await upcoming.getByRole("button", { name: /^Cancel message/ }).click();
  await expect(upcoming.getByTestId("schedule-item")).toHaveCount(0);
  await expect(page.getByTestId("schedule-past").getByTestId("schedule-item")).toContainText("cancelled");

  // A time in the past is refused with the field named.
  await form.getByLabel("To (phone number or JID)").fill(ALICE);
  await form.getByLabel("Message").fill("too late");
  await form.getByLabel("Send at").fill(localInput(-90, zone));
  await form.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(form.getByRole("alert")).toContainText("sendAt:");

  await form.getByLabel("Recurring").check();
  await form.getByLabel("Message").fill("Weekly report");
  await form.getByLabel("Cron expression").fill("0 9 * * 1-5");
  await form.getByRole("button", { name: "Schedule", exact: true }).click();
  const item = page.getByTestId("recurring-item");
  await expect(item).toContainText("0 9 * * 1-5");
  await expect(item.getByTestId("next-firings")).toContainText("09:00:00");
  await item.getByRole("button", { name: "Pause" }).click();
  await expect(item).toContainText("paused");
  await expect(item.getByTestId("next-firings")).toBeHidden();
  await item.getByRole("button", { name: "Resume" }).click();
  await expect(item).toContainText("active");
  await expect(item.getByTestId("next-firings")).toBeVisible();
});

test("the automation pages fit a phone and work with the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const user = newUser("autophone");
  const api = await registerOwnerViaApi(user);
  await createSessionViaApi(api, "Phone");
  await signIn(page, user);
  for (const path of ["/automation", "/automation/schedule"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.goto("/automation");
  await page.getByLabel("Sample message").focus();
  await page.keyboard.type("anything");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("tester-result")).toContainText("No rule matches.");
});
