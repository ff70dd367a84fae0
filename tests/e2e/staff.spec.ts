// An owner's staff member sees only the sessions assigned to them, and cannot change sessions.
import { expect, test } from "@playwright/test";
import { createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm, signOut } from "./helpers";

test("owner creates staff, assigns one session; staff sees only that one, read-only", async ({ page }) => {
  const owner = newUser("boss");
  const api = await registerOwnerViaApi(owner);
  const assigned = await createSessionViaApi(api, "Assigned line");
  await createSessionViaApi(api, "Private line");

  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.getByRole("link", { name: "Users" }).filter({ visible: true }).click();
  await expect(page.getByRole("heading", { name: "Staff", exact: true })).toBeVisible();
  await expect(page.getByTestId("users-empty")).toBeVisible();

  const staff = newUser("helper");
  await page.getByTestId("create-user").click();
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("Name", { exact: true }).fill(staff.name);
  await form.getByLabel("Email", { exact: true }).fill(staff.email);
  await form.getByLabel("Username", { exact: true }).fill(staff.username);
  await form.getByLabel("Password").fill(staff.password);
  await form.getByRole("button", { name: "Create" }).click();

  const row = page.getByTestId("user-row").filter({ hasText: staff.username });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("assigned-sessions")).toHaveText("No sessions assigned");

  await row.getByTestId("assign-sessions").click();
  const dialog = page.getByTestId("assign-sessions-dialog");
  await dialog.getByLabel("Assigned line").check();
  await dialog.getByTestId("save-assignments").click();
  await expect(row.getByTestId("assigned-sessions")).toHaveText("Sessions: Assigned line");

  await signOut(page);
  await signInWithForm(page, staff.username, staff.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByTestId("current-user")).toContainText("Staff");

  const card = page.getByTestId("session-row");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Assigned line");
  await expect(card.getByTestId("session-status")).toHaveText("Disconnected");
  await expect(page.getByText("Private line")).toHaveCount(0);
  await expect(page.getByTestId("create-session")).toHaveCount(0);
  await expect(page.getByTestId("rename-session")).toHaveCount(0);
  await expect(page.getByTestId("delete-session")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(page.getByTestId("connect-session")).toHaveCount(0);
  await expect(page.getByTestId("session-menu")).toHaveCount(0);

  // The owner links the session (the sandbox phone scans through the API): the staff member's
  // badge follows live, still without any button to change the session.
  expect((await api.post(`/api/sessions/${assigned.sessionId}/connect`, { data: {} })).status()).toBe(200);
  await expect(card.getByTestId("session-status")).toHaveText("Waiting for QR scan");
  const scan = await api.post(`/api/sandbox/sessions/${assigned.sessionId}/scan`, { data: {} });
  expect(scan.status(), await scan.text()).toBe(200);
  await expect(card.getByTestId("session-status")).toHaveText("Connected");
  await expect(card.getByTestId("session-phone")).toHaveText(`+${(await scan.json()).phone}`);
  await expect(page.getByTestId("connect-session")).toHaveCount(0);
  await expect(page.getByTestId("session-menu")).toHaveCount(0);

  await card.getByTestId("session-link").click();
  await expect(page.getByTestId("session-name")).toHaveText("Assigned line");
  await expect(page.getByTestId("session-status")).toHaveText("Connected");
  await expect(page.getByTestId("event-log")).toBeVisible();
  for (const button of ["connect-session", "restart-session", "logout-session", "rename-session", "delete-session"]) {
    await expect(page.getByTestId(button)).toHaveCount(0);
  }
  // Staff may send, so they get the sandbox's message tool, but not its fault injection.
  await expect(page.getByTestId("sandbox-send-form")).toBeVisible();
  await expect(page.getByTestId("sandbox-fault")).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "Read receipts" })).toBeDisabled();
  await expect(page.getByTestId("save-settings")).toHaveCount(0);
  // Nor can they reach the QR code through the API.
  expect((await page.request.get(`/api/sessions/${assigned.sessionId}/qr`)).status()).toBe(403);

  expect((await api.post(`/api/sessions/${assigned.sessionId}/logout`)).status()).toBe(200);
  await expect(page.getByTestId("session-status")).toHaveText("Logged out");
  await api.dispose();

  const users = await page.goto("/users");
  expect(users?.status()).toBe(404);
});
