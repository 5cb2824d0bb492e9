/**
 * Faults on the way to the token endpoint and the API, through n8n-core's real engine against real
 * servers on loopback. For each: the run ends with a clear error or with success, every input item
 * comes back (as output or as an error item), and no secret is in the outputs, the errors, the
 * whole run data or anything logged while it ran.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

import { LoggerProxy, sleep, type INodeExecutionData } from 'n8n-workflow';

import { PAUSE_AFTER_FAILURE_MS } from '../nodes/shared/transport/tokenRefresh';
import { advanceClock } from './harness/clock';
import type { NodeRun } from './harness/engine';
import { CLIENT_SECRET, itemsOf, startHarness, type Harness } from './harness/fixtures';
import { ResourceServer } from './harness/resourceServer';

let harness: Harness;
let otherHost: ResourceServer;
/** Every access token the authorization server issued in this file. */
const issuedAccessTokens: string[] = [];

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

type Credential = Awaited<ReturnType<Harness['connectedCredential']>>;

interface CapturedRun extends NodeRun {
	/** Console calls, stdout/stderr writes and engine log lines made during the run. */
	logs: string[];
	elapsedMs: number;
}

const show = (value: unknown) =>
	typeof value === 'string' ? value : inspect(value, { depth: 8, breakLength: Infinity });

