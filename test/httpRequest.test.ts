/** OAuth2 HTTP Request through n8n-core's real engine, against real servers on loopback. */
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import type { INodeTypeDescription } from 'n8n-workflow';

import { nodeTypes } from './harness/engine';
import { CLIENT_SECRET, itemsOf, startHarness, type Harness } from './harness/fixtures';
import { ResourceServer } from './harness/resourceServer';

let harness: Harness;
let otherHost: ResourceServer;
beforeAll(async () => {
	harness = await startHarness();
	otherHost = new ResourceServer(harness.auth, '127.0.0.2');
	await otherHost.start();
});
afterAll(async () => {
	await otherHost.stop();
	await harness.stop();
});

const get = (url: string, extra: Record<string, unknown> = {}) => ({
	method: 'GET',
	url,
	...extra,
});

describe('requests', () => {
	test('relative and absolute URLs, query and headers as fields or JSON', async () => {
		const credential = await harness.connectedCredential();
		const relative = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('echo', {
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'q', value: 'a b' }] },
				sendHeaders: true,
				specifyHeaders: 'json',
				jsonHeaders: '{"X-Trace": "42"}',
			}),
		);
		assert.equal(relative.error, undefined, relative.error?.message);
		assert.deepEqual(relative.items[0].json.query, { q: 'a b' });
		assert.equal((relative.items[0].json.headers as Record<string, string>)['x-trace'], '42');
		assert.equal(relative.items[0].json.hadAuthorization, true);

		const absolute = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get(`${harness.api.url}/echo`, {
				sendQuery: true,
				specifyQuery: 'json',
				jsonQuery: '{"page": 2}',
			}),
		);
		assert.deepEqual(absolute.items[0].json.query, { page: '2' });
	});

	test('bodies: JSON, form, raw, binary and multipart with a file from the input item', async () => {
		const credential = await harness.connectedCredential();
		const post = (extra: Record<string, unknown>, items?: Parameters<Harness['run']>[3]) =>
			harness.run(
				credential,
				'oAuth2HttpRequest',
				{ method: 'POST', url: '/echo', sendBody: true, ...extra },
				items,
			);

		const json = await post(
			{
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ name: $json.name }) }}',
			},
			[{ json: { name: 'Ada' } }],
		);
		assert.equal(json.error, undefined, json.error?.message);
		assert.deepEqual(JSON.parse(String(json.items[0].json.body)), { name: 'Ada' });

		const form = await post({
			contentType: 'form-urlencoded',
			bodyParameters: {
				parameters: [
					{ name: 'a', value: '1 2' },
					{ name: 'b', value: 'x&y' },
				],
			},
		});
		assert.equal(form.items[0].json.body, 'a=1+2&b=x%26y');
		assert.match(
			String((form.items[0].json.headers as Record<string, string>)['content-type']),
			/x-www-form-urlencoded/,
		);

		const raw = await post({ contentType: 'raw', rawContentType: 'text/csv', rawBody: 'a,b\n1,2' });
		assert.equal(raw.items[0].json.body, 'a,b\n1,2');
		assert.match(
			String((raw.items[0].json.headers as Record<string, string>)['content-type']),
			/text\/csv/,
		);

		const file = {
			data: {
				base64: Buffer.from('file contents').toString('base64'),
				mimeType: 'text/plain',
				fileName: 'note.txt',
			},
		};
		const binary = await post({ contentType: 'binaryData', binaryProperty: 'data' }, [
			{ json: {}, binary: file },
		]);
		assert.equal(binary.error, undefined, binary.error?.message);
		assert.equal(binary.items[0].json.body, 'file contents');

		const multipart = await post(
			{
				contentType: 'multipart-form-data',
				multipartFields: {
					fields: [
						{ kind: 'text', name: 'title', value: 'Hello' },
						{ kind: 'file', name: 'upload', binaryProperty: 'data' },
					],
				},
			},
			[{ json: {}, binary: file }],
		);
		assert.equal(multipart.error, undefined, multipart.error?.message);
		const body = String(multipart.items[0].json.body);
		assert.match(body, /name="title"\r\n\r\nHello/);
		assert.match(
			body,
			/name="upload"; filename="note.txt"\r\nContent-Type: text\/plain\r\n\r\nfile contents/,
		);
	});

	test('responses: text, file, full response, and never error', async () => {
		const credential = await harness.connectedCredential();
		const text = await harness.run(credential, 'oAuth2HttpRequest', get('/text'));
		assert.equal(text.items[0].json.data, 'plain text body');

		const file = await harness.run(credential, 'oAuth2HttpRequest', get('/binary'));
		assert.equal(file.items[0].binary?.data.mimeType, 'image/png');

		const full = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/contacts/3', { options: { fullResponse: true } }),
		);
		assert.equal(full.items[0].json.statusCode, 200);
		assert.match(
			String((full.items[0].json.headers as Record<string, string>)['content-type']),
			/json/,
		);

		const neverError = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/status/404', { options: { neverError: true, fullResponse: true } }),
		);
		assert.equal(neverError.error, undefined);
		assert.equal(neverError.items[0].json.statusCode, 404);
	});

	test('a 4xx fails with the status, the provider’s words and a fix, never a secret', async () => {
		const credential = await harness.connectedCredential();
		const result = await harness.run(credential, 'oAuth2HttpRequest', get('/status/403'));
		assert.ok(result.error);
		assert.match(result.error.message, /403/);
		assert.match(result.error.message, /some_error: The API said no/);
		assert.match(String(result.error.description), /scopes/);
		const everything = JSON.stringify(result.run);
		for (const secret of [credential.accessToken, credential.refreshToken, CLIENT_SECRET])
			assert.ok(!everything.includes(secret));
	});

	test('a GET with a body is refused before sending', async () => {
		const credential = await harness.connectedCredential();
		const before = harness.api.requests.length;
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/echo', { sendBody: true, contentType: 'raw', rawBody: 'x' }),
		);
		assert.match(String(result.error?.message), /GET request cannot have a body/);
		assert.equal(harness.api.requests.length, before);
	});
});

