// Browser tests of `ikm serve`, run by tests/e2e/test_browser.sh (which
// makes the database and starts the server): Debian's chromium driven by
// playwright-core. Prints TAP lines numbered from TAP_START and writes
// "LAST FAILED" to TAP_RESULT. Environment: IKM (the binary), IKM_URL,
// IKM_DB, IKM_SERVE_PID (the running server, stopped here for the offline
// part), IKM_CHROMIUM, IKM_ARTIFACTS (screenshots), IKM_SERVE_LOG (stderr
// of the server restarted here), VALGRIND_CMD (wraps the restarted server).
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { artifacts, expect, finish, flow, launch, notOk, ok, portOpen as open, shot, step, until }
	from "./lib.mjs";

const env = process.env;
const base = env.IKM_URL; // "http://127.0.0.1:PORT/"
const port = Number(new URL(base).port);
const DB = env.IKM_DB;
const portOpen = () => open(port);

// ---- the store, seen through the CLI and the database file ------------------

function respondents() {
	try {
		const out = execFileSync(env.IKM, ["compute", "--unit", "dispenduk", "--period", "kini",
			"--db", DB, "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
		return JSON.parse(out).respondents;
	} catch (e) {
		if (String(e.stderr || "").length > 0 && e.status !== 0)
			return 0; // no response stored yet
		throw e;
	}
}

// [client_id, survey_date, gender, age] of the kiosk's responses.
function kioskRows() {
	const py = "import json, sqlite3, sys\n" +
		"c = sqlite3.connect(sys.argv[1])\n" +
		"print(json.dumps(c.execute(\"SELECT client_id, survey_date, gender, age FROM response " +
		"WHERE channel = 'kiosk' ORDER BY id\").fetchall()))";
	return JSON.parse(execFileSync("python3", ["-c", py, DB], { encoding: "utf8" }));
}

// ---- the server: stopped for real, restarted on the same port ----------------

let server2 = null;

async function stopFirstServer() {
	process.kill(Number(env.IKM_SERVE_PID), "SIGTERM");
	await until(async () => !(await portOpen()), 15000, "the port refuses connections");
}

async function restartServer() {
	const vg = (env.VALGRIND_CMD || "").split(/\s+/).filter(Boolean);
	const argv = [...vg, env.IKM, "serve", "--listen", `127.0.0.1:${port}`, "--db", DB];
	const log = fs.openSync(env.IKM_SERVE_LOG, "a");
	server2 = spawn(argv[0], argv.slice(1), { stdio: ["ignore", "ignore", log] });
	server2.exited = new Promise((r) => server2.on("exit", (code) => r(code)));
	await until(portOpen, 60000, "the restarted server accepts connections");
}

// ---- the flows ---------------------------------------------------------------

const PHONE = { viewport: { width: 393, height: 851 }, deviceScaleFactor: 2.75, isMobile: true,
	hasTouch: true, locale: "id-ID" };
const TABLET = { viewport: { width: 800, height: 1280 }, isMobile: true, hasTouch: true,
	locale: "id-ID" };

async function phoneForm(browser) {
	const ctx = await browser.newContext(PHONE);
	const p = await ctx.newPage();

	await step("phone: the questionnaire opens with nine questions", async () => {
		await p.goto(base + "u/dispenduk");
		expect(await p.locator("fieldset.question").count() === 9, "not nine fieldsets");
	});
	await step("phone: every question answered and the profile filled by touch", async () => {
		for (let i = 1; i <= 9; i++)
			await p.locator(`label[for="u${i}-${i % 3 === 0 ? 3 : 4}"]`).tap();
		await p.locator('label[for="g-P"]').tap();
		await p.locator("#age").fill("34");
		await p.locator("#education").selectOption("SMA");
		await p.locator("#job").selectOption("Swasta");
		await p.locator("#suggestion").fill("Antrean <rapi> & cepat");
		for (let i = 1; i <= 9; i++)
			expect(await p.locator(`input[name="u${i}"]:checked`).count() === 1, `u${i}`);
		await shot(p, "phone-form.png");
	});
	await step("phone: sent, the thank-you page shown", async () => {
		await p.locator('button[type="submit"]').tap();
		await p.locator("h1", { hasText: "Terima kasih" }).waitFor({ timeout: 10000 });
		await shot(p, "phone-thanks.png");
	});
	await step("phone: the response is in the store (ikm compute n = 1)", async () => {
		const got = respondents();
		expect(got === 1, `respondents ${got}`);
	});
	await step("phone: a missing answer is shown next to its question", async () => {
		await p.goto(base + "u/dispenduk/akta");
		for (let i = 1; i <= 9; i++)
			if (i !== 5)
				await p.locator(`label[for="u${i}-4"]`).tap();
		await p.locator("#suggestion").fill("tetap di sini");
		await p.locator('button[type="submit"]').tap();
		const q5 = p.locator("fieldset.question", { has: p.locator("#u5-1") });
		await q5.locator("#u5-error").waitFor({ timeout: 10000 });
		expect(await q5.locator("#u5-error").isVisible(), "the message is not visible");
		expect(await p.locator(".field-error").count() === 1, "more than one field error");
		await q5.scrollIntoViewIfNeeded();
		await p.screenshot({ path: path.join(artifacts, "phone-form-error.png") });
	});
	await step("phone: the other answers and the suggestion are kept", async () => {
		for (let i = 1; i <= 9; i++)
			if (i !== 5)
				expect(await p.locator(`#u${i}-4`).isChecked(), `u${i} lost`);
		expect(await p.locator("#suggestion").inputValue() === "tetap di sini", "suggestion lost");
		expect(respondents() === 1, "stored although invalid");
	});
	await ctx.close();
}

const pending = (p) => p.locator("#kiosk-status").getAttribute("data-pending");

async function waitPending(p, want, ms) {
	await p.waitForFunction((w) => document.getElementById("kiosk-status")
		.getAttribute("data-pending") === String(w), want, { timeout: ms });
}

// One response on the kiosk screens, from the start screen to thanks.
async function kioskResponse(p, o) {
	await p.locator("#k-start").tap();
	for (let i = 0; i < 9; i++) {
		await p.locator("#k-progress", { hasText: `Pertanyaan ${i + 1} dari 9` }).waitFor();
		if (o.shot && i === 2)
			await shot(p, "kiosk-question.png");
		await p.locator(`.k-face[data-value="${o.answers[i]}"]`).tap();
	}
	await p.locator('[data-step="profile"]').waitFor();
	if (o.profile) {
		await p.locator('label[for="k-gender-P"]').tap();
		if (o.shot) { // an age out of range is said, and keeps the screen
			expect(!(await p.locator("#k-age-error").isVisible()), "age error shown at first");
			await p.locator("#k-age").fill("7");
			await p.locator("#k-next").tap();
			expect(await p.locator("#k-age-error").isVisible(), "no age error");
			expect(await p.locator('[data-step="profile"]').count() === 1, "left the profile");
		}
		await p.locator("#k-age").fill("41");
		await p.locator('label[for="k-education-SMA"]').tap();
		if (o.shot)
			await shot(p, "kiosk-profile.png");
		await p.locator("#k-next").tap();
	} else {
		await p.locator("#k-skip").tap();
	}
	await p.locator('[data-step="suggestion"]').waitFor();
	if (o.suggestion)
		await p.locator("#k-suggestion").fill(o.suggestion);
	await p.locator("#k-submit").tap();
	await p.locator('[data-step="thanks"]').waitFor();
	if (o.shot)
		await shot(p, "kiosk-thanks.png");
	await p.locator("#k-done").tap();
	await p.locator('[data-step="start"]').waitFor();
}

async function kiosk(browser) {
	const ctx = await browser.newContext(TABLET);
	const p = await ctx.newPage();
	const posted = new Map(); // client id -> body
	const replies = [];
	let n0 = 0;

	ctx.on("request", (r) => {
		if (r.method() === "POST" && r.url().endsWith("/kiosk")) {
			const b = JSON.parse(r.postData());
			posted.set(b.client_id, b);
		}
	});
	ctx.on("response", async (r) => {
		if (r.request().method() === "POST" && r.url().endsWith("/kiosk"))
			replies.push({ status: r.status(), body: await r.json().catch(() => null) });
	});
	await step("kiosk: the page opens and the service worker controls it", async () => {
		n0 = respondents();
		await p.goto(base + "u/dispenduk/akta/kiosk");
		await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null,
			{ timeout: 20000 });
		await p.waitForFunction(() => caches.match(location.href).then((r) => !!r), null,
			{ timeout: 10000 });
		await shot(p, "kiosk-start.png");
	});
	await step("kiosk: one response online is stored (n + 1)", async () => {
		await kioskResponse(p, { answers: [4, 4, 3, 4, 4, 4, 3, 4, 4], profile: true, shot: true,
			suggestion: "Kios mudah dipakai" });
		await waitPending(p, 0, 10000);
		expect(respondents() === n0 + 1, `respondents ${respondents()}, want ${n0 + 1}`);
		expect(replies.some((r) => r.status === 201 && r.body && r.body.stored === true),
			JSON.stringify(replies));
	});
	await step("kiosk: server stopped (SIGTERM): the port refuses connections", stopFirstServer);
	await step("kiosk: two responses offline, the status line says 2 waiting", async () => {
		await kioskResponse(p, { answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] });
		await kioskResponse(p, { answers: [2, 3, 4, 1, 2, 3, 4, 1, 2], profile: true });
		await waitPending(p, 2, 10000);
		const text = await p.locator("#kiosk-status").textContent();
		expect(text.includes("2 jawaban menunggu dikirim"), text);
		await shot(p, "kiosk-offline.png");
	});
	await step("kiosk: reloaded with the server down, from the worker's cache, still 2 waiting",
		async () => {
			const res = await p.reload();
			expect(res !== null && res.fromServiceWorker(), "not from the service worker");
			await p.locator("#k-start").waitFor({ timeout: 10000 });
			await waitPending(p, 2, 10000);
		});
	await step("kiosk: server restarted on the same port and database", restartServer);
	await step("kiosk: delivered when it returns (0 waiting), stored exactly n + 3", async () => {
		await waitPending(p, 0, 45000);
		const got = respondents();
		expect(got === n0 + 3, `respondents ${got}, want ${n0 + 3}`);
	});
	await step("kiosk: every client id stored once, exactly the 3 sent", async () => {
		const rows = kioskRows();
		const ids = rows.map((r) => r[0]).sort();
		const sent = [...posted.keys()].sort();
		expect(sent.length === 3, `ids sent: ${sent}`);
		expect(JSON.stringify(ids) === JSON.stringify(sent), `stored ${ids} sent ${sent}`);
		expect(new Set(ids).size === ids.length, "a client id twice");
		for (const id of ids)
			expect(/^[0-9a-f]{32}$/.test(id), `client id ${id}`);
		expect(rows.some((r) => r[2] === "P" && r[3] === 41), "profile not stored");
	});
	await step("kiosk: the survey date is the day it was completed", async () => {
		const day = Number(new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10)
			.replace(/-/g, ""));
		for (const r of kioskRows())
			expect(r[1] === day, `survey_date ${r[1]}, want ${day}`);
	});
	await step("kiosk: a resent response (flushed again) is a duplicate, still n + 3", async () => {
		const first = [...posted.values()][0];
		await p.evaluate((b) => IkmOutbox.add({ id: b.client_id, url: location.pathname, body: b,
			created: Date.now() }), first);
		await p.reload();
		await waitPending(p, 0, 20000);
		// It left the outbox as delivered, not as refused (the page or the
		// service worker may have sent it: the worker's fetches are not
		// always seen as this context's responses, so the reply is not
		// asserted), and the store did not take it twice.
		const status = await p.locator("#kiosk-status").textContent();
		expect(!status.includes("ditolak"), status);
		const got = respondents();
		expect(got === n0 + 3, `respondents ${got}, want ${n0 + 3}`);
		expect(kioskRows().length === 3, "kiosk rows");
	});
	await ctx.close();
}

