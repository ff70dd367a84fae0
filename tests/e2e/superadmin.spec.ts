// The superadmin's user management: everyone listed with roles, staff created for a chosen owner.
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./e2e-server";
import { newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

test("superadmin sees everyone, creates staff for an owner, changes a role, deletes a user", async ({ page }) => {
  const owner = newUser("tenant");
  await (await registerOwnerViaApi(owner)).dispose();

  await signInWithForm(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await expect(page.getByTestId("user-row").filter({ hasText: owner.username })).toContainText("Owner");

  const staff = newUser("clerk");
  await page.getByTestId("create-user").click();
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("Role").selectOption("STAFF");
  await form.getByLabel("Owner").selectOption({ label: `${owner.name} (@${owner.username})` });
  await form.getByLabel("Name", { exact: true }).fill(staff.name);
  await form.getByLabel("Email", { exact: true }).fill(staff.email);
  await form.getByLabel("Username", { exact: true }).fill(staff.username);
  await form.getByLabel("Password").fill(staff.password);
  await form.getByRole("button", { name: "Create" }).click();

  const staffRow = page.getByTestId("user-row").filter({ hasText: staff.username });
  await expect(staffRow).toContainText("Staff");
  await expect(staffRow.getByTestId("assigned-sessions")).toContainText(`Staff of ${owner.name}`);

  await staffRow.getByTestId("change-role").click();
  await page.getByRole("dialog").getByLabel("Role").selectOption("OWNER");
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(staffRow.getByText("Owner", { exact: true })).toBeVisible();

  await staffRow.getByTestId("delete-user").click();
  await page.getByTestId("confirm-button").click();
  await expect(page.getByTestId("user-row").filter({ hasText: staff.username })).toHaveCount(0);
});
