// Indonesian render of the Groups, Campaigns, Recipient lists and Automation pages: an owner whose
// account is set to Indonesian (the browser asks for English, so the account's choice is what
// counts) sees each page's headings, buttons, statuses and feedback in Indonesian, with counts and
// times in Indonesian formats, and an axe-core scan of each page finds no serious or critical
// violation. The data is real: a paired sandbox session, a group a contact made, a list imported from
// CSV, a campaign run to its end, an auto-reply rule, a one-time and a recurring scheduled message.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createSessionViaApi, newUser, registerOwnerViaApi, signInWithForm } from "./helpers";

const ALICE = "15550100002";
const BOB = "15550100003";
// An Indonesian weekday starts each day heading of the schedule.
const INDONESIAN_WEEKDAY = /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), /;

// Desktop in light mode and phone in dark mode: each page's layout and colours are scanned both ways.
const VIEWS = [
  { name: "desktop, light", viewport: { width: 1280, height: 900 }, scheme: "light" },
  { name: "phone, dark", viewport: { width: 390, height: 844 }, scheme: "dark" },
] as const;

async function ok<T = unknown>(response: Awaited<ReturnType<APIRequestContext["post"]>>, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function pairedSession(api: APIRequestContext, name: string): Promise<{ sessionId: string; phone: string }> {
  const { sessionId } = await createSessionViaApi(api, name);
  await ok(await api.patch(`/api/sessions/${sessionId}/settings`, { data: { config: { pacing: { enabled: false } } } }), "pacing off");
  await ok(await api.post(`/api/sessions/${sessionId}/connect`), "connect");
  const { phone } = await ok<{ phone: string }>(await api.post(`/api/sandbox/sessions/${sessionId}/scan`, { data: {} }), "sandbox scan");
  await expect
    .poll(async () => (await ok<{ status: string }>(await api.get(`/api/sessions/${sessionId}/status`), "status")).status, { timeout: 30_000 })
    .toBe("CONNECTED");
  return { sessionId, phone };
}

// Soft: one run reports every page's violations; the test still fails at its end.
async function expectNoSeriousViolations(page: Page, where: string) {
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(serious.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function openInIndonesian(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
}

for (const view of VIEWS) {
  test(`${view.name}: groups, campaigns, recipient lists and automation render in Indonesian and pass axe-core`, async ({ browser }) => {
    test.setTimeout(180_000);
    const owner = newUser(`bahasab${view.name.replace(/\W/g, "")}`);
    const api = await registerOwnerViaApi(owner);
    const { sessionId, phone } = await pairedSession(api, "Kantor");

    // A group the session is in, made by a contact.
    await ok(await api.post(`/api/sandbox/contacts/${ALICE}/groups`, { data: { op: "create", subject: "Klub buku", members: [phone, BOB] } }), "group");
    await expect
      .poll(async () => (await ok<Array<{ subject: string }>>(await api.get(`/api/groups?sessionId=${sessionId}`), "groups")).map((g) => g.subject), {
        timeout: 20_000,
      })
      .toContain("Klub buku");

    // A list from CSV, and a campaign from it run to the end.
    const list = await ok<{ id: string }>(await api.post("/api/recipient-lists", { data: { name: "Pelanggan", tags: ["VIP"] } }), "list");
    const imported = await api.post(`/api/recipient-lists/${list.id}/import?dryRun=false`, {
      headers: { "Content-Type": "text/csv" },
      data: `number,name\n${ALICE},Alice\n`,
    });
    await ok(imported, "import");
    const campaign = await ok<{ id: string }>(
      await api.post("/api/campaigns", {
        data: {
          name: "Promo akhir tahun",
          sessionId,
          message: { text: "Halo {{name|Kak}}!" },
          listIds: [list.id],
          start: true,
          settings: { delayMs: 0, jitterMs: 0 },
        },
      }),
      "campaign",
    );
    await expect
      .poll(async () => (await ok<{ status: string }>(await api.get(`/api/campaigns/${campaign.id}`), "campaign")).status, { timeout: 60_000 })
      .toBe("completed");

    // The account, not the browser, chooses the language (and the zone the schedules below are read in).
    await ok(await api.patch("/api/users/me", { data: { locale: "id", timeZone: "Asia/Jakarta" } }), "Indonesian");

    // An auto-reply rule, a message three days ahead and a recurring one.
    await ok(
      await api.post("/api/autoreplies", { data: { sessionId, keyword: "jam buka", matchType: "CONTAINS", response: "Kami buka jam 9", scope: "BOTH" } }),
      "rule",
    );
    const inThreeDays = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    await ok(await api.post("/api/scheduler", { data: { sessionId, jid: ALICE, content: "Pengingat janji temu", sendAt: inThreeDays } }), "one-time");
    await ok(await api.post("/api/scheduler", { data: { sessionId, jid: ALICE, content: "Laporan mingguan", cron: "0 9 * * 1-5" } }), "recurring");

    await api.dispose();
    const context = await browser.newContext({ locale: "en-US", viewport: view.viewport, colorScheme: view.scheme });
    const page = await context.newPage();
    await signInWithForm(page, owner.username, owner.password);
    await expect(page).toHaveURL(/\/sessions$/);

    // Groups: the list, a group's details, and posting a status with its Indonesian confirmation.
    await openInIndonesian(page, "/groups", "Grup");
    await expect(page.getByTestId("groups-view")).toContainText("1 grup");
    await expect(page.getByTestId("groups-live")).toHaveText("langsung");
    await page
      .getByTestId("groups-list")
      .getByRole("button", { name: /Klub buku/ })
      .click();
    const details = page.getByTestId("group-details");
    await expect(details.getByRole("heading", { name: "Anggota (3)" })).toBeVisible();
    await expect(details.getByTestId("admin-badge")).toHaveText(["Pemilik"]);
    await expect(page.locator("#group-search")).toHaveAttribute("placeholder", "Subjek atau JID");
    const composer = page.getByTestId("status-composer");
    await expect(composer.getByRole("group", { name: "Jenis" })).toBeVisible();
    await composer.getByRole("textbox", { name: "Teks", exact: true }).fill("Selamat pagi");
    await composer.getByLabel("Penerima").fill(ALICE);
    await composer.getByRole("button", { name: "Posting status" }).click();
    await expect(composer.getByTestId("status-result")).toHaveText("Status diposting ke 1 kontak.");
    await expect(page.getByTestId("recent-statuses").getByTestId("status-item").first()).toContainText("Anda");
    await expectNoSeriousViolations(page, "/groups");

    // Campaigns: the list with its translated status, header and filter.
    await openInIndonesian(page, "/campaigns", "Kampanye");
    const row = page.getByTestId("campaign-table").getByRole("row", { name: /Promo akhir tahun/ });
    await expect(row.getByTestId("campaign-status")).toHaveText("selesai");
    await expect(row).toContainText("1 penerima");
    await expect(page.getByTestId("campaign-table").getByRole("columnheader", { name: "Kemajuan" })).toBeVisible();
    await expect(page.getByLabel("Status")).toContainText("Semua status");
    await expect(page.getByRole("button", { name: "Saring" })).toBeVisible();
    await expectNoSeriousViolations(page, "/campaigns");

    // A campaign's page: figures, chart, recipients with their send time in Indonesian (07.05.09).
    await page.goto(`/campaigns/${campaign.id}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { name: "Promo akhir tahun", level: 1 })).toBeVisible();
    await expect(page.getByTestId("campaign-status")).toHaveText("selesai");
    await expect(page.getByTestId("campaign-figures")).toContainText("Terkirim");
    await expect(page.getByTestId("figure-sent")).toHaveText("1");
    await expect(page.getByRole("img", { name: "Terkirim, diterima, dan dibaca dari waktu ke waktu" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Penerima", level: 2 })).toBeVisible();
    const recipient = page.getByTestId("recipient-table").getByRole("row").nth(1);
    await expect(recipient).toContainText(/terkirim|diterima|dibaca/);
    await expect(recipient.getByTestId("local-time")).toHaveText(/\d{2}\.\d{2}\.\d{2}/);
    await expect(page.getByRole("navigation", { name: "Halaman penerima" })).toContainText("1 penerima · halaman 1 dari 1");
    await expectNoSeriousViolations(page, "/campaigns/[id]");

    // The new-campaign form, with an Indonesian default greeting.
    await openInIndonesian(page, "/campaigns/new", "Kampanye baru");
    await expect(page.getByRole("group", { name: "1. Sesi dan nama" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Teks", exact: true })).toHaveValue("Halo {{Name|Kak}}!");
    await expect(page.getByRole("button", { name: "Buat dan mulai" })).toBeVisible();
    await page.getByLabel("Simpan sebagai draf").check();
    await expect(page.getByRole("button", { name: "Simpan draf" })).toBeVisible();
    await expectNoSeriousViolations(page, "/campaigns/new");

    // Recipient lists: headers, actions, and when the list was last used in Indonesian time (07.05).
    await openInIndonesian(page, "/recipient-lists", "Daftar penerima");
    const listRow = page.getByTestId("list-table").getByRole("row", { name: /Pelanggan/ });
    await expect(listRow.getByRole("button", { name: "Impor CSV" })).toBeVisible();
    await expect(listRow.getByRole("button", { name: "Gandakan" })).toBeVisible();
    await expect(listRow).toContainText("terakhir");
    await expect(listRow.getByTestId("local-time")).toHaveText(/\d{2}\.\d{2}/);
    await expect(page.getByRole("button", { name: "Buat daftar" })).toBeVisible();
    await expectNoSeriousViolations(page, "/recipient-lists");

    // Automation: auto-replies.
    await openInIndonesian(page, "/automation", "Otomatisasi");
    await expect(page.getByRole("navigation", { name: "Otomatisasi" }).getByRole("link", { name: "Balasan otomatis" })).toHaveAttribute("aria-current", "page");
    const rule = page.getByTestId("autoreply-rule").filter({ hasText: "jam buka" });
    await expect(rule).toContainText("mengandung");
    await expect(rule.getByTestId("autoreply-hits")).toContainText("0 balasan");
    await expect(page.getByRole("form", { name: "Aturan balasan otomatis baru" }).getByRole("button", { name: "Tambah aturan" })).toBeVisible();
    await page.getByLabel("Contoh pesan").fill("Jam buka hari ini?");
    await page.getByRole("button", { name: "Uji", exact: true }).click();
    await expect(page.getByTestId("tester-result")).toContainText("Cocok dengan jam buka");
    await expectNoSeriousViolations(page, "/automation");

    // Automation: the schedule, its days and next firings in Indonesian.
    await openInIndonesian(page, "/automation/schedule", "Otomatisasi");
    await expect(page.getByText("Waktu dalam Asia/Jakarta.").first()).toBeVisible();
    await expect(page.getByTestId("schedule-upcoming").getByRole("heading", { level: 3 })).toHaveText(INDONESIAN_WEEKDAY);
    await expect(page.getByTestId("schedule-upcoming").getByTestId("schedule-item")).toContainText("menunggu");
    const recurring = page.getByTestId("recurring-item").filter({ hasText: "Laporan mingguan" });
    await expect(recurring).toContainText("aktif");
    await expect(recurring.getByTestId("next-firings")).toContainText(/^Berikutnya: .*09\.00\.00/);
    await expect(page.getByRole("form", { name: "Jadwalkan pesan" }).getByRole("button", { name: "Jadwalkan", exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, "/automation/schedule");
    await context.close();
  });
}
