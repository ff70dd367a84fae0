// Another tenant's session must look exactly like one that does not exist.
import { expect, test } from "@playwright/test";
import { createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

test("a second tenant opening the first tenant's session gets the 404 page", async ({ page }) => {
  const first = await registerOwnerViaApi(newUser("tenanta"));
  const session = await createSessionViaApi(first, "Tenant A private");
  await first.dispose();

  const second = newUser("tenantb");
  await (await registerOwnerViaApi(second)).dispose();
  await signInWithForm(page, second.username, second.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByText("Tenant A private")).toHaveCount(0);

  const response = await page.goto(`/sessions/${session.sessionId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Tenant A private");
  // Still inside the signed-in shell.
  await expect(page.getByTestId("app-shell")).toBeVisible();

  const missing = await page.goto("/sessions/zzzzzz");
  expect(missing?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("an unknown page outside the shell is a 404 too", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
});