/** Records (and still prints) everything written while `run` is in progress. */
async function captureLogs<T>(run: () => Promise<T>): Promise<{ value: T; logs: string[] }> {
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

/** Outputs plus error items cover every input exactly once (one output per input in these runs). */
function assertEveryItemAccounted(
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

const get = (url: string, extra: Record<string, unknown> = {}) => ({
	method: 'GET',
	url,
	...extra,
});

/** The README's fault table: one row per fault test, in file order. */
const FAULT_ROWS: Array<[fault: string, outcome: string]> = [];

/** A fault test: what goes wrong, and what the user gets (the test's name and a table row). */
function fault(what: string, outcome: string, run: () => Promise<void>): void {
	FAULT_ROWS.push([what, outcome]);
	test(`${what}: ${outcome}`, run);
}

describe('token endpoint faults', () => {
	fault(
		'token endpoint down while refreshing a token that still has time',
		'the requests go out with it, one token call',
		async () => {
			const credential = await harness.connectedCredential({ expiresInMs: 30_000 });
			const tokenCalls = harness.auth.tokenRequests.length;
			harness.auth.down = true;
			try {
				const first = await run(credential, get('/contacts/1'), itemsOf(5));
				assert.equal(assertEveryItemAccounted(first, 5).ok.length, 5);
				const second = await run(credential, get('/contacts/1'), itemsOf(3));
				assert.equal(assertEveryItemAccounted(second, 3).ok.length, 3);
				assert.equal(
					harness.auth.tokenRequests.length - tokenCalls,
					1,
					'items share one failed refresh, and the endpoint is left alone for a while',
				);
				assertNoSecrets(first, credential);
			} finally {
				harness.auth.down = false;
			}
		},
	);

	fault(
		'token endpoint down while refreshing an expired token',
		'a clear error with what to do, nothing sent; runs in the next 30 s fail fast; then it is asked again',
		async () => {
			const credential = await harness.connectedCredential({ expiresInMs: 5_000 });
			const sentBefore = harness.api.requests.length;
			const tokenCalls = harness.auth.tokenRequests.length;
			harness.auth.down = true;
			try {
				const continued = await run(credential, get('/contacts/1'), itemsOf(5));
				const { ok, failed } = assertEveryItemAccounted(continued, 5);
				assert.equal(ok.length, 0);
				for (const item of failed) {
					assert.match(
						String(item.json.error),
						new RegExp(
							`^Could not refresh the token of connection '${credential.name}': localhost:\\d+ answered 503$`,
						),
					);
					assert.match(String(item.error?.description), /Wait a minute .*click Reconnect/);
				}
				assert.equal(
					harness.auth.tokenRequests.length - tokenCalls,
					1,
					'items in flight share one failed refresh',
				);
				assertNoSecrets(continued, credential);

				const stopped = await run(credential, get('/contacts/1'), itemsOf(2), false);
				assert.match(
					String(stopped.error?.message),
					/Could not refresh the token of connection .*503/,
				);
				assert.match(String(stopped.error?.description), /click Reconnect.*asked again 30 s/);
				assertNoSecrets(stopped, credential);
			} finally {
				harness.auth.down = false;
			}
			assert.equal(
				harness.api.requests.length,
				sentBefore,
				'nothing was sent with the expiring token',
			);
			assert.equal(
				harness.auth.tokenRequests.length - tokenCalls,
				1,
				'the next run within the pause did not ask the token endpoint',
			);
			advanceClock(PAUSE_AFTER_FAILURE_MS + 1_000);

			const recovered = await run(credential, get('/contacts/1'), itemsOf(2));
			assert.equal(
				assertEveryItemAccounted(recovered, 2).ok.length,
				2,
				'the next run refreshes and succeeds',
			);
			assertNoSecrets(recovered, credential);
		},
	);

	const REVOKED_MESSAGE =
		"Could not refresh the token of connection 'Revoked App': the provider no longer accepts its refresh token (invalid_grant)";

	fault('refresh token revoked (invalid_grant)', 'the error says to reconnect', async () => {
		const credential = await harness.connectedCredential({
			expiresInMs: 30_000,
			name: 'Revoked App',
		});
		const sentBefore = harness.api.requests.length;
		harness.auth.revoked = true;
		try {
			const continued = await run(credential, get('/contacts/1'), itemsOf(4));
			const { ok, failed } = assertEveryItemAccounted(continued, 4);
			assert.equal(ok.length, 0);
			for (const item of failed) {
				assert.equal(item.json.error, REVOKED_MESSAGE);
				assert.match(String(item.error?.description), /Access was revoked.*click Reconnect/);
			}
			assertNoSecrets(continued, credential);

			const stopped = await run(credential, get('/contacts/1'), itemsOf(1), false);
			assert.equal(stopped.error?.message, REVOKED_MESSAGE);
			assertNoSecrets(stopped, credential);
		} finally {
			harness.auth.revoked = false;
		}
		assert.equal(harness.api.requests.length, sentBefore);
	});

	fault(
		'rotating refresh tokens, 30 items at concurrency 10',
		'one refresh; the next run refreshes with the rotated token',
		async () => {
			const credential = await harness.connectedCredential({ expiresInMs: 30_000 });
			harness.auth.rotateRefreshTokens = true;
			try {
				const tokenCalls = harness.auth.tokenRequests.length;
				const first = await run(
					credential,
					get('={{ "/contacts/" + $json.index }}', { options: { concurrency: 10 } }),
					itemsOf(30),
				);
				const firstRun = assertEveryItemAccounted(first, 30);
				assert.equal(firstRun.failed.length, 0, String(firstRun.failed[0]?.json.error));
				const refreshes = harness.auth.tokenRequests.slice(tokenCalls);
				assert.equal(refreshes.length, 1, 'exactly one refresh');
				assert.equal(refreshes[0].grantType, 'refresh_token');
				assert.equal(refreshes[0].refreshToken, credential.refreshToken);
				const rotated = (
					harness.store.stored(credential.id).oauthTokenData as Record<string, string>
				).refresh_token;
				assert.ok(
					rotated && rotated !== credential.refreshToken,
					'the rotated refresh token is persisted',
				);
				assertNoSecrets(first, credential);

				// Time passes: the refreshed token is now about to expire too.
				const refreshed = harness.store.stored(credential.id).oauthTokenData as Record<
					string,
					unknown
				>;
				harness.store.setTokenData(credential.id, {
					...refreshed,
					n8n_expires_at: String(Date.now() + 30_000),
				});
				const second = await run(
					credential,
					get('/contacts/2', { options: { concurrency: 10 } }),
					itemsOf(10),
				);
				const secondRun = assertEveryItemAccounted(second, 10);
				assert.equal(secondRun.failed.length, 0, String(secondRun.failed[0]?.json.error));
				const again = harness.auth.tokenRequests.slice(tokenCalls + 1);
				assert.equal(again.length, 1);
				assert.equal(
					again[0].refreshToken,
					rotated,
					'the second run refreshed with the rotated token',
				);
				assertNoSecrets(second, credential);
			} finally {
				harness.auth.rotateRefreshTokens = false;
			}
		},
	);
});

fault(
	'tokens that live shorter than the refresh margin',
	'refreshed once per expiry, not once per item',
	async () => {
		const credential = await harness.connectedCredential({ expiresInMs: 20_000 });
		harness.auth.expiresIn = 60;
		try {
			const tokenCalls = harness.auth.tokenRequests.length;
			const result = await run(
				credential,
				get('/contacts/1', { options: { concurrency: 3 } }),
				itemsOf(30),
			);
			assert.equal(assertEveryItemAccounted(result, 30).ok.length, 30);
			assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1);
			assertNoSecrets(result, credential);
		} finally {
			harness.auth.expiresIn = 3600;
		}
	},
);

describe('resource server faults', () => {
	fault(
		'5xx flapping',
		'GETs succeed within max attempts; one that never recovers fails clearly',
		async () => {
			const credential = await harness.connectedCredential();
			for (let index = 0; index < 9; index++) {
				harness.api.script(`/flap/${index}`, [
					{ status: 503 },
					{ status: 200, body: { ok: index } },
					{ status: 503 },
				]);
			}
			harness.api.script('/flap/9', [{ status: 503 }, { status: 502 }, { status: 504 }]);
			const result = await run(
				credential,
				get('={{ "/flap/" + $json.index }}', { options: { maxAttempts: 3 } }),
				itemsOf(10),
			);
			const { ok, failed } = assertEveryItemAccounted(result, 10);
			assert.equal(ok.length, 9);
			assert.deepEqual(
				ok.map((item) => item.json.ok),
				[0, 1, 2, 3, 4, 5, 6, 7, 8],
			);
			assert.equal(failed.length, 1);
			assert.match(String(failed[0].json.error), /^127\.0\.0\.1:\d+ answered 504/);
			assert.match(
				String(failed[0].error?.description),
				/kept failing after the retries: try again later/,
			);
			for (let index = 0; index < 9; index++) assert.equal(harness.api.count(`/flap/${index}`), 2);
			assert.equal(harness.api.count('/flap/9'), 3);
			assertNoSecrets(result, credential);

			// One path alternating 503/200 for items sent one after the other.
			harness.api.script(
				'/flapping',
				Array.from({ length: 10 }, (_, index) => ({
					status: index % 2 ? 200 : 503,
					body: { ok: true },
				})),
			);
			const serial = await run(
				credential,
				get('/flapping', { options: { concurrency: 1 } }),
				itemsOf(5),
			);
			assert.equal(assertEveryItemAccounted(serial, 5).ok.length, 5);
			assertNoSecrets(serial, credential);
		},
	);

	fault(
		'a response slower than the timeout',
		'a clear timeout error, retried like a network error',
		async () => {
			const credential = await harness.connectedCredential();
			harness.api.script('/slow-once', [
				{ status: 200, body: { late: true }, delayMs: 1500 },
				{ status: 200, body: { ok: true } },
			]);
			const recovered = await run(credential, get('/slow-once', { options: { timeout: 300 } }));
			assert.equal(assertEveryItemAccounted(recovered, 1).ok.length, 1);
			assert.equal(harness.api.count('/slow-once'), 2, 'the timed-out GET was sent again');

			harness.api.script(
				'/slow-always',
				Array.from({ length: 4 }, () => ({ status: 200, body: { late: true }, delayMs: 1500 })),
			);
			const timedOut = await run(
				credential,
				get('/slow-always', { options: { timeout: 300, maxAttempts: 2 } }),
				itemsOf(2),
			);
			const { failed } = assertEveryItemAccounted(timedOut, 2);
			assert.equal(failed.length, 2);
			for (const item of failed) {
				assert.match(
					String(item.json.error),
					/^The request to 127\.0\.0\.1:\d+ timed out after 300 ms$/,
				);
				assert.match(
					String(item.error?.description),
					/did not answer within the timeout \(2 times\)\. Raise Options > Timeout/,
				);
			}
			assert.equal(harness.api.count('/slow-always'), 4, 'each item tried twice');
			assertNoSecrets(timedOut, credential);
		},
	);

	fault(
		'a connection reset',
		'retried for GET; one that keeps resetting fails clearly',
		async () => {
			const credential = await harness.connectedCredential();
			harness.api.script('/reset-once', [
				{ status: 0, reset: true },
				{ status: 200, body: { ok: true } },
			]);
			const recovered = await run(credential, get('/reset-once'));
			assert.equal(assertEveryItemAccounted(recovered, 1).ok.length, 1);

			harness.api.script(
				'/reset-always',
				Array.from({ length: 4 }, () => ({ status: 0, reset: true })),
			);
			const failedRun = await run(
				credential,
				get('/reset-always', { options: { maxAttempts: 2 } }),
				itemsOf(2),
			);
			const { failed } = assertEveryItemAccounted(failedRun, 2);
			assert.equal(failed.length, 2);
			for (const item of failed) {
				assert.match(
					String(item.json.error),
					/^Could not reach 127\.0\.0\.1:\d+: socket hang up \(ECONNRESET\)$/,
				);
				assert.match(
					String(item.error?.description),
					/failed 2 times without an HTTP answer\. Check that the server is up/,
				);
			}
			assertNoSecrets(failedRun, credential);
		},
	);

	fault(
		'429 storm (every first attempt rate-limited, Retry-After 0 or 1)',
		'all succeed in bounded time',
		async () => {
			const credential = await harness.connectedCredential();
			const count = 60;
			for (let index = 0; index < count; index++) {
				harness.api.script(`/storm/${index}`, [
					{
						status: 429,
						headers: { 'retry-after': String(index % 2) },
						body: { error: 'rate_limited' },
					},
					{ status: 200, body: { index } },
				]);
			}
			const result = await run(
				credential,
				get('={{ "/storm/" + $json.index }}', { options: { concurrency: 20 } }),
				itemsOf(count),
			);
			const { ok } = assertEveryItemAccounted(result, count);
			assert.equal(ok.length, count);
			assert.deepEqual(
				ok.map((item) => item.json.index),
				Array.from({ length: count }, (_, index) => index),
			);
			assert.ok(result.elapsedMs < 8_000, `took ${result.elapsedMs} ms`);
			for (let index = 1; index < count; index += 2) {
				const [first, second] = harness.api.requests.filter(
					(request) => request.path === `/storm/${index}`,
				);
				assert.ok(
					second.at - first.at >= 1000,
					`item ${index} waited only ${second.at - first.at} ms`,
				);
			}
			assertNoSecrets(result, credential);
		},
	);

	fault(
		'malformed JSON',
		'a clear "not JSON" error with the first bytes and no secret',
		async () => {
			const credential = await harness.connectedCredential();
			harness.api.script('/broken', [
				{ status: 200, body: '{"a":' },
				{ status: 200, body: '{"a":' },
				{
					status: 200,
					body: `{"echo": "Bearer ${credential.accessToken}", "refresh": "${credential.refreshToken}", `,
				},
			]);
			const result = await run(credential, get('/broken'), itemsOf(3));
			const { failed } = assertEveryItemAccounted(result, 3);
			assert.equal(failed.length, 3);
			assert.match(
				String(failed[0].json.error),
				/^The response from 127\.0\.0\.1:\d+\/broken is not JSON \(content type 'application\/json', starts with '\{"a":'\)$/,
			);
			assert.match(String(failed[0].error?.description), /set Response Format/);
			assert.match(
				String(failed[2].json.error),
				/starts with '\{"echo": "Bearer \[redacted\]", "refresh": "\[redacted\]"/,
			);

			harness.api.script('/broken', [
				{ status: 200, body: `{"echo": "Bearer ${credential.accessToken}", ` },
			]);
			const stopped = await run(credential, get('/broken'), itemsOf(1), false);
			assert.match(
				String(stopped.error?.message),
				/is not JSON .*starts with '\{"echo": "Bearer \[redacted\]"/,
			);
			assertNoSecrets(stopped, credential);
			assertNoSecrets(result, credential);
		},
	);

	fault('huge JSON', 'a 20 MB response and 20 MB over three pages are handled', async () => {
		const credential = await harness.connectedCredential();
		const filler = 'x'.repeat(10_000);
		const records = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({ id: from + index, filler }));
		harness.api.script('/huge', [{ status: 200, body: records(0, 2000) }]);
		const single = await run(credential, get('/huge'));
		assert.equal(single.error, undefined, single.error?.message);
		assert.equal(single.items.length, 2000);
		assert.equal(single.items[1999].json.id, 1999);
		assertNoSecrets(single, credential);

		harness.api.script('/huge-pages', [
			{ status: 200, body: { data: records(0, 700) } },
			{ status: 200, body: { data: records(700, 700) } },
			{ status: 200, body: { data: records(1400, 600) } },
			{ status: 200, body: { data: [] } },
		]);
		const paged = await run(credential, {
			...get('/huge-pages'),
			pagination: 'page',
			recordsPath: 'data',
		});
		assert.equal(paged.error, undefined, paged.error?.message);
		assert.equal(paged.items.length, 2000);
		assert.deepEqual(
			paged.items.map((item) => item.json.id),
			Array.from({ length: 2000 }, (_, index) => index),
		);
		assertNoSecrets(paged, credential);
	});

	fault(
		'a redirect to a host outside the allowed domains',
		'refused before it is sent; with "All" it is followed without the token, and its 401 costs no refresh',
		async () => {
			const credential = await harness.connectedCredential();
			const target = `${otherHost.url}/echo`;
			const seenBefore = otherHost.requests.length;
			const result = await run(
				credential,
				get(`/redirect?to=${encodeURIComponent(target)}`),
				itemsOf(3),
			);
			const { failed } = assertEveryItemAccounted(result, 3);
			assert.equal(failed.length, 3);
			for (const item of failed) {
				assert.match(
					String(item.json.error),
					/^The server redirected to 127\.0\.0\.2:\d+, which is not in the allowed domains of connection/,
				);
				assert.match(
					String(item.error?.description),
					/token was not sent there .* add 127\.0\.0\.2 to Allowed Domains/,
				);
			}
			assert.equal(otherHost.requests.length, seenBefore, 'the other host saw no request');
			assertNoSecrets(result, credential);

			const anywhere = await harness.connectedCredential({
				extra: { allowedDomainsMode: 'all' },
			});
			// "All" follows the redirect, without the token: it goes to the first request's origin only.
			const tokenCalls = harness.auth.tokenRequests.length;
			const followed = await run(anywhere, get(`/redirect?to=${encodeURIComponent(target)}`));
			assert.ok(otherHost.requests.length > seenBefore, 'the redirect was followed');
			// The other host refuses the request without a token: that is not the connection's token expiring.
			assert.match(String(followed.items[0].json.error), /^127\.0\.0\.2:\d+ answered 401/);
			assert.equal(harness.auth.tokenRequests.length - tokenCalls, 0, 'no refresh');
			assert.equal(
				otherHost.requests
					.slice(seenBefore)
					.filter((request) => request.headers.authorization !== undefined).length,
				0,
			);
			assertNoSecrets(followed, anywhere);
		},
	);
});

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

