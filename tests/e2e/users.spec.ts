// Users: an owner edits a staff member (name, email, password reset) with errors next to the
// fields; a superadmin searches, filters by role and pages through everyone. Desktop and phone,
// with an axe-core scan; another owner's staff is not reachable.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./e2e-server";
import { apiClient, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`${viewport.name}: an owner edits a staff member and resets their password`, async ({ page }) => {
    const owner = newUser(`boss${viewport.name}`);
    const api = await registerOwnerViaApi(owner);
    const staff = newUser("editme");
    expect((await api.post("/api/users", { data: staff })).status()).toBe(201);

    await page.setViewportSize(viewport);
    await signInWithForm(page, owner.username, owner.password);
    await expect(page).toHaveURL(/\/sessions$/);
    await page.goto("/users");
    const row = page.getByTestId("user-row").filter({ hasText: staff.username });
    await row.getByTestId("edit-user").click();
    const dialog = page.getByTestId("edit-user-dialog");
    await dialog.getByLabel("Email", { exact: true }).fill("not-an-email");
    await dialog.getByLabel("New password").fill("short");
    await dialog.getByTestId("save-user").click();
    await expect(dialog.getByTestId("field-error")).toHaveText(["Must be a valid email address.", "Must be at least 8 characters."]);

    await dialog.getByLabel("Name", { exact: true }).fill("Renamed Staffer");
    await dialog.getByLabel("Email", { exact: true }).fill(`renamed-${staff.email}`);
    await dialog.getByLabel("New password").fill("a-brand-new-password");
    await dialog.getByTestId("save-user").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("user-row").filter({ hasText: staff.username })).toContainText("Renamed Staffer");
    await expect(page.getByTestId("user-row").filter({ hasText: staff.username })).toContainText(`renamed-${staff.email}`);

    // The reset password works, the old one no longer does.
    const client = await apiClient();
    expect((await client.post("/api/auth/login", { data: { username: staff.username, password: staff.password } })).status()).toBe(401);
    expect((await client.post("/api/auth/login", { data: { username: staff.username, password: "a-brand-new-password" } })).status()).toBe(200);
    await client.dispose();

    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // Another owner cannot reach this staff member.
    const stranger = await registerOwnerViaApi(newUser("stranger"));
    const list = (await (await stranger.get("/api/users")).json()) as { username: string }[];
    expect(list.map((u) => u.username)).not.toContain(staff.username);
    await stranger.dispose();
    await api.dispose();
  });
}

test("a superadmin searches, filters by role and pages through users", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = `needle${Date.now().toString(36)}`;
  const owner = newUser(tag);
  const api = await registerOwnerViaApi(owner);
  // 26 staff + their owner: more than one page of 25 match the search.
  for (let i = 0; i < 26; i++) expect((await api.post("/api/users", { data: newUser(`${tag}s${i}`) })).status()).toBe(201);
  await api.dispose();

  await signInWithForm(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto("/users");
  const filters = page.getByTestId("user-filters");
  await filters.getByLabel("Search").fill(tag);
  await filters.getByTestId("apply-filters").click();
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page.getByTestId("user-row")).toHaveCount(25);
  await expect(page.getByTestId("users-range")).toHaveText("1–25 of 27");
  await page.getByTestId("users-next").click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("users-range")).toHaveText("26–27 of 27");
  await expect(page.getByTestId("user-row")).toHaveCount(2);

  await page.goto(`/users?q=${tag}&role=OWNER`);
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await expect(page.getByTestId("user-row")).toContainText(owner.username);
  await page.goto("/users?q=nobody-is-called-this");
  await expect(page.getByTestId("users-no-match")).toBeVisible();
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
