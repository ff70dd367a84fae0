// The /login form: next-auth's credentials sign-in, with the account made through the JSON API.
import { expect, test } from "@playwright/test";
import { newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

test("signs in by username and by email; a wrong password shows an error", async ({ page }) => {
  const owner = newUser("login");
  await (await registerOwnerViaApi(owner)).dispose();

  await signInWithForm(page, owner.username, "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("Invalid username/email or password");
  await expect(page).toHaveURL(/\/login$/);
  // What was typed stays, so only the password needs retyping.
  await expect(page.getByLabel("Username or email")).toHaveValue(owner.username);

  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByTestId("current-user")).toContainText(owner.name);

  await page.context().clearCookies();
  await signInWithForm(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
});

test("an unknown account gets the same error, and /register links back", async ({ page }) => {
  await signInWithForm(page, "nobody-here", "whatever-password");
  await expect(page.getByTestId("login-error")).toHaveText("Invalid username/email or password");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/register$/);
});

test("registration shows the API's error next to its field, and every missing field at once", async ({ page }) => {
  const taken = newUser("taken");
  await (await registerOwnerViaApi(taken)).dispose();
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill("Someone");
  await page.getByLabel("Email", { exact: true }).fill(`other-${taken.email}`);
  await page.getByLabel("Username", { exact: true }).fill(taken.username);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  // One generic answer for a used e-mail or username: it does not say which.
  await expect(page.getByTestId("register-form")).toContainText("email or username: already in use");

  await page.goto("/register");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("register-form").getByTestId("field-error")).toHaveCount(4);
  await expect(page.getByTestId("register-form")).toContainText("Must be a valid email address.");
  await expect(page.getByTestId("register-form")).toContainText("Must be at least 8 characters.");
});

test("after too many wrong passwords the form says so, even for the right one", async ({ page }) => {
  const owner = newUser("locked");
  await (await registerOwnerViaApi(owner)).dispose();
  // The gateway allows 5 failures per account in its window (LOGIN_MAX_ATTEMPTS_PER_ACCOUNT).
  for (let attempt = 0; attempt < 5; attempt++) {
    await signInWithForm(page, owner.username, `wrong-${attempt}`);
    await expect(page.getByTestId("login-error")).toHaveText("Invalid username/email or password");
  }
  await signInWithForm(page, owner.username, owner.password);
  await expect(page.getByTestId("login-error")).toContainText("Too many failed sign-in attempts");
  await expect(page).toHaveURL(/\/login$/);
});
