/**
 * Retry (transport/retry.ts): rate limits, gateway failures, slow and reset connections are sent
 * again within Max Attempts and Max Retry Wait; what cannot be retried fails clearly.
 */
import assert from 'node:assert/strict';

import { assertEveryItemAccounted, faultSuite, get } from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';
import { DEFAULT_RETRY_POLICY } from '../nodes/shared/transport/defaults';
import { nextRetryDelay, parseRetryAfter } from '../nodes/shared/transport/retry';

const suite = faultSuite(__filename);
const { run, assertNoSecrets, fault } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
});

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
});

describe('retries', () => {
	test('Retry-After is honoured, measured on the server', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script('/limited', [
			{ status: 429, headers: { 'retry-after': '1' }, body: { error: 'rate_limited' } },
			{ status: 200, body: { ok: true } },
		]);
		const result = await harness.run(credential, 'oAuth2HttpRequest', get('/limited'));
		assert.equal(result.error, undefined, result.error?.message);
		const [first, second] = harness.api.requests.filter((request) => request.path === '/limited');
		assert.ok(second.at - first.at >= 1000, `waited ${second.at - first.at} ms`);
	});

	test('503 and a reset connection are retried for GET; POST only when the server sent Retry-After or the user allows it', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script('/flaky', [
			{ status: 503 },
			{ status: 0, reset: true },
			{ status: 200, body: { ok: true } },
		]);
		const get3 = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/flaky', { options: { maxAttempts: 4 } }),
		);
		assert.equal(get3.error, undefined, get3.error?.message);
		assert.equal(harness.api.count('/flaky'), 3);

		harness.api.script('/create', [{ status: 503 }, { status: 201, body: { created: true } }]);
		const post = await harness.run(credential, 'oAuth2HttpRequest', {
			method: 'POST',
			url: '/create',
		});
		assert.match(String(post.error?.message), /503/);
		assert.equal(harness.api.count('/create'), 1, 'a POST is not repeated on its own');

		harness.api.script('/create2', [
			{ status: 503, headers: { 'retry-after': '0' } },
			{ status: 201, body: { created: true } },
		]);
		const asked = await harness.run(credential, 'oAuth2HttpRequest', {
			method: 'POST',
			url: '/create2',
		});
		assert.equal(asked.error, undefined, asked.error?.message);

		harness.api.script('/create3', [{ status: 502 }, { status: 201, body: { created: true } }]);
		const allowed = await harness.run(credential, 'oAuth2HttpRequest', {
			method: 'POST',
			url: '/create3',
			options: { retryNonIdempotent: true },
		});
		assert.equal(allowed.error, undefined, allowed.error?.message);
	});

	test('retries stop at max attempts with an error that says so', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script(
			'/down',
			Array.from({ length: 3 }, () => ({ status: 503 })),
		);
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/down', { options: { maxAttempts: 3 } }),
		);
		assert.match(String(result.error?.message), /503/);
		assert.equal(harness.api.count('/down'), 3);
	});
});

describe('inputs checked', () => {
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

describe('Retry-After and backoff', () => {
	test('seconds and HTTP dates', () => {
		const now = Date.parse('2026-11-24T12:00:00Z');
		assert.equal(parseRetryAfter('3', now), 3000);
		assert.equal(parseRetryAfter('Tue, 24 Nov 2026 12:00:05 GMT', now), 5000);
		assert.equal(parseRetryAfter('soon', now), undefined);
	});

	test('the server’s wait is a floor, capped to what the request may still wait; the total wait is bounded', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, maxTotalWaitMs: 10_000 };
		const delay = nextRetryDelay(
			policy,
			{ attempt: 1, method: 'GET', statusCode: 429, retryAfterMs: 4000, waitedMs: 0 },
			() => 0.5,
		);
		assert.ok(delay !== undefined && delay >= 4000);
		// Longer than the whole budget: capped to it (a timer would overflow past 2^31 ms).
		assert.equal(
			nextRetryDelay(policy, {
				attempt: 1,
				method: 'GET',
				statusCode: 429,
				retryAfterMs: 20_000,
				waitedMs: 0,
			}),
			10_000,
		);
		assert.equal(
			nextRetryDelay(DEFAULT_RETRY_POLICY, {
				attempt: 1,
				method: 'GET',
				statusCode: 429,
				retryAfterMs: parseRetryAfter('99999999999'),
				waitedMs: 0,
			}),
			DEFAULT_RETRY_POLICY.maxDelayMs,
		);
		assert.equal(
			nextRetryDelay(policy, {
				attempt: 2,
				method: 'GET',
				statusCode: 429,
				retryAfterMs: 20_000,
				waitedMs: 10_000,
			}),
			undefined,
			'nothing left of the budget',
		);
		assert.equal(
			nextRetryDelay(policy, { attempt: 1, method: 'GET', statusCode: 404, waitedMs: 0 }),
			undefined,
		);
		assert.equal(
			nextRetryDelay(policy, { attempt: 4, method: 'GET', statusCode: 503, waitedMs: 0 }),
			undefined,
		);
	});

	test('exponential backoff with full jitter', () => {
		const delays = [1, 2, 3].map((attempt) =>
			nextRetryDelay(
				DEFAULT_RETRY_POLICY,
				{ attempt, method: 'GET', statusCode: 503, waitedMs: 0 },
				() => 0.999,
			),
		);
		assert.deepEqual(delays, [500, 999, 1998]);
	});
});

suite.faultTableTest();
