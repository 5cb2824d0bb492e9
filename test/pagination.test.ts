/**
 * Next page (transport/pagination.ts): every style follows an API to its end, each page through the
 * whole request path; pagination that would never end, or bring too much, stops clearly.
 */
import assert from 'node:assert/strict';

import { assertEveryItemAccounted, faultSuite, get } from './harness/faultKit';
import type { Harness } from './harness/fixtures';
import type { ResourceServer } from './harness/resourceServer';
import { nextLinkFromHeader } from '../nodes/shared/transport/pagination';

const suite = faultSuite(__filename);
const { run, fault } = suite;
let harness: Harness;
let otherHost: ResourceServer;
beforeAll(() => {
	({ harness, otherHost } = suite);
});

describe('pagination', () => {
	const total = 47;
	const cases: Array<[string, Record<string, unknown>]> = [
		[
			'cursor',
			{
				url: `/items/cursor?total=${total}&size=10`,
				pagination: 'cursor',
				recordsPath: 'data',
				cursorPath: 'meta.next_cursor',
				cursorParameter: 'cursor',
			},
		],
		[
			'offset',
			{
				url: `/items/offset?total=${total}`,
				pagination: 'offset',
				recordsPath: 'items',
				pageSize: 10,
			},
		],
		[
			'page',
			{ url: `/items/page?total=${total}&size=10`, pagination: 'page', recordsPath: 'results' },
		],
		[
			'next URL',
			{
				url: `/items/next?total=${total}&size=10`,
				pagination: 'nextUrl',
				recordsPath: 'value',
				nextUrlPath: 'links.next',
			},
		],
		['Link header', { url: `/items/link?total=${total}&size=10`, pagination: 'linkHeader' }],
	];
	for (const [name, parameters] of cases) {
		test(`${name}: every record exactly once`, async () => {
			const credential = await harness.connectedCredential();
			const result = await harness.run(credential, 'oAuth2HttpRequest', {
				method: 'GET',
				...parameters,
			});
			assert.equal(result.error, undefined, result.error?.message);
			const ids = result.items.map((item) => item.json.id);
			assert.deepEqual(
				ids,
				Array.from({ length: total }, (_, index) => index + 1),
			);
			result.items.forEach((item) => assert.deepEqual(item.pairedItem, { item: 0 }));
		});
	}

	test('max pages stops early; one item per page on request', async () => {
		const credential = await harness.connectedCredential();
		const result = await harness.run(credential, 'oAuth2HttpRequest', {
			method: 'GET',
			url: '/items/page?total=100&size=10',
			pagination: 'page',
			recordsPath: 'results',
			maxPages: 3,
			paginationOutput: 'pages',
		});
		assert.equal(result.items.length, 3);
		assert.equal((result.items[2].json.results as unknown[]).length, 10);
	});

	test('a next URL on another host is refused like any request', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script('/items/evil', [
			{ status: 200, body: { value: [{ id: 1 }], next: `${otherHost.url}/items/next` } },
		]);
		const seenBefore = otherHost.requests.length;
		const result = await harness.run(credential, 'oAuth2HttpRequest', {
			method: 'GET',
			url: '/items/evil',
			pagination: 'nextUrl',
			recordsPath: 'value',
			nextUrlPath: 'next',
		});
		assert.match(String(result.error?.message), /not in the allowed domains/);
		assert.equal(otherHost.requests.length, seenBefore);
	});
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
});

describe('Link headers', () => {
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
		for (const hostile of [
			'<'.repeat(200_000),
			`<a>${' '.repeat(200_000)}x`,
			'<>;'.repeat(70_000),
		]) {
			const started = performance.now();
			assert.equal(nextLinkFromHeader(hostile), undefined);
			assert.ok(performance.now() - started < 2_000, `${hostile.slice(0, 8)}… took too long`);
		}
	});
});

suite.faultTableTest();
