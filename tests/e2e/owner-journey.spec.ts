// An owner's first visit: sign up, create a session, open it, get an API key once, sign out.
import { expect, test } from "@playwright/test";
import { newUser, registerWithForm, signOut } from "./helpers";

test("register, create a session, create an API key, sign out", async ({ page }) => {
  const owner = newUser("owner");
  await registerWithForm(page, owner);

  await expect(page.getByRole("heading", { name: "Sessions", exact: true })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText(owner.name);
  await expect(page.getByTestId("current-user")).toContainText("Owner");
  await expect(page.getByTestId("sessions-empty")).toBeVisible();

  await page.getByTestId("create-session").click();
  await page.getByTestId("create-session-form").getByLabel("Name", { exact: true }).fill("Support line");
  await page.getByRole("button", { name: "Create session" }).click();

  const card = page.getByTestId("session-row").filter({ hasText: "Support line" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("session-status")).toHaveText("Disconnected");
  const sessionId = (await card.getByTestId("session-id").textContent())!.trim();
  expect(sessionId).toMatch(/^[a-z0-9]{6}$/);

  await card.getByTestId("session-link").click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
  await expect(page.getByTestId("session-name")).toHaveText("Support line");
  await expect(page.getByTestId("session-id")).toHaveText(sessionId);
  await expect(page.getByRole("switch", { name: "Read receipts" })).toBeEnabled();

  await page.getByRole("link", { name: "API key" }).filter({ visible: true }).click();
  await expect(page.getByTestId("no-api-key")).toBeVisible();
  await page.getByTestId("create-api-key").click();

  const fullKey = page.getByTestId("full-api-key");
  await expect(fullKey).toHaveText(/^wag_[A-Za-z0-9_-]{32}$/);
  await expect(page.getByText("You won’t see this key again.")).toBeVisible();
  const key = (await fullKey.textContent())!.trim();
  await expect(page.getByTestId("masked-api-key")).toHaveText(`wag_…${key.slice(-4)}`);

  // The key really works, and the page never shows it again.
  const res = await page.request.get("/api/users/me", { headers: { "X-API-Key": key } });
  expect((await res.json()).username).toBe(owner.username);
  await page.reload();
  await expect(page.getByTestId("full-api-key")).toHaveCount(0);
  await expect(page.getByTestId("masked-api-key")).toHaveText(`wag_…${key.slice(-4)}`);
  await expect(page.locator("body")).not.toContainText(key);

  await signOut(page);
  await page.goto("/sessions");
  await expect(page).toHaveURL(/\/login$/);
});

test("rename and delete a session, with confirmation", async ({ page }) => {
  await registerWithForm(page, newUser("editor"));
  await page.getByTestId("create-session").click();
  await page.getByTestId("create-session-form").getByLabel("Name", { exact: true }).fill("Old name");
  await page.getByRole("button", { name: "Create session" }).click();
  const card = page.getByTestId("session-row").filter({ hasText: "Old name" });
  await expect(card).toBeVisible();

  // On a card, everything but Connect sits in its "⋯" menu.
  await card.getByTestId("session-menu").click();
  await card.getByTestId("rename-session").click();
  const renameForm = page.getByTestId("rename-session-form");
  await renameForm.getByLabel("Name", { exact: true }).fill("New name");
  await renameForm.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("session-row").filter({ hasText: "New name" })).toBeVisible();

  const renamed = page.getByTestId("session-row").filter({ hasText: "New name" });
  await renamed.getByTestId("session-menu").click();
  await renamed.getByTestId("delete-session").click();
  await expect(page.getByRole("dialog")).toContainText("Delete “New name”?");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("session-row")).toHaveCount(1);

  await renamed.getByTestId("session-menu").click();
  await renamed.getByTestId("delete-session").click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByTestId("sessions-empty")).toBeVisible();
});

test("session settings are saved", async ({ page }) => {
  await registerWithForm(page, newUser("settings"));
  await page.getByTestId("create-session").click();
  await page.getByTestId("create-session-form").getByLabel("Name", { exact: true }).fill("Toggles");
  await page.getByRole("button", { name: "Create session" }).click();
  await page.getByTestId("session-link").filter({ visible: true }).click();

  const readReceipts = page.getByRole("switch", { name: "Read receipts" });
  await expect(readReceipts).toHaveAttribute("aria-checked", "false");
  await readReceipts.click();
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-message")).toHaveText("Settings saved.");

  await page.reload();
  await expect(page.getByRole("switch", { name: "Read receipts" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("switch", { name: "Ghost mode" })).toHaveAttribute("aria-checked", "false");
});

test("regenerating replaces the key, revoking removes it", async ({ page }) => {
  await registerWithForm(page, newUser("keys"));
  await page.goto("/api-key");
  // The example names this gateway's real address, so it can be pasted and run.
  const origin = new URL(page.url()).origin;
  await expect(page.getByTestId("curl-example")).toHaveText(`curl -H "X-API-Key: YOUR_KEY" ${origin}/api/sessions`);
  await page.getByTestId("create-api-key").click();
  const first = (await page.getByTestId("full-api-key").textContent())!.trim();

  await page.getByTestId("regenerate-api-key").click();
  await expect(page.getByRole("dialog")).toContainText("stops working immediately");
  await page.getByTestId("confirm-button").click();
  await expect(page.getByTestId("full-api-key")).not.toHaveText(first);
  const second = (await page.getByTestId("full-api-key").textContent())!.trim();
  await expect(page.getByTestId("masked-api-key")).toHaveText(`wag_…${second.slice(-4)}`);
  const old = await page.request.get("/api/users/me", { headers: { "X-API-Key": first } });
  expect(old.status()).toBe(401);

  await page.getByTestId("revoke-api-key").click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByTestId("no-api-key")).toBeVisible();
  await expect(page.getByTestId("full-api-key")).toHaveCount(0);
  const revoked = await page.request.get("/api/users/me", { headers: { "X-API-Key": second } });
  expect(revoked.status()).toBe(401);
});
