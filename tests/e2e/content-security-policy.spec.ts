// The dashboard under its Content-Security-Policy (proxy.ts): every page renders and its scripts
// run — client components respond, the session page talks to the API and Socket.io — and the
// browser reports no violation. A CSP that blocked Next.js's own scripts would fail here first.
import { expect, test, type Page } from "@playwright/test";
import { newUser, registerWithForm } from "./helpers";

/** Collects what the browser reports as blocked by the policy, from the page and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(
        `${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  return violations;
}

test("pages render and run their scripts under the policy, with no violation", async ({ page }) => {
  const violations = await watchViolations(page);

  const response = await page.goto("/login");
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");

  // Client-side scripts run: the register form is a client component that navigates on success,
  // and the sessions page creates a session through fetch (same-origin, cookie, JSON).
  const owner = newUser("csp");
  await registerWithForm(page, owner);
  await page.getByTestId("create-session").click();
  await page.getByTestId("create-session-form").getByLabel("Name", { exact: true }).fill("Under CSP");
  await page.getByRole("button", { name: "Create session" }).click();
  const card = page.getByTestId("session-row").filter({ hasText: "Under CSP" });
  await expect(card).toBeVisible();

  // The session page connects Socket.io and shows a QR code (a data: image) after Connect.
  await card.getByTestId("session-link").click();
  await expect(page.getByTestId("session-name")).toHaveText("Under CSP");
  await page
    .getByRole("button", { name: /^Connect/ })
    .first()
    .click();
  await expect(page.locator("img[src^='data:image/png']").first()).toBeVisible({ timeout: 30_000 });

  for (const path of ["/users", "/webhooks", "/api-key", "/docs"]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(200);
    await expect(page.locator("body")).not.toBeEmpty();
  }
  expect(violations).toEqual([]);
});