describe('authorization', () => {
	test('a connection that was never authorized is refused per item, with what to click, and nothing is sent', async () => {
		const credential = harness.credential({ grantType: 'authorizationCode' }, 'Never Connected');
		const before = harness.api.requests.length;
		const failed = await harness.run(credential, 'oAuth2HttpRequest', get('/contacts/1'));
		assert.equal(
			failed.error?.message,
			"Connection 'Never Connected' is not authorized yet: open it and click Connect",
		);
		assert.match(String(failed.error?.description), /click Connect/);

		const continued = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/contacts/1'),
			itemsOf(3),
			true,
		);
		assert.equal(continued.items.length, 3);
		continued.items.forEach((item, index) => {
			assert.match(String(item.json.error), /not authorized yet/);
			assert.deepEqual(item.pairedItem, { item: index });
		});
		assert.equal(harness.api.requests.length, before, 'the resource server saw no request');
	});

	test('a PKCE connection without a token is refused the same way', async () => {
		const credential = harness.credential({ grantType: 'pkce', appClientSecret: '' }, 'PKCE App');
		const result = await harness.run(credential, 'oAuth2HttpRequest', get('/contacts/1'));
		assert.match(String(result.error?.message), /'PKCE App' is not authorized yet/);
	});

	test('the panel reports an unconnected connection at design time', async () => {
		const unconnected = harness.credential({ grantType: 'authorizationCode' }, 'Design Time');
		await assert.rejects(
			harness.connectionStatus(unconnected),
			/'Design Time' is not authorized yet: open it and click Connect/,
		);
		const connected = await harness.connectedCredential({ name: 'Ready' });
		assert.match(
			await harness.connectionStatus(connected),
			/'Ready' is authorized, token valid until \S+; may call 127\.0\.0\.1/,
		);
	});

	test('the panel shows a neutral line, not an error, before a connection is assigned', async () => {
		// The editor asks for the status when the node panel opens, before it assigns a credential.
		const tokenCallsBefore = harness.auth.tokenRequests.length;
		for (const nodeType of ['oAuth2HttpRequest', 'fetchVariables', 'oAuth2Connection'] as const) {
			assert.match(
				await harness.connectionStatus(undefined, nodeType),
				/^Choose a connection above to see its status here$/,
			);
		}
		assert.equal(harness.auth.tokenRequests.length, tokenCallsBefore);
	});

	test('the Connection Status field says what it is: a status, not a list to pick from', () => {
		for (const type of ['oAuth2HttpRequest', 'fetchVariables', 'oAuth2Connection']) {
			const { properties } = nodeTypes.getByName(type).description as INodeTypeDescription;
			const field = properties.find((property) => property.name === 'connectionStatus');
			assert.equal(field?.displayName, 'Connection Status', type);
			assert.doesNotMatch(String(field?.description), /Choose from the list|specify an ID/, type);
			assert.match(String(field?.description), /status of the connection chosen above/, type);
		}
	});

	test('the nodes call the credential by the name the credential picker lists', () => {
		// One name for the credential everywhere; searching the picker for it (or "OAuth2") finds it.
		const credentialName = 'Any Service OAuth2 API';
		for (const type of ['oAuth2HttpRequest', 'fetchVariables', 'oAuth2Connection']) {
			const description = nodeTypes.getByName(type).description as INodeTypeDescription;
			assert.ok(description.description.includes(credentialName), type);
			const field = description.properties.find((property) => property.name === 'connectionStatus');
			assert.ok(String(field?.description).includes(credentialName), type);
			assert.doesNotMatch(JSON.stringify(description), /an OAuth2 Connection\b/, type);
		}
	});

	test('the status fits the select box; the whole line is its description', async () => {
		const connected = await harness.connectedCredential({ name: 'A connection with a long name' });
		const [summary, full] = (await harness.connectionStatus(connected)).split('\n');
		assert.ok(summary.length <= 48, `the box shows about 48 characters: '${summary}'`);
		assert.match(summary, /^Authorized, token valid until (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC$/);
		assert.match(
			full,
			/'A connection with a long name' is authorized, token valid until \S+; may call 127\.0\.0\.1/,
		);
	});

	test('the panel reports a preset field that is not what it should be, before anything is sent', async () => {
		const broken = await harness.connectedCredential({
			name: 'Bad Shop',
			extra: { provider: 'shopify', shopifyShop: 'shop.evil.example' },
		});
		await assert.rejects(
			harness.connectionStatus(broken, 'fetchVariables'),
			/^NodeOperationError: Shopify Shop of connection 'Bad Shop' is not valid: 'shop\.evil\.example' is not a single name/,
		);
	});
});

