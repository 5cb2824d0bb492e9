/**
 * The fault kit: what every fault test checks, shared by the feature files that hold them. For each
 * fault the run ends with a clear error or with success, every input item comes back (as output or
 * as an error item), and no secret is in the outputs, the errors, the whole run data or anything
 * logged while it ran. Each `fault(...)` is also a row of the fault table: a feature file's rows
 * are test/faultTable/<feature>.md, and test/faultTable.md joins them in FAULT_TABLE_PARTS order.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

import { LoggerProxy, type INodeExecutionData } from 'n8n-workflow';

import type { NodeRun } from './engine';
import { faultPartFile } from './faultTable';
import { CLIENT_SECRET, itemsOf, startHarness, type Harness } from './fixtures';
import { ResourceServer } from './resourceServer';

export type Credential = Awaited<ReturnType<Harness['connectedCredential']>>;

export interface CapturedRun extends NodeRun {
	/** Console calls, stdout/stderr writes and engine log lines made during the run. */
	logs: string[];
	elapsedMs: number;
}

const show = (value: unknown) =>
	typeof value === 'string' ? value : inspect(value, { depth: 8, breakLength: Infinity });

/** Records (and still prints) everything written while `run` is in progress. */
export async function captureLogs<T>(run: () => Promise<T>): Promise<{ value: T; logs: string[] }> {
	const logs: string[] = [];
	const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
	const originalConsole = consoleMethods.map((method) => console[method]);
	for (const method of consoleMethods) {
		const original = console[method];
		console[method] = (...args: unknown[]) => {
			logs.push(args.map(show).join(' '));
			original.apply(console, args);
		};
	}
	const streams = [process.stdout, process.stderr];
	const originalWrites = streams.map((stream) => stream.write);
	for (const stream of streams) {
		const original = stream.write;
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			logs.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
			return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
		}) as typeof stream.write;
	}
	const record = (level: string) => (message: string, meta?: object) =>
		logs.push(`${level} ${message} ${meta ? show(meta) : ''}`);
	LoggerProxy.init({
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
	} as never);
	try {
		return { value: await run(), logs };
	} finally {
		consoleMethods.forEach((method, index) => (console[method] = originalConsole[index]));
		streams.forEach((stream, index) => (stream.write = originalWrites[index]));
		const noOp = () => undefined;
		LoggerProxy.init({ error: noOp, warn: noOp, info: noOp, debug: noOp } as never);
	}
}

/** Outputs plus error items cover every input exactly once (one output per input in these runs). */
export function assertEveryItemAccounted(
	result: CapturedRun,
	count: number,
): { ok: INodeExecutionData[]; failed: INodeExecutionData[] } {
	assert.equal(
		result.error,
		undefined,
		`continueOnFail run failed as a whole: ${result.error?.message}`,
	);
	assert.equal(result.items.length, count, `${result.items.length} outputs for ${count} inputs`);
	const paired = result.items
		.map((item) => (item.pairedItem as { item: number }).item)
		.sort((a, b) => a - b);
	assert.deepEqual(
		paired,
		Array.from({ length: count }, (_, index) => index),
	);
	const failed = result.items.filter((item) => item.json.error !== undefined);
	return { ok: result.items.filter((item) => item.json.error === undefined), failed };
}

export const get = (url: string, extra: Record<string, unknown> = {}) => ({
	method: 'GET',
	url,
	...extra,
});

/**
 * A feature file's fault suite: the loopback servers (and a second API host on 127.0.0.2) for its
 * tests, the checks bound to them, and its rows of the fault table.
 */