describe('where failed items go', () => {
	for (const nodeType of ['oAuth2HttpRequest', 'fetchVariables'] as const) {
		fault(
			`${nodeType === 'oAuth2HttpRequest' ? 'OAuth2 HTTP Request' : 'Fetch Variables'}, On Error: Continue (using error output)`,
			'failed items on the error output, paired with their input; with Continue (regular output) they stay on the main output',
			async () => {
				const credential = await harness.connectedCredential();
				const parameters =
					nodeType === 'oAuth2HttpRequest'
						? get('={{ $json.path }}')
						: {
								url: '={{ $json.path }}',
								variables: { variable: [{ name: 'last', path: 'data.last_name' }] },
							};
				const items = [
					{ json: { path: '/contacts/1', row: 'a' } },
					{ json: { path: '/nothing-here', row: 'b' } },
					{ json: { path: '/contacts/3', row: 'c' } },
				];
				const routed = await harness.run(
					credential,
					nodeType,
					parameters,
					items,
					'continueErrorOutput',
				);
				assert.equal(routed.error, undefined, routed.error?.message);
				assert.equal(routed.outputs[0].length, 2, 'two successes on the main output');
				assert.equal(routed.outputs[1]?.length, 1, 'one error item on the error output');
				const [errorItem] = routed.outputs[1];
				assert.deepEqual(errorItem.pairedItem, { item: 1 });
				assert.match(String(errorItem.json.error), /answered 404/);
				assert.match(String(errorItem.error?.description), /Check the URL/);

				const regular = await harness.run(credential, nodeType, parameters, items, true);
				assert.equal(regular.outputs.length, 1);
				assert.equal(regular.items.length, 3, 'errors stay on the main output');
				assert.deepEqual(regular.items[1].pairedItem, { item: 1 });
				assert.match(String(regular.items[1].json.error), /answered 404/);
			},
		);
	}
});