describe('token confinement', () => {
	test('a host outside the allowed domains never receives the request', async () => {
		const credential = await harness.connectedCredential();
		const seenBefore = otherHost.requests.length;
		const result = await harness.run(credential, 'oAuth2HttpRequest', get(`${otherHost.url}/echo`));
		assert.match(String(result.error?.message), /127\.0\.0\.2:\d+ is not in the allowed domains/);
		assert.equal(otherHost.requests.length, seenBefore);
	});

	test('a redirect to another host does not carry the token there', async () => {
		const credential = await harness.connectedCredential();
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get(`/redirect?to=${encodeURIComponent(`${otherHost.url}/echo`)}`),
		);
		assert.ok(result.error, 'the redirect is refused');
		assert.equal(otherHost.requests.filter((request) => request.headers.authorization).length, 0);
	});

	test('"All" lets the token go anywhere the user points it', async () => {
		const credential = await harness.connectedCredential({
			extra: { allowedDomainsMode: 'all' },
		});
		otherHost.acceptToken(credential.accessToken);
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get(`${otherHost.url}/contacts/9`),
		);
		assert.equal(result.error, undefined, result.error?.message);
	});
});

describe('refresh', () => {
	test('100 items in flight with a token about to expire: one token call, no 401', async () => {
		const credential = await harness.connectedCredential({ expiresInMs: 30_000 });
		const tokenCalls = harness.auth.tokenRequests.length;
		const refused = harness.api.requests.filter((request) => !request.authorized).length;
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('={{ "/contacts/" + $json.index }}', { options: { concurrency: 100 } }),
			itemsOf(100),
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 100);
		assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1);
		assert.equal(harness.auth.tokenRequests.at(-1)?.grantType, 'refresh_token');
		assert.equal(harness.api.requests.filter((request) => !request.authorized).length - refused, 0);
		const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, string>;
		assert.notEqual(stored.access_token, credential.accessToken, 'the new token is stored');
		assert.ok(Number(stored.n8n_expires_at) > Date.now() + 3_000_000);
	});

	test('a token the API rejects (401) is refreshed once by the host and the requests succeed', async () => {
		const credential = await harness.connectedCredential();
		harness.api.acceptToken(credential.accessToken, 0);
		const tokenCalls = harness.auth.tokenRequests.length;
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/contacts/1', { options: { concurrency: 20 } }),
			itemsOf(20),
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 20);
		assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1);
	});

	test('an expiry signal in a 200 body (Marketo 602) refreshes and sends again', async () => {
		const credential = await harness.connectedCredential({
			extra: { expiryResponsePath: 'errors[0].code', expiryResponseValues: '601, 602' },
		});
		harness.api.acceptToken(credential.accessToken, 0);
		harness.api.expiredTokenStyle = 'marketo602';
		try {
			const tokenCalls = harness.auth.tokenRequests.length;
			const result = await harness.run(credential, 'oAuth2HttpRequest', get('/contacts/5'));
			assert.equal(result.error, undefined, result.error?.message);
			assert.equal((result.items[0].json.data as Record<string, string>).last_name, 'Lovelace-5');
			assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1);
		} finally {
			harness.api.expiredTokenStyle = 'status401';
		}
	});
});

