// Browser test of the office console, run by tests/e2e/test_browser_console.sh
// (which makes the database, the unit, an earlier period with the demo
// responses and an admin-kota user, and starts the server): Debian's
// chromium driven by playwright-core on a desktop viewport. Prints TAP lines
// numbered from TAP_START and writes "LAST FAILED" to TAP_RESULT.
// Environment: IKM (the binary), IKM_URL, IKM_DB, IKM_CHROMIUM,
// IKM_ARTIFACTS (screenshots, the downloaded letter), IKM_USER and
// IKM_USER_PASSWORD (the admin-kota to sign in as).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { artifacts, expect, finish, flow, launch, notOk, shot, step } from "./lib.mjs";

const env = process.env;
const base = env.IKM_URL; // "http://127.0.0.1:PORT/"
const DB = env.IKM_DB;
const UNIT = "dispenduk";
const UNIT_NAME = "Dinas Kependudukan & Pencatatan Sipil";
const PERIOD = "uji-konsol";
const PERIOD_NAME = "Periode uji konsol";
// Generous: under `make valgrind` the server runs under valgrind.
const WAIT = 90000;
const shots = [];

async function keep(p, name) {
	shots.push(await shot(p, name));
}

// A day as YYYY-MM-DD, `days` from today in the organisation's zone (WIB).
function day(days) {
	return new Date(Date.now() + 7 * 3600000 + days * 86400000).toISOString().slice(0, 10);
}