export function faultSuite(testFile: string) {
	let harness: Harness;
	let otherHost: ResourceServer;
	/** Every access token the authorization server issued in this file. */
	const issuedAccessTokens: string[] = [];
	const rows: Array<[fault: string, outcome: string]> = [];

	beforeAll(async () => {
		harness = await startHarness();
		harness.auth.onTokenIssued(({ accessToken }) => issuedAccessTokens.push(accessToken));
		otherHost = new ResourceServer(harness.auth, '127.0.0.2');
		await otherHost.start();
	});
	afterAll(async () => {
		await otherHost.stop();
		await harness.stop();
	});

	async function run(
		credential: { id: string; name: string },
		parameters: Record<string, unknown>,
		items = itemsOf(1),
		continueOnFail = true,
	): Promise<CapturedRun> {
		const started = Date.now();
		const { value, logs } = await captureLogs(
			async () =>
				await harness.run(credential, 'oAuth2HttpRequest', parameters, items, continueOnFail),
		);
		return { ...value, logs, elapsedMs: Date.now() - started };
	}

	/** The client secret, the credential's tokens as planted and as stored now, and every token issued or sent for refresh. */
	function secretsOf(credential: Credential): string[] {
		const stored = (harness.store.stored(credential.id).oauthTokenData ?? {}) as Record<
			string,
			unknown
		>;
		return [
			CLIENT_SECRET,
			credential.accessToken,
			credential.refreshToken,
			stored.access_token,
			stored.refresh_token,
			...issuedAccessTokens,
			...harness.auth.tokenRequests.map((request) => request.refreshToken),
		].filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8);
	}

	function assertNoSecrets(result: CapturedRun, credential: Credential): void {
		const places: Record<string, string> = {
			items: JSON.stringify(result.items),
			'error message': String(result.error?.message ?? ''),
			'error description': String(result.error?.description ?? ''),
			'error stack': String(result.error?.stack ?? ''),
			run: JSON.stringify(result.run),
			logs: result.logs.join('\n'),
		};
		for (const secret of new Set(secretsOf(credential))) {
			for (const [place, text] of Object.entries(places)) {
				const at = text.indexOf(secret);
				const around =
					at < 0
						? ''
						: text
								.slice(Math.max(0, at - 300), at + secret.length + 100)
								.split(secret)
								.join('«SECRET»');
				assert.ok(at < 0, `a secret is in the ${place}: …${around}…`);
			}
		}
	}

	/** A Custom connection whose token endpoint is a scripted path of the API server. */
	async function connectedWithTokenUrl(tokenUrl: string, options: { name?: string } = {}) {
		return await harness.connectedCredential({ extra: { customTokenUrl: tokenUrl }, ...options });
	}

	/** A connection whose token the API stops accepting: the next request gets a 401. */
	async function rejectedCredential(
		options: Parameters<Harness['connectedCredential']>[0] = {},
	): Promise<Credential> {
		const credential = await harness.connectedCredential(options);
		harness.api.rejectToken(credential.accessToken);
		return credential;
	}

	/** A fault test: what goes wrong, and what the user gets (the test's name and a table row). */
	function fault(what: string, outcome: string, body: () => Promise<void>): void {
		rows.push([what, outcome]);
		test(`${what}: ${outcome}`, body);
	}

	/** The test that this file's rows are its part of the fault table (regenerate with UPDATE_FAULT_TABLE=1). */
	function faultTableTest(): void {
		const part = faultPartFile(testFile);
		test(`${path.relative(path.join(__dirname, '..', '..'), part)} holds this file's fault rows (regenerate with UPDATE_FAULT_TABLE=1)`, () => {
			const markdown = rows
				.map(([what, outcome]) => `| ${what} | ${outcome.replace(/\|/g, '\\|')} |\n`)
				.join('');
			if (process.env.UPDATE_FAULT_TABLE === '1') writeFileSync(part, markdown);
			assert.equal(readFileSync(part, 'utf8'), markdown);
		});
	}

	return {
		get harness() {
			return harness;
		},
		get otherHost() {
			return otherHost;
		},
		run,
		secretsOf,
		assertNoSecrets,
		assertEveryItemAccounted,
		connectedWithTokenUrl,
		rejectedCredential,
		fault,
		faultTableTest,
	};
}
