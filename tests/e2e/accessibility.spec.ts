// An axe-core scan of every dashboard page, signed out and signed in, at desktop and phone size, in
// light and dark mode: no serious or critical violation. Also one <h1> per page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

const SIGNED_OUT = ["/login", "/register"];
const SIGNED_IN = [
  "/overview",
  "/sessions",
  "/sessions?view=cards",
  "/chats",
  "/groups",
  "/campaigns",
  "/campaigns/new",
  "/recipient-lists",
  "/automation",
  "/automation/schedule",
  "/logs",
  "/webhooks",
  "/api-key",
  "/ws-test",
  "/users",
  "/audit",
  "/account",
];

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  for (const scheme of ["light", "dark"] as const) {
    test(`${viewport.name}, ${scheme}: every page passes axe-core`, async ({ browser }) => {
      test.setTimeout(180_000);
      const owner = newUser(`axe${viewport.name}${scheme}`);
      const api = await registerOwnerViaApi(owner);
      const { sessionId } = await createSessionViaApi(api, "Scanned line");
      await createSessionViaApi(api, "Second line");
      await api.dispose();
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      const problems: string[] = [];
      const scan = async (path: string) => {
        await page.goto(path);
        // One <h1> per page; its presence also means the page has rendered.
        await expect(page.locator("h1")).toHaveCount(1);
        const result = await new AxeBuilder({ page }).analyze();
        for (const v of result.violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
          problems.push(`${path}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        }
      };
      for (const path of SIGNED_OUT) await scan(path);
      await signInWithForm(page, owner.username, owner.password);
      await expect(page).toHaveURL(/\/sessions$/);
      for (const path of [...SIGNED_IN, `/sessions/${sessionId}`, `/sessions/${sessionId}/chats`]) await scan(path);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}
