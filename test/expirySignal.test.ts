/**
 * The expiry signal (transport/retry.ts with tokenRefresh.ts): an answer that says the token
 * expired (a status code, a value in a 2xx body) is refreshed once and sent again; one that
 * persists is an error; an ambiguous status only counts once the stored token is no longer fresh.
 */
import assert from 'node:assert/strict';

import { assertEveryItemAccounted, faultSuite, get } from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';

const suite = faultSuite(__filename);
const { run, assertNoSecrets, rejectedCredential, fault } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
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

suite.faultTableTest();
