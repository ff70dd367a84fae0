// Issue 14 pages: named, scoped API keys on the API key page (phone size, keyboard), and the
// interactive API reference at /docs rendered from our own origin only.
import { expect, test } from "@playwright/test";
import { newUser, registerWithForm } from "./helpers";

test("an owner creates a read-only named key and revokes it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await registerWithForm(page, newUser("keys"));
  await page.goto("/api-key");
  await page.getByTestId("new-named-key").click();
  const dialog = page.getByRole("dialog", { name: "New named key" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Reporting");
  // By keyboard: the scope checkbox is reachable and ticked with Space.
  await dialog.getByRole("checkbox", { name: "Read only" }).focus();
  await page.keyboard.press("Space");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-named-key-value")).toContainText("wag_");
  const row = page.getByTestId("named-key-row").filter({ hasText: "Reporting" });
  await expect(row).toContainText("Read only");
  await expect(row).toContainText("All your sessions");
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("named-key-row")).toHaveCount(0);
  // The key page leads to the reference and to the live WebSocket test page, and the link works.
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs");
  await page.getByRole("link", { name: "Live WebSocket test page" }).click();
  await expect(page).toHaveURL(/\/ws-test$/);
});

test("/docs is an interactive reference with every door, loading nothing from other origins", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreign.push(req.url());
  });
  await page.goto("/docs");
  const reference = page.getByTestId("api-reference");
  for (const tag of ["Campaign API", "Chatery", "Clevio", "Automation API", "API key"]) {
    await expect(reference.getByRole("heading", { name: tag, exact: true }).first()).toBeVisible();
  }
  expect(foreign).toEqual([]);
});
