// Not a test of behaviour: renders the main pages on a phone and a desktop viewport into
// test-results/screenshots/ for a human to look at. Runs only with E2E_SCREENSHOTS=1.
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./e2e-server";
import { createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

test.skip(!process.env.E2E_SCREENSHOTS, "set E2E_SCREENSHOTS=1 to render the screenshots");

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
];

test("screenshots of the dashboard", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = newUser("shots");
  const api = await registerOwnerViaApi(owner);
  const sessions = [];
  for (const name of ["Support line", "Sales desk", "Deliveries"]) sessions.push(await createSessionViaApi(api, name));
  // The first one linked in the sandbox, with a message and a status history to show.
  await api.post(`/api/sessions/${sessions[0].sessionId}/connect`, { data: {} });
  expect((await api.post(`/api/sandbox/sessions/${sessions[0].sessionId}/scan`, { data: {} })).status()).toBe(200);
  await api.post("/api/sandbox/contacts/15550100001/messages", { data: { to: sessions[0].sessionId, text: "Hi! Is the shop open on Sunday?" } });
  await api.post("/api/user/api-key");
  await api.post("/api/users", { data: { ...newUser("staffer"), name: "Dana Staffer" } });
  await api.dispose();

  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: `test-results/screenshots/${viewport.name}-${name}.png`, fullPage: true });

    await page.goto("/login");
    await shot("login");
    await page.goto("/register");
    await shot("register");
    await signInWithForm(page, owner.username, owner.password);
    await expect(page).toHaveURL(/\/sessions$/);
    await shot("sessions-default");
    // The rest of the walk-through uses the cards at both sizes.
    await page.goto("/sessions?view=cards");
    await expect(page.getByTestId("session-card")).toHaveCount(3);
    await expect(page.getByTestId("session-phone").filter({ visible: true })).toBeVisible();
    await shot("sessions");
    await page.getByTestId("sandbox-badge").filter({ visible: true }).hover();
    await shot("sandbox-tooltip");
    await page.mouse.move(0, 400);
    const card = page.getByTestId("session-card").filter({ hasText: viewport.name === "phone" ? "Sales desk" : "Deliveries" });
    await card.getByTestId("connect-session").click();
    await expect(page.getByTestId("qr-image")).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/${viewport.name}-qr-dialog.png` });
    await page.keyboard.press("Escape");
    await expect(card.getByTestId("session-status")).toHaveText("Waiting for QR scan");
    await shot("sessions-waiting");
    if (viewport.name === "phone") {
      await page.getByTestId("menu-button").click();
      await shot("sessions-menu");
      // The drawer is a modal dialog: Escape closes it (the button behind it is inert).
      await page.keyboard.press("Escape");
    }
    await page.getByTestId("session-menu").filter({ visible: true }).first().click();
    await shot("sessions-menu-open");
    await page.getByTestId("delete-session").filter({ visible: true }).first().click();
    await shot("sessions-confirm");
    await page.keyboard.press("Escape");
    await page.goto(`/sessions/${sessions[0].sessionId}`);
    await expect(page.getByTestId("event-row").first()).toBeVisible();
    await shot("session");
    await page.goto("/api-key");
    await shot("api-key");
    await page.getByTestId("regenerate-api-key").click();
    await page.getByTestId("confirm-button").click();
    await expect(page.getByTestId("full-api-key")).toBeVisible();
    await shot("api-key-new");
    await page.goto("/users");
    await shot("users");
    await page.goto("/sessions/nope00");
    await shot("not-found");
    await context.close();
  }

  const admin = await browser.newContext({ viewport: VIEWPORTS[1] });
  const page = await admin.newPage();
  await signInWithForm(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto("/users");
  await page.screenshot({ path: "test-results/screenshots/desktop-users-superadmin.png", fullPage: true });
  await admin.close();
});
