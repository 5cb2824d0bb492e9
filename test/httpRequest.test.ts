/** OAuth2 HTTP Request through n8n-core's real engine, against real servers on loopback. */
import assert from 'node:assert/strict';

import { CLIENT_SECRET, startHarness, type Harness } from './harness/fixtures';
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
