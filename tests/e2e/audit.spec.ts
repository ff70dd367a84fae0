// The Audit log page: an owner sees their tenant's sign-ins and changes, another tenant does not,
// staff get the 404 panel; desktop and phone, with an axe-core scan.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`${viewport.name}: the owner reads who did what; another tenant sees none of it`, async ({ page, browser }) => {
    const owner = newUser(`audit${viewport.name}`);
    const api = await registerOwnerViaApi(owner);
    await createSessionViaApi(api, `Audited ${viewport.name}`);
    await page.setViewportSize(viewport);
    await signInWithForm(page, owner.username, owner.password);
    await expect(page).toHaveURL(/\/sessions$/);
    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    await expect(page.getByTestId("audit-row").filter({ hasText: "Created a session" })).toContainText(`Audited ${viewport.name}`);
    await expect(page.getByTestId("audit-row").filter({ hasText: "Signed in" }).first()).toContainText(owner.name);
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    const stranger = newUser(`auditx${viewport.name}`);
    await (await registerOwnerViaApi(stranger)).dispose();
    const context = await browser.newContext({ viewport });
    const other = await context.newPage();
    await signInWithForm(other, stranger.username, stranger.password);
    await expect(other).toHaveURL(/\/sessions$/);
    await other.goto("/audit");
    await expect(other.getByTestId("audit-row").filter({ hasText: "Created a session" })).toHaveCount(0);
    await expect(other.locator("body")).not.toContainText(`Audited ${viewport.name}`);
    await context.close();

    // Staff have no audit log: the 404 panel.
    const staff = newUser("auditstaff");
    expect((await api.post("/api/users", { data: staff })).status()).toBe(201);
    const staffContext = await browser.newContext({ viewport });
    const staffPage = await staffContext.newPage();
    await signInWithForm(staffPage, staff.username, staff.password);
    await expect(staffPage).toHaveURL(/\/sessions$/);
    const response = await staffPage.goto("/audit");
    expect(response?.status()).toBe(404);
    await expect(staffPage.getByTestId("not-found")).toBeVisible();
    await staffContext.close();
    await api.dispose();
  });
}
