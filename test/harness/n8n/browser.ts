// Drives Debian's Chromium with playwright-core (no browser download: the registry is the only
// source here). One shared browser per run, closed by run.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page,
} from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
	'--no-sandbox',
	'--disable-dev-shm-usage',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
export const VIEWPORT = { width: 1280, height: 800 };

let browser: Browser | undefined;

/** Installs Debian's chromium when missing (root on these machines); apt-get update only if needed. */
export function ensureChromium(): void {
	if (fs.existsSync(CHROMIUM)) return;
	const install = () =>
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
			stdio: 'ignore',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	process.stderr.write('[browser] installing chromium with apt-get\n');
	try {
		install();
	} catch {
		execFileSync('apt-get', ['update'], { stdio: 'ignore' });
		install();
	}
	if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed no ${CHROMIUM}`);
}

export async function launchBrowser(): Promise<Browser> {
	if (browser?.isConnected()) return browser;
	ensureChromium();
	browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
	return browser;
}

/** ignoreHTTPSErrors lets a popup reach the HTTPS "Keycloak" server's self-signed certificate. */
export async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
	const context = await (await launchBrowser()).newContext({ viewport: VIEWPORT, ...options });
	context.setDefaultTimeout(20_000);
	return context;
}

export async function closeBrowser(): Promise<void> {
	const current = browser;
	browser = undefined;
	await current?.close().catch(() => undefined);
}

export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}.png`);
	await page.screenshot({ path: file });
	return file;
}

/** The README's screenshots; written only when E2E_UPDATE_SCREENSHOTS=1, so CI never changes the checkout. */
export const DOCS_SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

export function updatingDocsScreenshots(): boolean {
	return process.env.E2E_UPDATE_SCREENSHOTS === '1';
}

/**
 * Takes a screenshot into the (git-ignored) test screenshot directory and, when updating, copies it
 * to docs/screenshots/<docsName>.png for the README.
 */
export async function docsScreenshot(
	page: Page,
	dir: string,
	name: string,
	docsName: string,
): Promise<string> {
	const file = await screenshot(page, dir, name);
	if (updatingDocsScreenshots()) {
		fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
		const target = path.join(DOCS_SCREENSHOT_DIR, `${docsName}.png`);
		fs.copyFileSync(file, target);
		process.stderr.write(
			`[browser] wrote ${path.relative(path.resolve(__dirname, '..', '..', '..'), target)} (${(fs.statSync(target).size / 1024).toFixed(0)} KB)\n`,
		);
	}
	return file;
}

/** Waits for running CSS transitions/animations (modals fading in, panels sliding) to end, at most 3 s. */
export async function settle(page: Page): Promise<void> {
	// A string, as this code runs in the page (the tests compile without the DOM library).
	const script = `(async () => {
		const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
		await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
	})()`;
	await page.evaluate(script).catch(() => undefined);
}

/** Closes toasts so they do not cover what a screenshot is for. */
export async function dismissToasts(page: Page): Promise<void> {
	const close = page.locator('.el-notification .el-notification__closeBtn');
	for (let i = (await close.count()) - 1; i >= 0; i--)
		await close
			.nth(i)
			.click({ timeout: 2000 })
			.catch(() => undefined);
	await page
		.locator('.el-notification')
		.first()
		.waitFor({ state: 'hidden', timeout: 3000 })
		.catch(() => undefined);
}

/** Signs in through n8n's sign-in page. */
export async function signIn(
	page: Page,
	baseUrl: string,
	email: string,
	password: string,
): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"], input[type="email"]').first().fill(email);
	await page.locator('input[type="password"]').first().fill(password);
	await page.locator('[data-test-id="form-submit-button"], button[type="submit"]').first().click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Retries a flaky UI step (a click the canvas swallowed while it was still settling). */
export async function retry<T>(
	what: string,
	attempts: number,
	step: (attempt: number) => Promise<T>,
): Promise<T> {
	let last: unknown;
	for (let attempt = 0; attempt < attempts; attempt++) {
		try {
			return await step(attempt);
		} catch (error) {
			last = error;
		}
	}
	throw new Error(`${what} failed ${attempts} times; last: ${(last as Error)?.message ?? last}`);
}
