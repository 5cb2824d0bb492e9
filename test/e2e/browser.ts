// Drives Debian's Chromium with playwright-core (no browser download: the registry is the only
// source here). One shared browser per run, closed by run.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
	const install = () => execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
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

export async function newContext(): Promise<BrowserContext> {
	const context = await (await launchBrowser()).newContext({ viewport: VIEWPORT });
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

/** Signs in through n8n's sign-in page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"], input[type="email"]').first().fill(email);
	await page.locator('input[type="password"]').first().fill(password);
	await page.locator('[data-test-id="form-submit-button"], button[type="submit"]').first().click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}
