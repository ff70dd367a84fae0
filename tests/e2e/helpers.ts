// Users and sign-ins for the browser specs. Every user is new and uniquely named, so specs never
// depend on each other's data or order.
import { randomBytes } from "node:crypto";
import { expect, request, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e-server";

export interface TestUser {
  name: string;
  email: string;
  username: string;
  password: string;
}

export function newUser(label: string): TestUser {
  const tag = `${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`.toLowerCase();
  return {
    name: `${label[0].toUpperCase()}${label.slice(1)} ${tag.slice(-6)}`,
    email: `${tag}@e2e.test`,
    username: tag.slice(0, 32),
    password: `pw-${randomBytes(6).toString("hex")}`,
  };
}

/** An API client with its own cookie jar: what it signs in as never leaks into a browser page. */
export async function apiClient(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: E2E_BASE_URL });
}

/** Registers an owner through the JSON API; the returned client is signed in as them. */
export async function registerOwnerViaApi(user: TestUser): Promise<APIRequestContext> {
  const api = await apiClient();
  const res = await api.post("/api/auth/register", { data: user });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

export async function createSessionViaApi(api: APIRequestContext, name: string): Promise<{ sessionId: string; name: string }> {
  const res = await api.post("/api/sessions", { data: { name } });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** Works in either language: the form is found by its fields' names (a browser asking for Indonesian gets an Indonesian form). */
export async function signInWithForm(page: Page, identifier: string, password: string) {
  await page.goto("/login");
  const form = page.getByTestId("login-form");
  await form.locator('input[name="identifier"]').fill(identifier);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}

export async function registerWithForm(page: Page, user: TestUser) {
  await page.goto("/register");
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Username", { exact: true }).fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
}

/** Opens the top bar's sign-out, through the menu button on a phone-sized viewport. */
export async function signOut(page: Page) {
  const menu = page.getByTestId("menu-button");
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: "Sign out" }).filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** The answer's JSON, after checking it is a success (the failure names what was asked and the body). */
export async function expectOk<T = unknown>(response: Awaited<ReturnType<APIRequestContext["post"]>>, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A new session paired with the sandbox's phone, with pacing off so sends go out at once. */
export async function pairSandboxSession(api: APIRequestContext, name: string): Promise<{ sessionId: string; phone: string }> {
  const { sessionId } = await createSessionViaApi(api, name);
  await expectOk(await api.patch(`/api/sessions/${sessionId}/settings`, { data: { config: { pacing: { enabled: false } } } }), "pacing off");
  await expectOk(await api.post(`/api/sessions/${sessionId}/connect`), "connect");
  const { phone } = await expectOk<{ phone: string }>(await api.post(`/api/sandbox/sessions/${sessionId}/scan`, { data: {} }), "sandbox scan");
  await expect
    .poll(async () => (await expectOk<{ status: string }>(await api.get(`/api/sessions/${sessionId}/status`), "status")).status, {
      message: "session connects",
      timeout: 30_000,
    })
    .toBe("CONNECTED");
  return { sessionId, phone };
}
