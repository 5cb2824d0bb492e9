/**
 * Is the token fresh (transport/tokenRefresh.ts): refreshing ahead of expiry and for a
 * client-credentials connection without a token, through the host; refresh failures that say what
 * to do; one refresh at a time per connection and account, and a pause after a failure.
 */
import assert from 'node:assert/strict';

import { PAUSE_AFTER_FAILURE_MS } from '../nodes/shared/transport/tokenRefresh';
import { advanceClock } from './harness/clock';
import { assertEveryItemAccounted, faultSuite, get, type Credential } from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';

const suite = faultSuite(__filename);
const { run, assertNoSecrets, connectedWithTokenUrl, rejectedCredential, fault } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
});

describe('token endpoint faults', () => {
	fault(
		'token endpoint down while refreshing a token that still has time',
		'the requests go out with it, one token call',
		async () => {
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
		},
	);

	fault(
		'token endpoint down while refreshing an expired token',
		'a clear error with what to do, nothing sent; runs in the next 30 s fail fast; then it is asked again',
		async () => {
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
		},
	);

	const REVOKED_MESSAGE =
		"Could not refresh the token of connection 'Revoked App': the provider no longer accepts its refresh token (invalid_grant)";

	fault('refresh token revoked (invalid_grant)', 'the error says to reconnect', async () => {
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

	fault(
		'rotating refresh tokens, 30 items at concurrency 10',
		'one refresh; the next run refreshes with the rotated token',
		async () => {
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
				const rotated = (
					harness.store.stored(credential.id).oauthTokenData as Record<string, string>
				).refresh_token;
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
		},
	);
});

describe('short-lived tokens', () => {
	fault(
		'tokens that live shorter than the refresh margin',
		'refreshed once per expiry, not once per item',
		async () => {
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
		},
	);
});

describe('client credentials', () => {
	fault(
		'client credentials without a token yet, 100 items at concurrency 10',
		'one token request; the next run reuses it; a rejected token costs one more',
		async () => {
			const credential = harness.credential({ grantType: 'clientCredentials', scopes: 'read' });
			const before = harness.auth.tokenRequests.length;
			const grants = () =>
				harness.auth.tokenRequests
					.slice(before)
					.filter((request) => request.grantType === 'client_credentials').length;
			const parameters = get('/contacts/1', { options: { concurrency: 10 } });

			const first = await harness.run(
				credential,
				'oAuth2HttpRequest',
				parameters,
				itemsOf(100),
				true,
			);
			assert.equal(first.items.filter((item) => item.json.error === undefined).length, 100);
			assert.equal(grants(), 1, 'one token for the whole run');
			const sentTokens = new Set(
				harness.api.requests.slice(-100).map((request) => request.headers.authorization),
			);
			assert.equal(sentTokens.size, 1, 'every item sent the same token');

			const second = await harness.run(
				credential,
				'oAuth2HttpRequest',
				parameters,
				itemsOf(20),
				true,
			);
			assert.equal(second.items.filter((item) => item.json.error === undefined).length, 20);
			assert.equal(grants(), 1, 'the next run reuses the stored token');

			const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, string>;
			harness.api.rejectToken(stored.access_token);
			const third = await harness.run(
				credential,
				'oAuth2HttpRequest',
				parameters,
				itemsOf(20),
				true,
			);
			assert.equal(third.items.filter((item) => item.json.error === undefined).length, 20);
			assert.equal(grants(), 2, 'one new token after the API rejected the old one');
		},
	);
});

describe('refresh failures say so', () => {
	const failsWith = async (
		credential: Credential | { id: string; name: string },
		expected: RegExp,
		fix: RegExp,
	) => {
		const result = await run(credential, get('/contacts/1'), itemsOf(3));
		const { failed } = assertEveryItemAccounted(result, 3);
		assert.equal(failed.length, 3);
		for (const item of failed) {
			assert.match(String(item.json.error), expected);
			assert.doesNotMatch(String(item.json.error), /failed on its side|Could not reach 127/);
			assert.match(String(item.error?.description), fix);
		}
		if ('accessToken' in credential) assertNoSecrets(result, credential);
		return result;
	};

	fault(
		'a 401, then the token endpoint answers 503',
		'"Could not refresh the token of connection …: <host> answered 503", with what to do',
		async () => {
			const credential = await rejectedCredential({ name: 'Down' });
			harness.auth.down = true;
			try {
				await failsWith(
					credential,
					/^Could not refresh the token of connection 'Down': localhost:\d+ answered 503$/,
					/Wait a minute .*Access Token URL.*Reconnect/,
				);
			} finally {
				harness.auth.down = false;
			}
		},
	);

	fault(
		'a 401, then the token endpoint is unreachable',
		'"Could not refresh the token …: could not reach <host> (ECONNREFUSED)"',
		async () => {
			const credential = await harness.connectedCredential({
				name: 'Unreachable',
				extra: { customTokenUrl: 'http://127.0.0.1:9/token' },
			});
			harness.api.rejectToken(credential.accessToken);
			await failsWith(
				credential,
				/^Could not refresh the token of connection 'Unreachable': could not reach 127\.0\.0\.1:9 \(ECONNREFUSED\)$/,
				/Wait a minute/,
			);
		},
	);

	fault(
		'a 401, then the token endpoint does not answer within the timeout',
		'"Could not refresh the token …: <host> did not answer within 1 s", without waiting longer',
		async () => {
			const credential = await connectedWithTokenUrl(`${harness.api.url}/oauth/slow-token`, {
				name: 'Slow',
			});
			harness.api.rejectToken(credential.accessToken);
			harness.api.script('/oauth/slow-token', [{ status: 503, delayMs: 3_000 }]);
			const started = Date.now();
			const result = await run(
				credential,
				get('/contacts/1', { options: { timeout: 500 } }),
				itemsOf(3),
			);
			for (const item of assertEveryItemAccounted(result, 3).failed) {
				assert.match(
					String(item.json.error),
					/^Could not refresh the token of connection 'Slow': 127\.0\.0\.1:\d+ did not answer within 1 s$/,
				);
			}
			assert.ok(Date.now() - started < 2_500, 'the items did not wait for the token endpoint');
		},
	);

	fault(
		'a 401 on a connection that holds no refresh token',
		'"… the provider sent no refresh token": Reconnect, and ask for offline access',
		async () => {
			const credential = await rejectedCredential({ name: 'No Refresh', withRefreshToken: false });
			const tokenCalls = harness.auth.tokenRequests.length;
			await failsWith(
				credential,
				/^Could not refresh the token of connection 'No Refresh': the token expired and the provider sent no refresh token$/,
				/click Reconnect.*offline_access/,
			);
			assert.equal(
				harness.auth.tokenRequests.length,
				tokenCalls,
				'nothing to send to the token endpoint',
			);
		},
	);

	fault(
		'a 401, then the refresh token is refused (invalid_grant)',
		'"… no longer accepts its refresh token (invalid_grant)": Reconnect',
		async () => {
			const credential = await rejectedCredential({ name: 'Revoked' });
			harness.auth.revoked = true;
			try {
				await failsWith(
					credential,
					/^Could not refresh the token of connection 'Revoked': the provider no longer accepts its refresh token \(invalid_grant\)$/,
					/click Reconnect/,
				);
			} finally {
				harness.auth.revoked = false;
			}
		},
	);

	fault(
		'client credentials, the token request fails',
		'"Could not get the token of connection …": check the URL, client ID, secret and scopes',
		async () => {
			const credential = harness.credential(
				{ grantType: 'clientCredentials', customTokenUrl: `${harness.api.url}/oauth/cc-down` },
				'Machine',
			);
			harness.api.script('/oauth/cc-down', [
				{ status: 503, body: { error: 'temporarily_unavailable' } },
			]);
			await failsWith(
				credential,
				/^Could not get the token of connection 'Machine': 127\.0\.0\.1:\d+ answered 503$/,
				/Client ID, Client Secret and Scopes/,
			);
		},
	);
});

describe('per-user credentials', () => {
	fault(
		'one user’s refresh fails, then another user runs with the same credential (n8n’s per-user credentials) within 30 s',
		'the other user’s token is refreshed, not held back by the first user’s pause',
		async () => {
			const credential = await harness.connectedCredential({ expiresInMs: 5_000, name: 'Shared' });
			const userA = harness.store.stored(credential.id).oauthTokenData as Record<string, unknown>;
			harness.auth.down = true;
			try {
				const first = await run(credential, get('/contacts/1'), itemsOf(2));
				assert.equal(assertEveryItemAccounted(first, 2).failed.length, 2);
			} finally {
				harness.auth.down = false;
			}
			// The same credential resolved for another user: that user's own tokens.
			const userB = await harness.connectedCredential({ expiresInMs: 5_000 });
			harness.store.setTokenData(
				credential.id,
				harness.store.stored(userB.id).oauthTokenData as Record<string, unknown>,
			);
			const tokenCalls = harness.auth.tokenRequests.length;
			const other = await run(credential, get('/contacts/1'), itemsOf(2));
			const { ok, failed } = assertEveryItemAccounted(other, 2);
			assert.equal(failed.length, 0, String(failed[0]?.json.error));
			assert.equal(ok.length, 2);
			assert.equal(
				harness.auth.tokenRequests.length - tokenCalls,
				1,
				'one refresh for the other user',
			);
			assert.equal(harness.auth.tokenRequests.at(-1)?.refreshToken, userB.refreshToken);

			// The first user is still paused.
			harness.store.setTokenData(credential.id, userA);
			const again = await run(credential, get('/contacts/1'), itemsOf(1));
			assert.match(
				String(again.items[0].json.error),
				/Could not refresh the token of connection 'Shared'/,
			);
			assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'none for the paused user');
		},
	);
});

describe('no refresh storms', () => {
	fault(
		'expired token, token endpoint down, 25 items',
		'one token call; runs within 30 s none; after the pause one',
		async () => {
			const credential = await harness.connectedCredential({ expiresInMs: 5_000, name: 'Storm' });
			const tokenCalls = harness.auth.tokenRequests.length;
			harness.auth.down = true;
			try {
				const first = await run(
					credential,
					get('/contacts/1', { options: { concurrency: 3 } }),
					itemsOf(25),
				);
				assert.equal(assertEveryItemAccounted(first, 25).failed.length, 25);
				assert.equal(
					harness.auth.tokenRequests.length - tokenCalls,
					1,
					'one token call for the run',
				);
				const second = await run(credential, get('/contacts/1'), itemsOf(5));
				assert.equal(assertEveryItemAccounted(second, 5).failed.length, 5);
				assert.match(
					String(second.items[0].json.error),
					/^Could not refresh the token of connection 'Storm'/,
				);
				assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'none within the pause');
				advanceClock(PAUSE_AFTER_FAILURE_MS + 1_000);
				await run(credential, get('/contacts/1'), itemsOf(5));
				assert.equal(harness.auth.tokenRequests.length - tokenCalls, 2, 'one after the pause');
			} finally {
				harness.auth.down = false;
			}
		},
	);

	for (const [label, expiresIn] of [
		['expires_in: 0', 0],
		['no expires_in', undefined],
	] as const) {
		fault(
			`a refresh answered with ${label}`,
			'no request refreshes again because of it',
			async () => {
				const credential = await harness.connectedCredential({ expiresInMs: 5_000 });
				const tokenCalls = harness.auth.tokenRequests.length;
				harness.auth.expiresIn = expiresIn;
				try {
					const result = await run(
						credential,
						get('/contacts/1', { options: { concurrency: 2 } }),
						itemsOf(20),
					);
					assert.equal(assertEveryItemAccounted(result, 20).ok.length, 20);
					const again = await run(credential, get('/contacts/1'), itemsOf(5));
					assert.equal(assertEveryItemAccounted(again, 5).ok.length, 5);
					assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'one refresh in all');
				} finally {
					harness.auth.expiresIn = 3600;
				}
			},
		);
	}
});

suite.faultTableTest();