describe('expiry signals that are ambiguous', () => {
	test('a 403 configured as an expiry signal does not refresh while the stored token is fresh', async () => {
		const credential = await harness.connectedCredential({
			extra: { expiryStatusCodes: '401, 403' },
		});
		const tokenCalls = harness.auth.tokenRequests.length;
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/status/403', { options: { neverError: true } }),
			itemsOf(10),
		);
		assert.equal(result.items.length, 10);
		assert.equal(harness.auth.tokenRequests.length - tokenCalls, 0);
	});
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

describe('items', () => {
	test('concurrency is bounded and every output pairs with its input', async () => {
		const credential = await harness.connectedCredential();
		harness.api.maxInFlight = 0;
		harness.api.script(
			'/slow',
			Array.from({ length: 30 }, () => ({ status: 200, body: { ok: true }, delayMs: 30 })),
		);
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/slow', { options: { concurrency: 4 } }),
			itemsOf(30),
		);
		assert.equal(result.items.length, 30);
		assert.ok(harness.api.maxInFlight <= 4, `max in flight ${harness.api.maxInFlight}`);
		assert.ok(harness.api.maxInFlight >= 2, 'items do run in parallel');
		result.items.forEach((item, index) => assert.deepEqual(item.pairedItem, { item: index }));
	});

	/**
	 * Gaps between the requests the API saw during `run`, and the least gap that still counts as
	 * paced. A gap is one interval plus the difference between two requests' trips from the pacer
	 * to the API (expressions, signing, a new connection), which on a busy 2-core machine differs by
	 * tens of milliseconds: half an interval is allowed for that. The API runs in this process, so a
	 * request also reaches it late by as long as the event loop was late meanwhile: that measured
	 * lateness is allowed on top. A burst, as a pacer without spacing sends, has gaps of 0-2 ms.
	 * `loopDelay`: a histogram the caller enables itself, to measure only part of the run.
	 */
	async function pacedArrivals(
		run: () => Promise<unknown>,
		loopDelay?: ReturnType<typeof monitorEventLoopDelay>,
	): Promise<{ gaps: number[]; leastPacedGap: number; report: string }> {
		const start = harness.api.requests.length;
		const lateness = loopDelay ?? monitorEventLoopDelay({ resolution: 1 });
		if (!loopDelay) lateness.enable();
		await run().finally(() => lateness.disable());
		const times = harness.api.requests.slice(start).map((request) => request.at);
		const gaps = times.slice(1).map((at, index) => at - times[index]);
		const latenessMs = lateness.count ? lateness.max / 1e6 : 0;
		const leastPacedGap = PACE_MS / 2 - latenessMs;
		return {
			gaps,
			leastPacedGap,
			report: `gaps ${gaps.join(' ')} ms, event loop up to ${latenessMs.toFixed(0)} ms late`,
		};
	}

	const PACE_MS = 200;
	const pacedGet = get('/contacts/1', {
		options: { concurrency: 6, maxRequestsPerSecond: 1000 / PACE_MS },
	});

	test('max requests per second spaces requests across items', async () => {
		const credential = await harness.connectedCredential();
		// A first run warms the host's HTTP client (in a running n8n it is warm): the pace is measured after.
		await harness.run(credential, 'oAuth2HttpRequest', pacedGet, itemsOf(1));
		const { gaps, leastPacedGap, report } = await pacedArrivals(() =>
			harness.run(credential, 'oAuth2HttpRequest', pacedGet, itemsOf(6)),
		);
		assert.equal(gaps.length, 5);
		assert.ok(Math.min(...gaps) >= leastPacedGap, report);
		const span = gaps.reduce((sum, gap) => sum + gap, 0);
		assert.ok(span >= 4 * PACE_MS + leastPacedGap, `spread over ${span} ms: ${report}`);
	});

	test('max requests per second holds after the process stalls: the requests that fell due meanwhile go out one by one', async () => {
		const credential = await harness.connectedCredential();
		await harness.run(credential, 'oAuth2HttpRequest', pacedGet, itemsOf(1));
		// A busy n8n worker (a long expression in another execution, garbage collection) blocks the
		// event loop while the run waits for its turns: here right after the API saw the second
		// request. Only the loop's lateness after that stall counts as slack.
		const afterStall = monitorEventLoopDelay({ resolution: 1 });
		const seenBefore = harness.api.requests.length;
		const stallAfterSecondRequest = setInterval(() => {
			if (harness.api.requests.length < seenBefore + 2) return;
			clearInterval(stallAfterSecondRequest);
			const until = Date.now() + 500;
			while (Date.now() < until);
			setImmediate(() => afterStall.enable());
		}, 1);
		try {
			const { gaps, leastPacedGap, report } = await pacedArrivals(
				() => harness.run(credential, 'oAuth2HttpRequest', pacedGet, itemsOf(6)),
				afterStall,
			);
			assert.equal(gaps.length, 5);
			assert.ok(gaps[1] >= 350, `the stall came after the second request: ${report}`);
			for (const gap of gaps.slice(2))
				assert.ok(gap >= leastPacedGap, `no burst after the stall: ${report}`);
		} finally {
			clearInterval(stallAfterSecondRequest);
		}
	});

	test('continueOnFail keeps going: failed items become {error} items paired with them', async () => {
		const credential = await harness.connectedCredential();
		const result = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('={{ $json.index === 1 ? "/status/404" : "/contacts/" + $json.index }}'),
			itemsOf(3),
			true,
		);
		assert.equal(result.items.length, 3);
		assert.match(String(result.items[1].json.error), /404/);
		assert.equal(result.items[1].error?.context.itemIndex, 1);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
	});
});