// The IKM and n of `ikm compute --unit` on the same store.
function computed() {
	const out = execFileSync(env.IKM, ["compute", "--unit", UNIT, "--period", PERIOD, "--db", DB,
		"--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
	const d = JSON.parse(out);
	// A JSON number with 2 decimals; shown with the decimal comma.
	return { ikm: d.ikm.toFixed(2).replace(".", ","), n: d.respondents };
}

const focused = (p) => p.evaluate(() => document.activeElement && document.activeElement.id);

// Press key until the element matching sel has the focus (at most max times).
async function pressTo(p, key, sel, max) {
	const there = () => p.evaluate((s) => document.activeElement !== null &&
		document.activeElement.matches(s), sel);
	for (let i = 0; i < max && !(await there()); i++)
		await p.keyboard.press(key);
	expect(await there(), `${key} × ${max} did not reach ${sel} (focus on #${await focused(p)})`);
}

// The style rules of the page's own stylesheets that hold other rules: a
// brace left open (as merges did in admin.css) nests every later rule in
// the open one, so they silently stop applying.
function nestedRules(p) {
	return p.evaluate(() => {
		const out = [];
		for (const sheet of document.styleSheets)
			for (const r of sheet.href ? sheet.cssRules : [])
				if (r instanceof CSSStyleRule && r.cssRules.length > 0)
					out.push(`${new URL(sheet.href).pathname}: ${r.selectorText} { ` +
						r.cssRules[0].cssText);
		return out;
	});
}

// The value of a <dd> after the <dt> with text in the results summary.
const summary = (p, dt) => p.locator(`dl.result-summary dt:text-is("${dt}") + dd`).textContent();

// ---- the flow ----------------------------------------------------------------

const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: "id-ID",
	acceptDownloads: true };

// One paper sheet typed as an operator does: the focus is on the first
// answer; digits (entry.js moves on after each), then the profile with Tab,
// Enter to save. o: { answers, gender, age, education, job, suggestion,
// shot }. Waits for the saved note and the next sheet number.
async function typeSheet(p, sheet, o) {
	expect(await focused(p) === "u1", `focus on #${await focused(p)}, not the first answer`);
	await p.keyboard.type(o.answers);
	expect(await focused(p) === "jk", `after the answers the focus is on #${await focused(p)}`);
	if (o.gender)
		await p.keyboard.type(o.gender);
	if (o.age) {
		await p.keyboard.press("Tab");
		await p.keyboard.type(o.age);
	}
	if (o.education) {
		await p.keyboard.press("Tab");
		await p.keyboard.type(o.education); // a closed <select> picks by typing
		await p.keyboard.press("Tab");
		await p.keyboard.type(o.job);
		await p.keyboard.press("Tab");
		await p.keyboard.type(o.suggestion);
		expect(await p.locator("#pendidikan").inputValue() === o.education, "education");
		expect(await p.locator("#pekerjaan").inputValue() === o.job, "job");
		expect(await p.locator("#saran").inputValue() === o.suggestion, "suggestion");
	}
	for (let i = 0; i < o.answers.length; i++)
		expect(await p.locator(`#u${i + 1}`).inputValue() === o.answers[i], `u${i + 1}`);
	expect(await p.locator("#lembar").inputValue() === sheet, "sheet number");
	if (o.shot)
		await keep(p, o.shot);
	if (o.suggestion) // Enter in the textarea is a new line: Tab to the button
		await pressTo(p, "Tab", "button[type=submit]", 3);
	await Promise.all([p.waitForURL(/tersimpan=/, { timeout: WAIT }), p.keyboard.press("Enter")]);
	await p.locator(".flash", { hasText: `Kuesioner nomor ${sheet} tersimpan.` }).waitFor();
}

async function consoleFlow(browser) {
	const ctx = await browser.newContext(DESKTOP);
	ctx.setDefaultTimeout(WAIT);
	ctx.setDefaultNavigationTimeout(WAIT);
	const p = await ctx.newPage();
	let resultsUrl = "";
	let first = null;

	await step("console: /admin without a session leads to the sign-in form", async () => {
		await p.goto(base + "admin");
		expect(new URL(p.url()).pathname === "/login", p.url());
		await p.locator("h1", { hasText: "Masuk konsol" }).waitFor();
		expect(await focused(p) === "username", "no focus on the user name");
		await keep(p, "console-login.png");
	});
	await step("console: a wrong password (typed, Enter) is refused with the message", async () => {
		await p.keyboard.type(env.IKM_USER);
		await p.keyboard.press("Tab");
		await p.keyboard.type("bukan-sandinya");
		const [res] = await Promise.all([p.waitForResponse((r) =>
			r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
		p.keyboard.press("Enter")]);
		expect(res.status() === 401, `HTTP ${res.status()}`);
		await p.locator(".errors[role=alert]").waitFor();
		expect(new URL(p.url()).pathname === "/login", p.url());
		expect(await p.locator("#username").inputValue() === env.IKM_USER, "name not kept");
		expect(await p.locator("#password").inputValue() === "", "password kept");
		await keep(p, "console-login-error.png");
	});
	await step("console: the right password (typed, Enter) opens the console home", async () => {
		await p.locator("#password").focus();
		await p.keyboard.type(env.IKM_USER_PASSWORD);
		await Promise.all([p.waitForURL(/\/admin$/), p.keyboard.press("Enter")]);
		await p.locator("h1", { hasText: "Selamat datang, Ani Admin" }).waitFor();
		expect(await p.locator(".console-nav a").count() >= 8, "the menu");
		const nested = await nestedRules(p);
		expect(nested.length === 0, `a rule left open: ${nested.join("\n")}`);
		await keep(p, "console-home.png");
	});

	await step("setup: a period holding today added under Pengaturan → Periode", async () => {
		await p.locator(".console-nav a", { hasText: "Pengaturan" }).click();
		await p.locator("a", { hasText: "Periode survei" }).click();
		await p.locator("h1", { hasText: "Periode survei" }).waitFor();
		await p.locator("#slug").fill(PERIOD);
		await p.locator("#nama").fill(PERIOD_NAME);
		await p.locator("#dari").fill(day(-30));
		await p.locator("#sampai").fill(day(60));
		await p.locator("button", { hasText: "Tambah periode" }).click();
		await p.locator(".flash", { hasText: "Data sudah ditambahkan." }).waitFor();
		const row = p.locator("table.data tbody tr", { hasText: PERIOD_NAME });
		expect(await row.count() === 1, "the period is not listed once");
		const text = await row.textContent();
		expect(text.includes("(berjalan hari ini)") && text.includes(PERIOD) &&
			text.includes("Dibuka"), text);
		await keep(p, "console-periods.png");
	});

	await step("entry: the form of the unit, focus on the first answer, today's date", async () => {
		await p.locator(".console-nav a", { hasText: "Entri kuesioner" }).click();
		await p.locator("a", { hasText: UNIT_NAME }).click();
		await p.waitForLoadState("load"); // entry.js (deferred) has run
		await p.locator("h1", { hasText: "Entri kuesioner kertas" }).waitFor();
		expect(await p.locator("input.entry-digit").count() === 9, "not nine answer boxes");
		expect(await p.locator("#tanggal").inputValue() === day(0), "the date is not today");
		expect(await focused(p) === "u1", `focus on #${await focused(p)}`);
		const nested = await nestedRules(p);
		expect(nested.length === 0, `a rule left open: ${nested.join("\n")}`);
	});
	await step("entry: sheet 1 typed by keyboard (number, answers, profile) and saved", async () => {
		await pressTo(p, "Shift+Tab", "#lembar", 12); // the first sheet: its number
		await p.keyboard.type("1");
		await pressTo(p, "Tab", "#u1", 12);
		await typeSheet(p, "1", { answers: "443344434", gender: "P", age: "34", education: "SMA",
			job: "Swasta", suggestion: "Antrean <rapi> & cepat", shot: "console-entry-filled.png" });
	});
	await step("entry: the sheet number goes on to 2, the form empty, focus on the first answer",
		async () => {
			expect(await p.locator("#lembar").inputValue() === "2", "sheet number");
			for (let i = 1; i <= 9; i++)
				expect(await p.locator(`#u${i}`).inputValue() === "", `u${i} not empty`);
			expect(await focused(p) === "u1", `focus on #${await focused(p)}`);
		});
	await step("entry: sheets 2 and 3 typed and saved (Enter), the number at 4", async () => {
		await typeSheet(p, "2", { answers: "333433343", gender: "L", age: "52" });
		await typeSheet(p, "3", { answers: "444444443" });
		expect(await p.locator("#lembar").inputValue() === "4", "sheet number");
		await keep(p, "console-entry-saved.png");
	});

	await step("results: the IKM of the new period equals `ikm compute --unit`, n = 3", async () => {
		first = computed();
		expect(first.n === 3, `ikm compute: n = ${first.n}`);
		await p.locator(".console-nav a", { hasText: "Hasil" }).click();
		await p.locator("#unit").selectOption(UNIT);
		await p.locator("#periode").selectOption(PERIOD);
		await p.locator("button", { hasText: "Tampilkan" }).click();
		await p.locator("dd.ikm").waitFor();
		resultsUrl = p.url();
		const ikm = (await p.locator("dd.ikm").textContent()).trim();
		expect(ikm === first.ikm, `page ${ikm}, ikm compute ${first.ikm}`);
		expect((await summary(p, "Responden (n)")).trim() === "3", "n on the page");
		await keep(p, "console-results.png");
	});
	await step("results: the trend lists the earlier period and this one", async () => {
		const rows = p.locator("section[aria-labelledby=tren] tbody tr");
		const text = await rows.allTextContents();
		expect(text.length === 2, `${text.length} trend rows`);
		expect(text.some((t) => t.includes("Semester I 2022")), text.join(" | "));
		expect(text.some((t) => t.includes(PERIOD_NAME) && t.includes(first.ikm)),
			text.join(" | "));
	});
	await step("results: a fourth sheet with lower answers moves the IKM as computed", async () => {
		await p.locator(".console-nav a", { hasText: "Entri kuesioner" }).click();
		await p.locator("a", { hasText: UNIT_NAME }).click();
		await p.waitForLoadState("load"); // entry.js (deferred) has run
		await pressTo(p, "Shift+Tab", "#lembar", 12);
		await p.keyboard.type("4");
		await pressTo(p, "Tab", "#u1", 12);
		await typeSheet(p, "4", { answers: "222122212", gender: "L" });
		const now = computed();
		expect(now.n === 4, `ikm compute: n = ${now.n}`);
		expect(now.ikm !== first.ikm, `the IKM did not change: ${now.ikm}`);
		await p.goto(resultsUrl);
		const ikm = (await p.locator("dd.ikm").textContent()).trim();
		expect(ikm === now.ikm, `page ${ikm}, ikm compute ${now.ikm} (before: ${first.ikm})`);
		expect((await summary(p, "Responden (n)")).trim() === "4", "n on the page");
		first = now;
		await keep(p, "console-results-changed.png");
	});

	await step("downloads: the recommendation letter (PDF) downloaded by a click", async () => {
		await p.locator("a", { hasText: "Unduh dokumen dan data untuk cakupan ini" }).click();
		await p.locator("h1", { hasText: "Unduhan" }).waitFor();
		await keep(p, "console-downloads.png");
		const link = p.locator("ul.downloads a",
			{ hasText: "Surat rekomendasi dan tindak lanjut (PDF)" });
		const [dl] = await Promise.all([p.waitForEvent("download", { timeout: 3 * WAIT }),
			link.click()]);
		const name = dl.suggestedFilename();
		expect(name === `skm-${UNIT}-${PERIOD}-rekomendasi.pdf`, `file name ${name}`);
		const file = path.join(artifacts, "console-rekomendasi.pdf");
		await dl.saveAs(file);
		const head = fs.readFileSync(file).subarray(0, 5).toString("latin1");
		expect(head === "%PDF-", `starts with ${JSON.stringify(head)}`);
		console.log(`# letter: ${file}`);
	});
	await step("downloads: the letter names the unit and the IKM (pdftotext)", async () => {
		const file = path.join(artifacts, "console-rekomendasi.pdf");
		let text;
		try {
			text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8",
				stdio: ["ignore", "pipe", "ignore"] });
		} catch (e) {
			if (e.code === "ENOENT") {
				console.log("# pdftotext not installed: the letter's text is not checked");
				return;
			}
			throw e;
		}
		text = text.replace(/\s+/g, " ");
		expect(text.includes(UNIT_NAME), "the unit's name is not in the letter");
		expect(text.includes(first.ikm), `the IKM ${first.ikm} is not in the letter`);
	});

	await step("console: sign out (Keluar), then /admin asks to sign in again", async () => {
		await p.locator(".console-user button", { hasText: "Keluar" }).click();
		await p.locator(".flash", { hasText: "Anda sudah keluar." }).waitFor();
		await p.goto(base + "admin/hasil");
		expect(new URL(p.url()).pathname === "/login", p.url());
		await keep(p, "console-signed-out.png");
	});
	await ctx.close();
}

// ---- main --------------------------------------------------------------------

const t0 = Date.now();
let browser = null;
let rc = 1;
try {
	browser = await launch();
	await flow("console", () => consoleFlow(browser));
} catch (e) {
	notOk("console browser test ran", (e && e.stack) || e);
} finally {
	if (browser)
		await browser.close().catch(() => {});
	for (const s of shots)
		console.log(`# screenshot: ${s}`);
	rc = finish(t0, "console browser test");
}
process.exit(rc);