describe('client credentials', () => {
	fault(
		'client credentials without a token yet, 100 items at concurrency 10',
		'one token request; the next run reuses it; a rejected token costs one more',
		async () => {
			const credential = harness.credential({ grantType: 'clientCredentials', scopes: 'read' });
			const before = harness.auth.tokenRequests.length;
			const grants = () =>
				harness.auth.tokenRequests
					.slice(before)
					.filter((request) => request.grantType === 'client_credentials').length;
			const parameters = get('/contacts/1', { options: { concurrency: 10 } });

			const first = await harness.run(
				credential,
				'oAuth2HttpRequest',
				parameters,
				itemsOf(100),
				true,
			);
			assert.equal(first.items.filter((item) => item.json.error === undefined).length, 100);
			assert.equal(grants(), 1, 'one token for the whole run');
			const sentTokens = new Set(
				harness.api.requests.slice(-100).map((request) => request.headers.authorization),
			);
			assert.equal(sentTokens.size, 1, 'every item sent the same token');

			const second = await harness.run(
				credential,
				'oAuth2HttpRequest',
				parameters,
				itemsOf(20),
				true,
			);
			assert.equal(second.items.filter((item) => item.json.error === undefined).length, 20);
			assert.equal(grants(), 1, 'the next run reuses the stored token');

			const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, string>;
			harness.api.rejectToken(stored.access_token);
			const third = await harness.run(
				credential,
				'oAuth2HttpRequest',
				parameters,
				itemsOf(20),
				true,
			);
			assert.equal(third.items.filter((item) => item.json.error === undefined).length, 20);
			assert.equal(grants(), 2, 'one new token after the API rejected the old one');
		},
	);
});

describe('refresh failures say so', () => {
	const failsWith = async (
		credential: Credential | { id: string; name: string },
		expected: RegExp,
		fix: RegExp,
	) => {
		const result = await run(credential, get('/contacts/1'), itemsOf(3));
		const { failed } = assertEveryItemAccounted(result, 3);
		assert.equal(failed.length, 3);
		for (const item of failed) {
			assert.match(String(item.json.error), expected);
			assert.doesNotMatch(String(item.json.error), /failed on its side|Could not reach 127/);
			assert.match(String(item.error?.description), fix);
		}
		if ('accessToken' in credential) assertNoSecrets(result, credential);
		return result;
	};

	fault(
		'a 401, then the token endpoint answers 503',
		'"Could not refresh the token of connection …: <host> answered 503", with what to do',
		async () => {
			const credential = await rejectedCredential({ name: 'Down' });
			harness.auth.down = true;
			try {
				await failsWith(
					credential,
					/^Could not refresh the token of connection 'Down': localhost:\d+ answered 503$/,
					/Wait a minute .*Access Token URL.*Reconnect/,
				);
			} finally {
				harness.auth.down = false;
			}
		},
	);

	fault(
		'a 401, then the token endpoint is unreachable',
		'"Could not refresh the token …: could not reach <host> (ECONNREFUSED)"',
		async () => {
			const credential = await harness.connectedCredential({
				name: 'Unreachable',
				extra: { customTokenUrl: 'http://127.0.0.1:9/token' },
			});
			harness.api.rejectToken(credential.accessToken);
			await failsWith(
				credential,
				/^Could not refresh the token of connection 'Unreachable': could not reach 127\.0\.0\.1:9 \(ECONNREFUSED\)$/,
				/Wait a minute/,
			);
		},
	);

	fault(
		'a 401, then the token endpoint does not answer within the timeout',
		'"Could not refresh the token …: <host> did not answer within 1 s", without waiting longer',
		async () => {
			const credential = await connectedWithTokenUrl(`${harness.api.url}/oauth/slow-token`, {
				name: 'Slow',
			});
			harness.api.rejectToken(credential.accessToken);
			harness.api.script('/oauth/slow-token', [{ status: 503, delayMs: 3_000 }]);
			const started = Date.now();
			const result = await run(
				credential,
				get('/contacts/1', { options: { timeout: 500 } }),
				itemsOf(3),
			);
			for (const item of assertEveryItemAccounted(result, 3).failed) {
				assert.match(
					String(item.json.error),
					/^Could not refresh the token of connection 'Slow': 127\.0\.0\.1:\d+ did not answer within 1 s$/,
				);
			}
			assert.ok(Date.now() - started < 2_500, 'the items did not wait for the token endpoint');
		},
	);

	fault(
		'a 401 on a connection that holds no refresh token',
		'"… the provider sent no refresh token": Reconnect, and ask for offline access',
		async () => {
			const credential = await rejectedCredential({ name: 'No Refresh', withRefreshToken: false });
			const tokenCalls = harness.auth.tokenRequests.length;
			await failsWith(
				credential,
				/^Could not refresh the token of connection 'No Refresh': the token expired and the provider sent no refresh token$/,
				/click Reconnect.*offline_access/,
			);
			assert.equal(
				harness.auth.tokenRequests.length,
				tokenCalls,
				'nothing to send to the token endpoint',
			);
		},
	);

	fault(
		'a 401, then the refresh token is refused (invalid_grant)',
		'"… no longer accepts its refresh token (invalid_grant)": Reconnect',
		async () => {
			const credential = await rejectedCredential({ name: 'Revoked' });
			harness.auth.revoked = true;
			try {
				await failsWith(
					credential,
					/^Could not refresh the token of connection 'Revoked': the provider no longer accepts its refresh token \(invalid_grant\)$/,
					/click Reconnect/,
				);
			} finally {
				harness.auth.revoked = false;
			}
		},
	);

	fault(
		'client credentials, the token request fails',
		'"Could not get the token of connection …": check the URL, client ID, secret and scopes',
		async () => {
			const credential = harness.credential(
				{ grantType: 'clientCredentials', customTokenUrl: `${harness.api.url}/oauth/cc-down` },
				'Machine',
			);
			harness.api.script('/oauth/cc-down', [
				{ status: 503, body: { error: 'temporarily_unavailable' } },
			]);
			await failsWith(
				credential,
				/^Could not get the token of connection 'Machine': 127\.0\.0\.1:\d+ answered 503$/,
				/Client ID, Client Secret and Scopes/,
			);
		},
	);
});

