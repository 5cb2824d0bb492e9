/**
 * Faults on the way to the token endpoint and the API, through n8n-core's real engine against real
 * servers on loopback. For each: the run ends with a clear error or with success, every input item
 * comes back (as output or as an error item), and no secret is in the outputs, the errors, the
 * whole run data or anything logged while it ran.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';

import { LoggerProxy, type INodeExecutionData } from 'n8n-workflow';

import { PAUSE_AFTER_FAILURE_MS } from '../nodes/shared/transport/tokenRefresh';
import { advanceClock } from './harness/clock';
import type { NodeRun } from './harness/engine';
import { CLIENT_SECRET, itemsOf, startHarness, type Harness } from './harness/fixtures';
import { ResourceServer } from './harness/resourceServer';

let harness: Harness;
let otherHost: ResourceServer;
/** Every access token the authorization server issued in this file. */
const issuedAccessTokens: string[] = [];

before(async () => {
	harness = await startHarness();
	harness.auth.onTokenIssued(({ accessToken }) => issuedAccessTokens.push(accessToken));
	otherHost = new ResourceServer(harness.auth, '127.0.0.2');
	await otherHost.start();
});
after(async () => {
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

describe('token endpoint faults', () => {
	test('token endpoint down while refreshing a token that still has time: the requests go out with it, one token call', async () => {
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
	});

	test('token endpoint down while refreshing an expired token: a clear error with what to do, nothing sent', async () => {
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
	});

	const REVOKED_MESSAGE =
		"Could not refresh the token of connection 'Revoked App': the provider no longer accepts its refresh token (invalid_grant)";

	test('refresh token revoked (invalid_grant): the error says to reconnect', async () => {
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

	test('rotating refresh tokens: 30 items at concurrency 10 refresh once; the next run refreshes with the rotated token', async () => {
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
			const rotated = (harness.store.stored(credential.id).oauthTokenData as Record<string, string>)
				.refresh_token;
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
	});
});

test('tokens that live shorter than the refresh margin are refreshed once per expiry, not once per item', async () => {
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
});

describe('resource server faults', () => {
	test('5xx flapping: GETs succeed within max attempts; one that never recovers fails clearly', async () => {
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
	});

	test('a response slower than the timeout: a clear timeout error, retried like a network error', async () => {
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
	});

	test('a connection reset is retried for GET; one that keeps resetting fails clearly', async () => {
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
	});

	test('429 storm: every first attempt is rate-limited with Retry-After 0 or 1; all succeed in bounded time', async () => {
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
	});

	test('malformed JSON: a clear "not JSON" error with the first bytes and no secret', async () => {
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
	});

	test('huge JSON: a 20 MB response and 20 MB over three pages are handled', async () => {
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

	test('a redirect to another host is refused and the other host never sees an Authorization header', async () => {
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
			extra: { allowedHttpRequestDomains: 'all' },
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
	});
});