async function inactivity(browser) {
	const ctx = await browser.newContext(TABLET);
	const p = await ctx.newPage();

	await step("kiosk: English on a tap, Indonesian again", async () => {
		await p.goto(base + "u/dispenduk/kiosk?reset=2");
		await p.locator("#k-lang").tap();
		await p.locator("#k-start", { hasText: "Start" }).waitFor();
		await p.locator("#k-lang").tap();
		await p.locator("#k-start", { hasText: "Mulai" }).waitFor();
	});
	await step("kiosk: 2 s untouched (?reset=2) mid-survey: back to the start", async () => {
		await p.locator("#k-start").tap();
		await p.locator('.k-face[data-value="4"]').tap();
		await p.locator('.k-face[data-value="3"]').tap();
		await p.locator("#k-progress", { hasText: "Pertanyaan 3 dari 9" }).waitFor();
		const t0 = Date.now();
		await p.locator('[data-step="start"]').waitFor({ timeout: 6000 });
		expect(Date.now() - t0 >= 1500, `reset after ${Date.now() - t0} ms`);
	});
	await step("kiosk: the partial answers were discarded", async () => {
		await p.locator("#k-start").tap();
		await p.locator("#k-progress", { hasText: "Pertanyaan 1 dari 9" }).waitFor();
		expect(await p.locator('[aria-pressed="true"]').count() === 0, "an answer kept");
	});
	await step("kiosk: a response refused for good (422) is dropped and counted", async () => {
		await p.evaluate(() => IkmOutbox.add({ id: IkmOutbox.newId(), url: location.pathname,
			body: { unit: "dispenduk", client_id: "0123456789abcdef0123456789abcdef",
				answers: { U1: 4 } }, created: Date.now() }));
		await p.reload();
		await p.waitForFunction(() => document.getElementById("kiosk-status")
			.getAttribute("data-dropped") === "1", null, { timeout: 10000 });
		expect(await pending(p) === "0", "still pending");
		const text = await p.locator("#kiosk-status").textContent();
		expect(text.includes("1 jawaban ditolak"), text);
	});
	await ctx.close();
}

// ---- main --------------------------------------------------------------------

const t0 = Date.now();
let browser = null;
let rc = 1;
try {
	browser = await launch();
	await flow("phone", () => phoneForm(browser));
	await flow("kiosk", () => kiosk(browser));
	await flow("inactivity", () => inactivity(browser));
} catch (e) {
	notOk("browser tests ran", (e && e.stack) || e);
} finally {
	if (browser)
		await browser.close().catch(() => {});
	if (server2 !== null) {
		server2.kill("SIGTERM");
		const code = await server2.exited;
		if (code === 0)
			ok("restarted server: clean exit on SIGTERM");
		else
			notOk("restarted server: clean exit on SIGTERM", `exit ${code}`);
	}
	rc = finish(t0, "browser tests");
}
process.exit(rc);