describe('a signal that persists is an error', () => {
	fault(
		'a 401 that persists after a refresh, 20 items',
		'"the token was refused even after a refresh"; at most two token calls',
		async () => {
			const credential = await harness.connectedCredential({ name: 'Refused' });
			const tokenCalls = harness.auth.tokenRequests.length;
			const result = await run(
				credential,
				get('/status/401', { options: { concurrency: 5 } }),
				itemsOf(20),
			);
			const { ok, failed } = assertEveryItemAccounted(result, 20);
			assert.equal(ok.length, 0);
			for (const item of failed) {
				assert.match(
					String(item.json.error),
					/^Connection 'Refused': the token was refused even after a refresh \(127\.0\.0\.1:\d+ answered 401\)$/,
				);
				assert.match(
					String(item.error?.description),
					/scopes.*Reconnect.*Token Expired Status Codes/,
				);
			}
			assert.ok(harness.auth.tokenRequests.length - tokenCalls <= 2, 'at most two token calls');
			assertNoSecrets(result, credential);
		},
	);

	fault(
		'an expiry signal in the body that persists after a refresh',
		'an error, never a success item',
		async () => {
			const credential = await harness.connectedCredential({
				name: 'Marketo-like',
				extra: { expiryResponsePath: 'errors[0].code', expiryResponseValues: '601, 602' },
			});
			const result = await run(credential, get('/signal-602'), itemsOf(3));
			const { ok, failed } = assertEveryItemAccounted(result, 3);
			assert.equal(ok.length, 0, 'no item came out as a success');
			for (const item of failed) {
				assert.match(
					String(item.json.error),
					/the token was refused even after a refresh \(127\.0\.0\.1:\d+ answered 200\)/,
				);
			}
		},
	);
});

describe('a refreshed token the API accepted is not "refused even after a refresh"', () => {
	/** A 401 on the old token makes the run refresh; the new token answers 200 to every item. */
	async function refreshedAndAccepted(name: string) {
		const credential = await rejectedCredential({ name });
		const tokenCalls = harness.auth.tokenRequests.length;
		const first = await run(credential, get('/contacts/1'), itemsOf(5));
		assert.equal(assertEveryItemAccounted(first, 5).ok.length, 5);
		assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'one refresh');
		const refreshed = (harness.store.stored(credential.id).oauthTokenData as Record<string, string>)
			.access_token;
		assert.notEqual(refreshed, credential.accessToken);
		return { credential, refreshed };
	}

	fault(
		'a refreshed token answered 200, then revoked by the provider within 30 s',
		'the next run refreshes again and succeeds',
		async () => {
			const { credential, refreshed } = await refreshedAndAccepted('Revoked Later');
			harness.api.rejectToken(refreshed);
			const tokenCalls = harness.auth.tokenRequests.length;
			const later = await run(credential, get('/contacts/1'), itemsOf(3));
			const { ok, failed } = assertEveryItemAccounted(later, 3);
			assert.equal(failed.length, 0, String(failed[0]?.json.error));
			assert.equal(ok.length, 3);
			assert.equal(
				harness.auth.tokenRequests.length - tokenCalls,
				1,
				'the token endpoint was asked',
			);
			assertNoSecrets(later, credential);
		},
	);

	fault(
		'a refreshed token answered 200, then refused while the token endpoint is down',
		'"Could not refresh the token …: <host> answered 503", not a refusal verdict',
		async () => {
			const { credential, refreshed } = await refreshedAndAccepted('Outage After Refresh');
			harness.api.rejectToken(refreshed);
			const tokenCalls = harness.auth.tokenRequests.length;
			harness.auth.down = true;
			try {
				const later = await run(credential, get('/contacts/1'), itemsOf(3));
				for (const item of assertEveryItemAccounted(later, 3).failed) {
					assert.match(
						String(item.json.error),
						/^Could not refresh the token of connection 'Outage After Refresh': localhost:\d+ answered 503$/,
					);
				}
				assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1);
				assertNoSecrets(later, credential);
			} finally {
				harness.auth.down = false;
			}
		},
	);
});

describe('per-user credentials', () => {
	fault(
		'one user’s refresh fails, then another user runs with the same credential (n8n’s per-user credentials) within 30 s',
		'the other user’s token is refreshed, not held back by the first user’s pause',
		async () => {
			const credential = await harness.connectedCredential({ expiresInMs: 5_000, name: 'Shared' });
			const userA = harness.store.stored(credential.id).oauthTokenData as Record<string, unknown>;
			harness.auth.down = true;
			try {
				const first = await run(credential, get('/contacts/1'), itemsOf(2));
				assert.equal(assertEveryItemAccounted(first, 2).failed.length, 2);
			} finally {
				harness.auth.down = false;
			}
			// The same credential resolved for another user: that user's own tokens.
			const userB = await harness.connectedCredential({ expiresInMs: 5_000 });
			harness.store.setTokenData(
				credential.id,
				harness.store.stored(userB.id).oauthTokenData as Record<string, unknown>,
			);
			const tokenCalls = harness.auth.tokenRequests.length;
			const other = await run(credential, get('/contacts/1'), itemsOf(2));
			const { ok, failed } = assertEveryItemAccounted(other, 2);
			assert.equal(failed.length, 0, String(failed[0]?.json.error));
			assert.equal(ok.length, 2);
			assert.equal(
				harness.auth.tokenRequests.length - tokenCalls,
				1,
				'one refresh for the other user',
			);
			assert.equal(harness.auth.tokenRequests.at(-1)?.refreshToken, userB.refreshToken);

			// The first user is still paused.
			harness.store.setTokenData(credential.id, userA);
			const again = await run(credential, get('/contacts/1'), itemsOf(1));
			assert.match(
				String(again.items[0].json.error),
				/Could not refresh the token of connection 'Shared'/,
			);
			assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'none for the paused user');
		},
	);
});

