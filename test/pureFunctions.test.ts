/** The small pure pieces of the request path: paths, Retry-After, Link headers, backoff. */
import assert from 'node:assert/strict';

import { listPaths, lookupPath, parsePath, readPath } from '../nodes/shared/jsonPath';
import { nextLinkFromHeader } from '../nodes/shared/transport/pagination';
import { redact, redactTokenEndpointText } from '../nodes/shared/transport/errors';
import { DEFAULT_RETRY_POLICY } from '../nodes/shared/transport/defaults';
import { nextRetryDelay, parseRetryAfter } from '../nodes/shared/transport/retry';

describe('response paths', () => {
	const body = {
		data: { 'first-name': 'Ada', tags: ['x', 'y'] },
		items: [{ id: 1 }, { id: 2, extra: true }],
	};

	test('read dot, index, quoted and wildcard forms', () => {
		assert.equal(readPath(body, 'data.tags[1]'), 'y');
		assert.equal(readPath(body, "data['first-name']"), 'Ada');
		assert.deepEqual(readPath(body, 'items[*].id'), [1, 2]);
		assert.deepEqual(readPath(body, 'items.*.extra'), [true]);
		assert.equal(readPath(body, 'items[5].id'), undefined);
	});

	test('report where a lookup stopped', () => {
		assert.deepEqual(lookupPath(body, parsePath('data.missing.deeper')), {
			found: false,
			deepestPath: 'data',
			availableThere: ['first-name', 'tags'],
		});
		assert.deepEqual(lookupPath(body, parsePath('items[9]')), {
			found: false,
			deepestPath: 'items',
			availableThere: ['[0]..[1]'],
		});
	});

	test('reject malformed paths with the position', () => {
		assert.throws(() => parsePath(''), /empty/);
		assert.throws(() => parsePath('a[1'), /character 2: '\[' is never closed/);
		assert.throws(() => parsePath('a[x]'), /use \[0\], \[\*\] or \["name"\]/);
		assert.throws(() => parsePath('a b'), /unexpected ' '/);
	});

	test('list every path of a sample, quoting names that need it', () => {
		const paths = listPaths(body);
		for (const expected of [
			'data',
			'data["first-name"]',
			'data.tags[0]',
			'items[0].id',
			'items[*].id',
		])
			assert.ok(paths.includes(expected), expected);
		for (const path of paths) assert.doesNotThrow(() => parsePath(path), path);
	});
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

test('Link headers: rel="next" among others', () => {
	assert.equal(
		nextLinkFromHeader('<https://a/x?page=3>; rel="last", <https://a/x?page=2>; rel="next"'),
		'https://a/x?page=2',
	);
	assert.equal(nextLinkFromHeader('<https://a/x?page=2>; rel="prev next"'), 'https://a/x?page=2');
	assert.equal(nextLinkFromHeader('<https://a/x?page=1>; rel="prev"'), undefined);
	assert.equal(nextLinkFromHeader(undefined), undefined);
	assert.equal(nextLinkFromHeader('<https://a/x?page=2>;rel=next'), 'https://a/x?page=2');
});

test('Link headers: a hostile header is read in linear time', () => {
	// Quadratic parsing takes minutes on these; linear parsing takes milliseconds.
	for (const hostile of ['<'.repeat(200_000), `<a>${' '.repeat(200_000)}x`, '<>;'.repeat(70_000)]) {
		const started = performance.now();
		assert.equal(nextLinkFromHeader(hostile), undefined);
		assert.ok(performance.now() - started < 2_000, `${hostile.slice(0, 8)}… took too long`);
	}
});

test('token-endpoint text: the quoted response is left out and token fields are masked in every shape', () => {
	const quoted =
		'Expected JSON response from OAuth2 token endpoint (content-type: text/html) but received: access_token=abc&refresh_token=def';
	assert.equal(
		redactTokenEndpointText(quoted, []),
		'Expected JSON response from OAuth2 token endpoint (content-type: text/html) (its content is not shown)',
	);
	assert.equal(
		redactTokenEndpointText('{"access_token":"a\\/b","code":"xyz","id_token":"i"}', []),
		'{"access_token":"[redacted]","code":"[redacted]","id_token":"[redacted]"}',
	);
	assert.equal(
		redact('{"body":"{\\"refresh_token\\":\\"r1\\"}"}', []),
		'{"body":"{\\"refresh_token\\":\\"[redacted]\\"}"}',
	);
	assert.equal(redact('code=602&access_token=tok', []), 'code=602&access_token=[redacted]');
});
