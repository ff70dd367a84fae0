// The campaigns pages against the sandbox gateway: a recipient list imported from CSV with its
// preview and error report; a campaign created in the form with a live per-recipient preview,
// followed live to completed on its page (figures, chart, recipient table); the list page's
// progress; phone size; and another tenant's campaign is a 404.
import { expect, test } from "@playwright/test";
import { expectOk, newUser, pairSandboxSession, registerOwnerViaApi, signInWithForm } from "./helpers";

test("create a campaign in the form, watch it complete live, and import a list from CSV", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const owner = newUser("campaigner");
  const api = await registerOwnerViaApi(owner);
  await pairSandboxSession(api, "Promotions");
  const base = `1555${String(Date.now()).slice(-4)}`;
  const people = ["Ada", "Bo", "Cy"].map((name, i) => ({ name, phone: `${base}${i}0` }));
  for (const p of people) await expectOk(await api.post("/api/sandbox/contacts", { data: { phone: p.phone, name: p.name } }), `contact ${p.name}`);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signInWithForm(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/sessions$/);
  await page.getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByTestId("campaigns-empty")).toBeVisible();

  // A list from CSV: the preview reports the bad row before anything is written.
  await page.getByRole("main").getByRole("link", { name: "Recipient lists" }).click();
  await page.getByLabel("New list name").fill("Customers");
  await page.getByLabel(/Tags/).fill("VIP");
  await page.getByRole("button", { name: "Create list" }).click();
  const row = page.getByTestId("list-table").getByRole("row", { name: /Customers/ });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Import CSV" }).click();
  const csv = `number,name\n${people[2].phone},${people[2].name}\nnot-a-number,Nobody\n`;
  await page.getByLabel(/CSV file/).setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByTestId("import-preview")).toContainText("1 to add");
  await expect(page.getByTestId("import-preview")).toContainText("line 3: not-a-number");
  await page.getByRole("button", { name: "Import 1 recipients" }).click();
  await expect(row.getByRole("cell", { name: "1", exact: true })).toBeVisible();

  // The campaign: two pasted recipients plus the list; the preview shows each one's text.
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Spring offer");
  await page.getByLabel("Text").fill("Hello {{Name}}, spring is here!");
  await page.getByLabel(/Paste numbers/).fill(`number,name\n${people[0].phone},${people[0].name}\n${people[1].phone},\n`);
  await expect(page.getByTestId("campaign-preview")).toContainText(`Hello ${people[0].name}, spring is here!`);
  await expect(page.getByTestId("campaign-preview")).toContainText("skipped — missing field: Name");
  await page.getByLabel(/Customers/).check();
  await page.getByLabel("Delay between recipients (ms)").fill("0");
  await page.getByLabel("Random extra delay (ms)").fill("0");
  await page.getByRole("button", { name: "Create and start" }).click();
  await expect(page).toHaveURL(/\/campaigns\/c[a-z0-9]+$/);
  const campaignUrl = page.url();

  // Live: the figures move to the end without a reload.
  await expect(page.getByTestId("campaign-status")).toHaveText("completed", { timeout: 60_000 });
  await expect(page.getByTestId("figure-sent")).toHaveText("2");
  await expect(page.getByTestId("figure-skipped")).toHaveText("1");
  await expect(page.getByTestId("recipient-table").getByRole("row")).toHaveCount(4);
  await page.getByLabel("Recipient status").selectOption("skipped");
  await expect(page.getByTestId("recipient-table")).toContainText("missing field: Name");
  await expect(page.getByRole("img", { name: "Sent, delivered and read over time" })).toBeVisible();
  await page.getByLabel("Recipient status").selectOption("");
  await page.screenshot({ path: "test-results/screenshots/campaign-detail.png", fullPage: true });

  // The list page shows it finished; at phone size too.
  await page.goto("/campaigns");
  const listed = page.getByTestId("campaign-table").getByRole("row", { name: /Spring offer/ });
  await expect(listed.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  // The search bars (one form for both pages): the filter goes into the URL and narrows the list.
  await page.getByLabel("Search campaigns").fill("no such campaign");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/search=no\+such\+campaign/);
  await expect(page.getByTestId("campaign-table").getByRole("row", { name: /Spring offer/ })).toHaveCount(0);
  await expect(page.getByLabel("Search campaigns")).toHaveValue("no such campaign");
  await page.getByLabel("Search campaigns").fill("spring");
  await page.getByLabel("Status").selectOption("completed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=completed/);
  await expect(page.getByTestId("campaign-table").getByRole("row", { name: /Spring offer/ })).toBeVisible();
  await page.goto("/recipient-lists");
  await page.getByLabel("Tag", { exact: true }).fill("nobody-has-this-tag");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/tag=nobody-has-this-tag/);
  await expect(page.getByTestId("list-table").getByRole("row", { name: /Customers/ })).toHaveCount(0);
  await page.getByLabel("Tag", { exact: true }).fill("VIP");
  await page.getByLabel("Search lists").fill("cust");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("list-table").getByRole("row", { name: /Customers/ })).toBeVisible();
  await page.goto("/campaigns");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(listed.getByRole("link", { name: "Spring offer" })).toBeVisible();
  await page.goto(campaignUrl);
  await expect(page.getByTestId("figure-sent")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/campaign-detail-phone.png", fullPage: true });

  // Another tenant: the campaign does not exist for them.
  const stranger = newUser("stranger");
  await registerOwnerViaApi(stranger);
  const context = await browser.newContext();
  const other = await context.newPage();
  await signInWithForm(other, stranger.username, stranger.password);
  await expect(other).toHaveURL(/\/sessions$/);
  const response = await other.goto(campaignUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByTestId("not-found")).toBeVisible();
  await context.close();
});