describe('no refresh storms', () => {
	fault(
		'expired token, token endpoint down, 25 items',
		'one token call; runs within 30 s none; after the pause one',
		async () => {
			const credential = await harness.connectedCredential({ expiresInMs: 5_000, name: 'Storm' });
			const tokenCalls = harness.auth.tokenRequests.length;
			harness.auth.down = true;
			try {
				const first = await run(
					credential,
					get('/contacts/1', { options: { concurrency: 3 } }),
					itemsOf(25),
				);
				assert.equal(assertEveryItemAccounted(first, 25).failed.length, 25);
				assert.equal(
					harness.auth.tokenRequests.length - tokenCalls,
					1,
					'one token call for the run',
				);
				const second = await run(credential, get('/contacts/1'), itemsOf(5));
				assert.equal(assertEveryItemAccounted(second, 5).failed.length, 5);
				assert.match(
					String(second.items[0].json.error),
					/^Could not refresh the token of connection 'Storm'/,
				);
				assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'none within the pause');
				advanceClock(PAUSE_AFTER_FAILURE_MS + 1_000);
				await run(credential, get('/contacts/1'), itemsOf(5));
				assert.equal(harness.auth.tokenRequests.length - tokenCalls, 2, 'one after the pause');
			} finally {
				harness.auth.down = false;
			}
		},
	);

	for (const [label, expiresIn] of [
		['expires_in: 0', 0],
		['no expires_in', undefined],
	] as const) {
		fault(
			`a refresh answered with ${label}`,
			'no request refreshes again because of it',
			async () => {
				const credential = await harness.connectedCredential({ expiresInMs: 5_000 });
				const tokenCalls = harness.auth.tokenRequests.length;
				harness.auth.expiresIn = expiresIn;
				try {
					const result = await run(
						credential,
						get('/contacts/1', { options: { concurrency: 2 } }),
						itemsOf(20),
					);
					assert.equal(assertEveryItemAccounted(result, 20).ok.length, 20);
					const again = await run(credential, get('/contacts/1'), itemsOf(5));
					assert.equal(assertEveryItemAccounted(again, 5).ok.length, 5);
					assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'one refresh in all');
				} finally {
					harness.auth.expiresIn = 3600;
				}
			},
		);
	}
});

describe('redirects the package controls', () => {
	fault(
		'redirects across origins',
		"each hop checked; the token only to the first request's origin; another origin's 401 costs no refresh and is named",
		async () => {
			const samePortless = new ResourceServer(harness.auth);
			await samePortless.start();
			try {
				const credential = await harness.connectedCredential({
					extra: { allowedDomainsList: '127.0.0.1, 127.0.0.2' },
				});
				const seen = (server: ResourceServer) => server.requests.at(-1);
				const to = (url: string, status = 302) =>
					get(`/redirect?status=${status}&to=${encodeURIComponent(url)}`);

				// Another port of the same host is another origin: the request goes there without the token.
				const otherPort = await run(credential, to(`${samePortless.url}/public/redirect?to=/echo`));
				assert.equal(seen(samePortless)?.headers.authorization, undefined);
				assert.match(
					String(otherPort.items[0].json.error),
					new RegExp(`^127\\.0\\.0\\.1:${new URL(samePortless.url).port} answered 401`),
				);

				const tokenCalls = harness.auth.tokenRequests.length;
				const crossHost = await run(credential, to(`${otherHost.url}/echo`));
				assert.equal(seen(otherHost)?.headers.authorization, undefined, 'no token to 127.0.0.2');
				assert.match(String(crossHost.items[0].json.error), /^127\.0\.0\.2:\d+ answered 401/);
				assert.equal(
					harness.auth.tokenRequests.length,
					tokenCalls,
					'a 401 from another origin costs no refresh',
				);

				// Back to the first origin: the token is attached again.
				const roundTrip = await run(
					credential,
					to(
						`${otherHost.url}/public/redirect?to=${encodeURIComponent(`${harness.api.url}/echo`)}`,
					),
				);
				assert.equal(roundTrip.items[0].json.hadAuthorization, true);
			} finally {
				await samePortless.stop();
			}
		},
	);

	fault(
		'redirects 307, 308, 303 and a loop',
		'307/308 keep method and body, 303 becomes a GET; more than 10 hops is an error',
		async () => {
			const credential = await harness.connectedCredential();
			const post = (status: number) => ({
				method: 'POST',
				url: `/redirect?status=${status}&to=/echo`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '{"name":"Ada"}',
			});
			for (const status of [307, 308]) {
				const kept = await run(credential, post(status));
				assert.equal(kept.items[0].json.method, 'POST', `${status} keeps POST`);
				assert.equal(kept.items[0].json.body, '{"name":"Ada"}');
			}
			const seeOther = await run(credential, post(303));
			assert.equal(seeOther.items[0].json.method, 'GET');
			assert.equal(seeOther.items[0].json.body, '');

			const before = harness.api.count('/redirect-loop');
			const loop = await run(credential, get('/redirect-loop'));
			assert.match(String(loop.items[0].json.error), /^The server redirected more than 10 times/);
			assert.equal(
				harness.api.count('/redirect-loop') - before,
				11,
				'the first request and 10 hops',
			);
		},
	);
});

