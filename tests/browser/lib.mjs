// What the browser suites (run.mjs, console.mjs) share: TAP output
// numbered from TAP_START with the "LAST FAILED" line written to
// TAP_RESULT, checks grouped in flows that stop at their first failure,
// screenshots under IKM_ARTIFACTS, polling, and chromium's launch.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";

const env = process.env;
export const artifacts = env.IKM_ARTIFACTS;
let n = Number(env.TAP_START || 0);
let failed = 0;

export function ok(desc) {
	console.log(`ok ${++n} - ${desc}`);
}

export function notOk(desc, why) {
	failed++;
	console.log(`not ok ${++n} - ${desc}`);
	for (const line of String(why || "").split("\n").slice(0, 20))
		console.log(`#   ${line}`);
}

export function expect(cond, msg) {
	if (!cond)
		throw new Error(msg);
}

// One check of a flow: reported, and a failure ends the flow.
export async function step(desc, fn) {
	try {
		await fn();
		ok(desc);
	} catch (e) {
		notOk(desc, (e && e.message) || e);
		throw new Error("flow stopped");
	}
}

export async function flow(name, fn) {
	try {
		await fn();
	} catch (e) {
		if (!(e instanceof Error && e.message === "flow stopped"))
			notOk(`${name}: ran to the end`, (e && e.stack) || e);
	}
}

// A full-page screenshot in the artifacts folder; returns its path.
export async function shot(p, name) {
	const file = path.join(artifacts, name);
	await p.screenshot({ path: file, fullPage: true });
	return file;
}

export async function until(cond, ms, what) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (await cond())
			return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out after ${ms} ms: ${what}`);
}

// 1 when something accepts connections on 127.0.0.1:port.
export function portOpen(port) {
	return new Promise((resolve) => {
		const s = net.connect(port, "127.0.0.1");
		s.on("connect", () => {
			s.destroy();
			resolve(true);
		});
		s.on("error", () => resolve(false));
	});
}

// Debian's chromium, headless, without anything that calls home.
export async function launch() {
	const browser = await chromium.launch({
		executablePath: env.IKM_CHROMIUM || "/usr/bin/chromium",
		headless: true,
		args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync"]
	});
	ok(`chromium ${browser.version()} started`);
	return browser;
}

// The closing comment and the counts for the shell script; the exit status.
export function finish(t0, what) {
	console.log(`# ${what} took ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
		`screenshots in ${artifacts}`);
	fs.writeFileSync(env.TAP_RESULT, `${n} ${failed}\n`);
	return failed > 0 ? 1 : 0;
}
