/**
 * Is the destination allowed (transport/allowed.ts): a host outside the allowed domains never gets
 * the request, and every send (a retry, a redirect hop, a next page) is checked against the
 * connection as it is now.
 */
import assert from 'node:assert/strict';

import { sleep } from 'n8n-workflow';

import {
	assertEveryItemAccounted,
	faultSuite,
	get,
	type CapturedRun,
	type Credential,
} from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';
import type { ResourceServer } from './harness/resourceServer';

const suite = faultSuite(__filename);
const { run, assertNoSecrets, fault } = suite;
let harness: Harness;
let otherHost: ResourceServer;
beforeAll(() => {
	({ harness, otherHost } = suite);
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

suite.faultTableTest();
