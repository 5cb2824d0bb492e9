/**
 * What comes back (transport/response.ts, exchange.ts): bodies that are not JSON, large bodies
 * within the limits, and a response cut off at Max Response Size.
 */
import assert from 'node:assert/strict';

import { assertEveryItemAccounted, faultSuite, get } from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';

const suite = faultSuite(__filename);
const { run, assertNoSecrets, fault } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
});

describe('resource server faults', () => {
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
});

describe('limits on what comes back', () => {
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

suite.faultTableTest();
