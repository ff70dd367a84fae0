import { createServer } from "node:http";
import { chromium } from "@playwright/test";
import { startTestServer } from "./serve-test.mjs";
const rec = createServer((req, res) => { req.resume(); req.on("end", () => { res.writeHead(req.url === "/gone" ? 410 : 200); res.end(req.url === "/gone" ? "gone" : "ok"); }); });
await new Promise<void>((r) => rec.listen(0, "127.0.0.1", r));
const rp = (rec.address() as any).port;
const g = await startTestServer({ port: 46000 + Math.floor(Math.random() * 500), env: { WA_MODE: "sandbox", ALLOW_PRIVATE_NETWORK_URLS: "true", WA_CONNECT_WAIT_MS: "10000" } });
const base = g.baseUrl;
async function req(method: string, path: string, body?: unknown, h: Record<string, string> = {}) {
  const res = await fetch(base + path, { method, headers: { "Content-Type": "application/json", ...h }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { headers: res.headers, body: await res.json().catch(() => null), status: res.status };
}
try {
  const name = "shot" + Date.now().toString(36);
  const r = await req("POST", "/api/auth/register", { name: "Shop Owner", email: `${name}@example.com`, username: name, password: "password-123" });
  const cookie = r.headers.get("set-cookie")!.split(";")[0];
  const a = { Cookie: cookie };
  const s = (await req("POST", "/api/sessions", { name: "Shop" }, a)).body;
  await req("POST", `/api/sessions/${s.sessionId}/connect`, {}, a);
  await req("POST", `/api/sandbox/sessions/${s.sessionId}/scan`, {}, a);
  for (;;) { if ((await req("GET", `/api/sessions/${s.sessionId}/status`, undefined, a)).body.status === "CONNECTED") break; await new Promise((x) => setTimeout(x, 200)); }
  const ok = (await req("POST", "/api/webhooks", { name: "Order system", url: `http://127.0.0.1:${rp}/ok`, events: ["message.received", "message.status"] }, a)).body;
  await req("POST", "/api/webhooks", { name: "Legacy CRM", url: `http://127.0.0.1:${rp}/gone`, events: ["*"], replyEnabled: true, sessionId: s.sessionId }, a);
  await req("PUT", `/api/sessions/${s.sessionId}/webhook`, { url: `http://127.0.0.1:${rp}/ok` }, a);
  for (const t of ["Hi, is my order ready?", "Order #1042"]) await req("POST", "/api/sandbox/contacts/15550100002/messages", { to: s.sessionId, text: t }, a);
  await new Promise((x) => setTimeout(x, 3000));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
  await ctx.addCookies([{ name: cookie.split("=")[0], value: cookie.split("=").slice(1).join("="), url: base }]);
  const page = await ctx.newPage();
  await page.goto(base + "/webhooks");
  await page.getByTestId("show-deliveries").nth(1).click();
  await page.getByTestId("delivery-row").first().waitFor();
  await page.getByTestId("test-webhook").first().click();
  await page.getByTestId("test-result").waitFor();
  await page.screenshot({ path: "/tmp/whdbg/webhooks.png", fullPage: true });
  await page.getByTestId("add-webhook").click();
  await page.getByTestId("webhook-dialog").waitFor();
  await page.screenshot({ path: "/tmp/whdbg/webhooks-dialog.png" });
  await browser.close();
  console.log("ok", ok.id);
} finally { await g.stop(); rec.close(); }