describe('secrets nowhere', () => {
	fault(
		'a token endpoint answering with an unparseable body full of tokens',
		'neither the quoted body nor a token in the error',
		async () => {
			const leaked = 'at-LEAKED-1234567890';
			const credential = await connectedWithTokenUrl(`${harness.api.url}/oauth/form-token`);
			harness.api.rejectToken(credential.accessToken);
			harness.api.script('/oauth/form-token', [
				{
					status: 200,
					headers: { 'content-type': 'text/html' },
					body: `access_token=${leaked}&refresh_token=rt-LEAKED-0987654321&id_token=it-LEAKED-55`,
				},
			]);
			const result = await run(credential, get('/contacts/1'));
			const text =
				JSON.stringify(result.items) +
				String(result.items[0].error?.description) +
				result.logs.join('\n');
			assert.match(
				String(result.items[0].json.error),
				/^Could not refresh the token of connection/,
			);
			assert.doesNotMatch(text, /LEAKED|but received/);
		},
	);

	fault(
		'responses that echo the connection’s tokens (headers, Never Error bodies, id tokens)',
		'redacted in the output and in errors',
		async () => {
			const idToken = 'eyJhbGciOi.id-token-secret-part.sig';
			const credential = await harness.connectedCredential();
			harness.store.setTokenData(credential.id, {
				...(harness.store.stored(credential.id).oauthTokenData as object),
				id_token: idToken,
			});
			harness.api.script('/contacts/echo-header', [
				{
					status: 200,
					headers: { 'x-echo': `Bearer ${credential.accessToken}` },
					body: { ok: true },
				},
			]);
			const headers = await run(
				credential,
				get('/contacts/echo-header', { options: { fullResponse: true } }),
			);
			assert.equal(
				(headers.items[0].json.headers as Record<string, string>)['x-echo'],
				'Bearer [redacted]',
			);

			harness.api.script('/contacts/echo-body', [
				{ status: 400, body: { error: 'bad', received: credential.accessToken, id: idToken } },
			]);
			const body = await run(
				credential,
				get('/contacts/echo-body', { options: { neverError: true } }),
			);
			assert.deepEqual(body.items[0].json, {
				error: 'bad',
				received: '[redacted]',
				id: '[redacted]',
			});

			harness.api.script('/contacts/echo-error', [
				{ status: 400, body: { error: `bad id ${idToken}` } },
			]);
			const failed = await run(credential, get('/contacts/echo-error'));
			assert.match(String(failed.items[0].json.error), /bad id \[redacted\]/);
			assert.doesNotMatch(JSON.stringify(failed.run), /id-token-secret-part/);
		},
	);

	fault(
		'2xx responses that echo the live tokens (an echo or token-info endpoint), in every response format of both nodes',
		'the tokens are replaced by a marker in the output, binary data, pages and variables',
		async () => {
			const idToken = 'eyJhbGciOi.live-id-token-part.sig';
			const credential = await harness.connectedCredential();
			harness.store.setTokenData(credential.id, {
				...(harness.store.stored(credential.id).oauthTokenData as object),
				id_token: idToken,
			});
			const { accessToken, refreshToken } = credential;
			const echo = () => ({
				status: 200,
				headers: { 'x-token-info': accessToken },
				body: {
					active: true,
					token: accessToken,
					refresh: `refresh is ${refreshToken}`,
					id: idToken,
					next: null,
				},
			});
			const runs: CapturedRun[] = [];
			for (const options of [
				{},
				{ fullResponse: true },
				{ responseFormat: 'text' },
				{ responseFormat: 'file' },
			]) {
				harness.api.script('/token-info', [echo()]);
				runs.push(await run(credential, get('/token-info', { options })));
			}
			const file = runs[3].items[0].binary?.data;
			assert.ok(file, 'the file format gives binary data');
			// In-memory binary mode: the file's content is in the item, base64.
			const fileText = Buffer.from(file.data, 'base64').toString('utf8');
			assert.match(fileText, /"token":"\[redacted\]"/);

			harness.api.script('/token-info-pages', [echo()]);
			runs.push(
				await run(credential, {
					...get('/token-info-pages'),
					pagination: 'nextUrl',
					nextUrlPath: 'next',
					paginationOutput: 'pages',
				}),
			);
			harness.api.script('/token-info-variables', [echo()]);
			const variables = await captureLogs(
				async () =>
					await harness.run(credential, 'fetchVariables', {
						url: '/token-info-variables',
						variables: {
							variable: [
								{ name: 'token', path: 'token' },
								{ name: 'id', path: 'id' },
							],
						},
					}),
			);
			runs.push({ ...variables.value, logs: variables.logs, elapsedMs: 0 });
			assert.equal(runs[0].items[0].json.token, '[redacted]');
			assert.equal(runs[5].items[0].json.token, '[redacted]');
			for (const result of runs) {
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 1);
				assertNoSecrets(result, credential);
				assert.doesNotMatch(JSON.stringify(result.run), /live-id-token-part/);
			}
		},
	);

	fault(
		"the path picker's sample is not JSON and holds the token",
		'its error carries no token',
		async () => {
			const { loadOptions } = await import('./harness/engine');
			const credential = await harness.connectedCredential();
			harness.api.script('/contacts/picker-text', [
				{
					status: 200,
					headers: { 'content-type': 'text/plain' },
					body: `seen ${credential.accessToken}`,
				},
			]);
			await assert.rejects(
				loadOptions(
					{
						store: harness.store,
						credential,
						nodeType: 'fetchVariables',
						parameters: { url: '/contacts/picker-text' },
					},
					'searchResponsePaths',
				),
				(error: Error) => {
					assert.match(error.message, /is not JSON/);
					assert.ok(!error.message.includes(credential.accessToken), error.message);
					return true;
				},
			);
		},
	);

	fault(
		'a failing refresh shared by two workflows',
		'each gets its own error, built with its own node',
		async () => {
			const credential = await connectedWithTokenUrl(`${harness.api.url}/oauth/slow-down`);
			harness.api.rejectToken(credential.accessToken);
			harness.api.script('/oauth/slow-down', [{ status: 503, delayMs: 300 }]);
			const [first, second] = await Promise.all([
				harness.run(
					credential,
					'oAuth2HttpRequest',
					get('/contacts/1?workflow=first'),
					itemsOf(1),
					false,
					'workflow-first',
				),
				harness.run(
					credential,
					'oAuth2HttpRequest',
					get('/contacts/2?workflow=second'),
					itemsOf(1),
					false,
					'workflow-second',
				),
			]);
			assert.equal(harness.api.count('/oauth/slow-down'), 1, 'the two runs shared one refresh');
			for (const [result, own] of [
				[first, 'first'],
				[second, 'second'],
			] as const) {
				assert.match(String(result.error?.message), /^Could not refresh the token of connection/);
				const node = (result.error as unknown as { node?: { parameters?: { url?: string } } }).node;
				assert.equal(node?.parameters?.url, `/contacts/${own === 'first' ? 1 : 2}?workflow=${own}`);
			}
		},
	);
});

