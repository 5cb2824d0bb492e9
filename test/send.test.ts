/**
 * Send (transport/send.ts): redirects followed hop by hop, each hop checked against the allowed
 * domains, the token only to the first request's origin.
 */
import assert from 'node:assert/strict';

import { assertEveryItemAccounted, faultSuite, get } from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';
import { ResourceServer } from './harness/resourceServer';

const suite = faultSuite(__filename);
const { run, assertNoSecrets, fault } = suite;
let harness: Harness;
let otherHost: ResourceServer;
beforeAll(() => {
	({ harness, otherHost } = suite);
});

describe('resource server faults', () => {
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

suite.faultTableTest();