describe('every send is checked against the connection as it is now', () => {
	/** Runs `parameters`, and edits the connection once `path` has been asked for the first time. */
	async function editedMidRun(
		credential: Credential,
		parameters: Record<string, unknown>,
		path: string,
		edit: Record<string, unknown>,
	): Promise<CapturedRun> {
		const running = run(credential, parameters, itemsOf(1));
		const deadline = Date.now() + 10_000;
		while (harness.api.count(path) === 0 && Date.now() < deadline) await sleep(10);
		harness.store.update(credential.id, edit);
		return await running;
	}

	fault(
		'the connection switched off while a request waits for its Retry-After',
		'the retry is not sent; the item fails saying the connection blocks all requests',
		async () => {
			const credential = await harness.connectedCredential({ name: 'Switched Off' });
			harness.api.script('/edited/retry', [
				{ status: 429, headers: { 'retry-after': '1' } },
				{ status: 200, body: { ok: true } },
			]);
			const result = await editedMidRun(credential, get('/edited/retry'), '/edited/retry', {
				allowedHttpRequestDomains: 'none',
			});
			const { failed } = assertEveryItemAccounted(result, 1);
			assert.match(String(failed[0]?.json.error), /Connection 'Switched Off' blocks all requests/);
			assert.equal(harness.api.count('/edited/retry'), 1, 'the retry never left');
			assertNoSecrets(result, credential);
		},
	);

	fault(
		'the connection edited to drop the API host while a redirect is on its way',
		'the hop is not sent; the item fails naming the host',
		async () => {
			const credential = await harness.connectedCredential({ name: 'Narrowed' });
			harness.api.script('/edited/redirect', [
				{ status: 302, headers: { location: '/edited/target' }, delayMs: 500 },
			]);
			const result = await editedMidRun(credential, get('/edited/redirect'), '/edited/redirect', {
				allowedHttpRequestDomains: 'domains',
				allowedDomains: 'api.elsewhere.example',
			});
			const { failed } = assertEveryItemAccounted(result, 1);
			assert.match(
				String(failed[0]?.json.error),
				/redirected to 127\.0\.0\.1:\d+, which is not in the allowed domains of connection 'Narrowed'/,
			);
			assert.equal(harness.api.count('/edited/target'), 0, 'the hop never left');
		},
	);

	fault(
		'the connection switched off between two pages',
		'the next page is not requested',
		async () => {
			const credential = await harness.connectedCredential({ name: 'Paged Off' });
			harness.api.script('/edited/pages', [
				{ status: 200, body: { value: [{ id: 1 }], next: '/edited/page-2' }, delayMs: 500 },
			]);
			const result = await editedMidRun(
				credential,
				{
					...get('/edited/pages'),
					pagination: 'nextUrl',
					recordsPath: 'value',
					nextUrlPath: 'next',
				},
				'/edited/pages',
				{ allowedHttpRequestDomains: 'none' },
			);
			const { failed } = assertEveryItemAccounted(result, 1);
			assert.match(String(failed[0]?.json.error), /Connection 'Paged Off' blocks all requests/);
			assert.equal(harness.api.count('/edited/page-2'), 0, 'the next page never left');
		},
	);
});

describe('limits on what comes back', () => {
	fault('an API that repeats its cursor', 'pagination stops with a clear error', async () => {
		const credential = await harness.connectedCredential();
		const result = await run(
			credential,
			get('/items/stuck', {
				pagination: 'cursor',
				recordsPath: 'data',
				cursorPath: 'meta.next_cursor',
				cursorParameter: 'cursor',
			}),
		);
		assert.equal(
			result.items[0].json.error,
			'Pagination stopped: page 2 gave the same cursor as page 1',
		);
		assert.ok(harness.api.count('/items/stuck') <= 3, 'a few pages, not Max Pages');
	});

	fault(
		'pages that together pass Max Total Size (each page under Max Response Size)',
		'paging stops with an error naming the total; no further page is requested',
		async () => {
			const credential = await harness.connectedCredential();
			const filler = 'x'.repeat(400_000);
			for (let page = 1; page <= 5; page++) {
				harness.api.script(`/big-pages/${page}`, [
					{
						status: 200,
						body: { value: [{ page, filler }], next: page < 5 ? `/big-pages/${page + 1}` : null },
					},
				]);
			}
			const result = await run(
				credential,
				get('/big-pages/1', {
					pagination: 'nextUrl',
					recordsPath: 'value',
					nextUrlPath: 'next',
					maxTotalMegabytes: 1,
				}),
			);
			const { failed } = assertEveryItemAccounted(result, 1);
			assert.match(
				String(failed[0]?.json.error),
				/^Pagination stopped: the pages of this item passed Max Total Size \(1 MB\) at page 3$/,
			);
			assert.match(String(failed[0]?.error?.description), /Max Total Size/);
			assert.equal(harness.api.count('/big-pages/4'), 0, 'no page after the limit');
		},
	);

	fault(
		'a response larger than Max Response Size',
		'cut off while it arrives, with an error naming the size; 20 MB works by default',
		async () => {
			const credential = await harness.connectedCredential();
			const cut = await run(
				credential,
				get('/large?mb=8', { options: { maxResponseMegabytes: 5 } }),
			);
			assert.match(
				String(cut.items[0].json.error),
				/^The response from 127\.0\.0\.1:\d+ is larger than Max Response Size \(5 MB\)$/,
			);
			const whole = await run(credential, get('/large?mb=20'));
			assert.equal(whole.error, undefined);
			assert.ok(whole.items.length > 10_000);
		},
	);
});

describe('inputs checked', () => {
	fault(
		'Fetch Variables with another method than GET or POST',
		'refused before sending; get/post in any case are accepted',
		async () => {
			const credential = await harness.connectedCredential();
			const variables = { variable: [{ name: 'method', path: 'method' }] };
			const lower = await harness.run(credential, 'fetchVariables', {
				method: '={{ "post" }}',
				url: '/echo',
				jsonBody: '{"a":1}',
				variables,
			});
			assert.equal(lower.error, undefined, lower.error?.message);
			assert.equal(lower.items[0].json.method, 'POST');
			const before = harness.api.requests.length;
			const refused = await harness.run(credential, 'fetchVariables', {
				method: '={{ "DELETE" }}',
				url: '/echo',
				variables,
			});
			assert.equal(refused.error?.message, "The method 'DELETE' is not supported");
			assert.match(String(refused.error?.description), /GET or POST/);
			assert.equal(harness.api.requests.length, before, 'nothing was sent');
		},
	);

	fault(
		'a Retry-After far beyond the maximum wait',
		'capped to what the request may still wait, then retried',
		async () => {
			const credential = await harness.connectedCredential();
			harness.api.script('/contacts/slow-down', [
				{ status: 429, headers: { 'retry-after': '99999999999' }, body: { error: 'rate_limited' } },
			]);
			const started = Date.now();
			const result = await run(
				credential,
				get('/contacts/slow-down', { options: { maxRetryWaitSeconds: 1 } }),
			);
			assert.equal(result.items[0].json.error, undefined, String(result.items[0].json.error));
			assert.equal(harness.api.count('/contacts/slow-down'), 2, 'retried once');
			assert.ok(Date.now() - started >= 900, 'waited the capped time');
		},
	);
});

const FAULT_TABLE = path.join(__dirname, 'faultTable.md');

test('test/faultTable.md is the Markdown of these faults (regenerate with UPDATE_FAULT_TABLE=1)', () => {
	const markdown = [
		'| Fault | What the user gets |',
		'| --- | --- |',
		...FAULT_ROWS.map(([what, outcome]) => `| ${what} | ${outcome.replace(/\|/g, '\\|')} |`),
	].join('\n');
	if (process.env.UPDATE_FAULT_TABLE === '1') writeFileSync(FAULT_TABLE, `${markdown}\n`);
	assert.equal(readFileSync(FAULT_TABLE, 'utf8'), `${markdown}\n`);
});
