/**
 * The OAuth2 Connection node through n8n-core's real engine against the loopback servers: Check,
 * Refresh and Get Info, routed to Healthy or Needs Attention, with no token in any output.
 */
import assert from 'node:assert/strict';

import type { INodeExecutionData } from 'n8n-workflow';

import { nodeTypes, type NodeRun } from './harness/engine';
import { CLIENT_SECRET, startHarness, type Harness } from './harness/fixtures';

let harness: Harness;
beforeAll(async () => {
	harness = await startHarness();
});
afterAll(async () => {
	await harness.stop();
});

type Credential = Awaited<ReturnType<Harness['connectedCredential']>>;

const HEALTHY = 0;
const NEEDS_ATTENTION = 1;

/** A base64url JWT with these claims (the node reads an id token's claims, it does not verify them). */
function idToken(claims: Record<string, unknown>): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'none' })}.${part(claims)}.signature`;
}

function patchTokenData(credential: Credential, patch: Record<string, unknown>): void {
	const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, unknown>;
	harness.store.setTokenData(credential.id, { ...stored, ...patch });
}

async function check(
	credential: { id: string; name: string },
	parameters: Record<string, unknown> = {},
): Promise<NodeRun & { report: Record<string, unknown>; output: number }> {
	const result = await harness.run(credential, 'oAuth2Connection', {
		operation: 'check',
		checkUrl: '/me',
		...parameters,
	});
	assert.equal(result.error, undefined, result.error?.message);
	const outputs = [result.outputs[HEALTHY] ?? [], result.outputs[NEEDS_ATTENTION] ?? []];
	const output = outputs.findIndex((items: INodeExecutionData[]) => items.length === 1);
	assert.equal(outputs[0].length + outputs[1].length, 1, 'one report for one connection');
	return { ...result, output, report: outputs[output][0].json as Record<string, unknown> };
}

function assertNoSecrets(result: NodeRun, credential: Credential): void {
	const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, unknown>;
	const text = JSON.stringify(result.run);
	for (const secret of [
		CLIENT_SECRET,
		credential.accessToken,
		credential.refreshToken,
		stored.access_token,
		stored.refresh_token,
		stored.id_token,
	]) {
		if (typeof secret === 'string') assert.ok(!text.includes(secret), 'a secret is in the run');
	}
}

describe('Check', () => {
	test('a healthy connection: who it is, its scopes and expiry, on Healthy', async () => {
		const credential = await harness.connectedCredential({
			name: 'CRM',
			extra: { scopes: 'contacts.read contacts.write' },
		});
		patchTokenData(credential, { scope: 'contacts.read contacts.write' });
		const result = await check(credential);
		assert.equal(result.output, HEALTHY);
		assert.equal(result.report.status, 'healthy');
		assert.equal(result.report.connection, 'CRM');
		assert.equal(result.report.provider, 'Custom');
		assert.equal(result.report.account, 'ada@example.com');
		assert.deepEqual(result.report.grantedScopes, ['contacts.read', 'contacts.write']);
		assert.deepEqual(result.report.missingScopes, []);
		assert.equal(result.report.hasRefreshToken, true);
		assert.ok(Number(result.report.accessTokenSecondsLeft) > 3000);
		assert.equal(result.report.problem, undefined);
		assert.equal(harness.api.requests.at(-1)?.path, '/me');
		assertNoSecrets(result, credential);
	});

	test('a revoked grant: needsReconnect on Needs Attention, with what to click and no secret', async () => {
		const credential = await harness.connectedCredential({ name: 'Revoked' });
		harness.api.rejectToken(credential.accessToken);
		harness.auth.revoked = true;
		try {
			const result = await check(credential);
			assert.equal(result.output, NEEDS_ATTENTION);
			assert.equal(result.report.status, 'needsReconnect');
			assert.match(String(result.report.problem), /no longer accepts its refresh token/);
			assert.match(String(result.report.fix), /click Reconnect/);
			assertNoSecrets(result, credential);
		} finally {
			harness.auth.revoked = false;
		}
	});

	test('the token endpoint down while the token needs a refresh: refreshFailing', async () => {
		const credential = await harness.connectedCredential({ name: 'Flaky IdP' });
		harness.api.rejectToken(credential.accessToken);
		harness.auth.down = true;
		try {
			const result = await check(credential);
			assert.equal(result.output, NEEDS_ATTENTION);
			assert.equal(result.report.status, 'refreshFailing');
			assert.match(String(result.report.problem), /answered 503/);
			assertNoSecrets(result, credential);
		} finally {
			harness.auth.down = false;
		}
	});

	test('granted scopes narrower than asked: missingScopes', async () => {
		const credential = await harness.connectedCredential({
			extra: { scopes: 'openid contacts.read contacts.write' },
		});
		patchTokenData(credential, { scope: 'contacts.read' });
		const result = await check(credential);
		assert.deepEqual(result.report.missingScopes, ['contacts.write']);
	});

	test('a refresh token close to its refresh_token_expires_in is warned about', async () => {
		const credential = await harness.connectedCredential({ name: 'Expiring' });
		patchTokenData(credential, { refresh_token_expires_in: 3 * 86_400 });
		const result = await check(credential);
		assert.equal(result.output, NEEDS_ATTENTION);
		assert.equal(result.report.status, 'needsReconnect');
		assert.match(
			String(result.report.problem),
			/refresh token of connection 'Expiring' expires .* \(in [23] days\)/,
		);
		assert.ok(result.report.refreshTokenExpiresAt);

		const relaxed = await check(credential, { options: { warnRefreshTokenDays: 1 } });
		assert.equal(relaxed.output, HEALTHY);
	});

	test('never connected, and a check endpoint that fails: routed with the reason', async () => {
		const unconnected = harness.credential({ grantType: 'authorizationCode' }, 'New');
		const never = await check(unconnected);
		assert.equal(never.report.status, 'needsReconnect');
		assert.match(String(never.report.fix), /click Connect/);

		const credential = await harness.connectedCredential();
		const down = await check(credential, { checkUrl: '/status/503' });
		assert.equal(down.report.status, 'unreachable');
		const wrong = await check(credential, { checkUrl: '/status/404' });
		assert.equal(wrong.report.status, 'misconfigured');
		assert.match(String(wrong.report.fix), /Set Check URL/);
	});

	test('the account comes from the id token when there is no check endpoint', async () => {
		const credential = await harness.connectedCredential();
		patchTokenData(credential, { id_token: idToken({ sub: 'u1', email: 'grace@example.com' }) });
		const before = harness.api.requests.length;
		const result = await check(credential, { checkUrl: '' });
		assert.equal(result.report.account, 'grace@example.com');
		assert.equal(result.report.status, 'healthy');
		assert.equal(harness.api.requests.length, before, 'Custom without a check URL: nothing sent');
		assertNoSecrets(result, credential);
	});
});

describe('Refresh and Get Info', () => {
	test('Refresh rotates the token through the host and stores it: one refresh at the auth server', async () => {
		const credential = await harness.connectedCredential({ name: 'Idle' });
		harness.auth.rotateRefreshTokens = true;
		try {
			const tokenCalls = harness.auth.tokenRequests.length;
			const result = await harness.run(credential, 'oAuth2Connection', {
				operation: 'refresh',
				checkUrl: '/me',
			});
			const refreshes = harness.auth.tokenRequests.slice(tokenCalls);
			assert.equal(refreshes.length, 1);
			assert.equal(refreshes[0].grantType, 'refresh_token');
			const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, string>;
			assert.notEqual(stored.access_token, credential.accessToken, 'a new access token is stored');
			assert.notEqual(
				stored.refresh_token,
				credential.refreshToken,
				'the rotated refresh token too',
			);
			assert.equal(result.outputs[HEALTHY]?.[0]?.json.status, 'healthy');
			assertNoSecrets(result, credential);
		} finally {
			harness.auth.rotateRefreshTokens = false;
		}
	});

	test('Refresh of a client-credentials connection fetches a new token', async () => {
		const credential = harness.credential({ grantType: 'clientCredentials' }, 'Machine');
		const tokenCalls = harness.auth.tokenRequests.length;
		const result = await harness.run(credential, 'oAuth2Connection', {
			operation: 'refresh',
			checkUrl: '/me',
		});
		assert.equal(
			harness.auth.tokenRequests
				.slice(tokenCalls)
				.filter((r) => r.grantType === 'client_credentials').length,
			1,
		);
		assert.equal(result.outputs[HEALTHY]?.[0]?.json.status, 'healthy');
	});

	test('Get Info reports the stored data and sends nothing', async () => {
		const credential = await harness.connectedCredential({ name: 'Quiet' });
		const apiBefore = harness.api.requests.length;
		const tokenBefore = harness.auth.tokenRequests.length;
		const result = await harness.run(credential, 'oAuth2Connection', { operation: 'getInfo' });
		assert.equal(result.outputs[HEALTHY]?.[0]?.json.status, 'healthy');
		assert.equal(result.outputs[HEALTHY]?.[0]?.json.checkUrl, null);
		assert.equal(harness.api.requests.length, apiBefore);
		assert.equal(harness.auth.tokenRequests.length, tokenBefore);
	});
});

describe('edges a new user meets (issue 26)', () => {
	test('a Check with nothing to call says it was not checked live, and how to add a Check URL', async () => {
		const credential = await harness.connectedCredential({ name: 'No Check URL' });
		const before = harness.api.requests.length;
		const offline = await check(credential, { checkUrl: '' });
		assert.equal(offline.report.checkedLive, false);
		assert.match(String(offline.report.note), /^Not checked live: .*set Check URL/);
		assert.equal(harness.api.requests.length, before, 'nothing sent');
		const live = await check(credential);
		assert.equal(live.report.checkedLive, true);
		assert.equal(live.report.note, undefined);
	});

	test('granted scopes: the token response’s, or the ones asked for when it lists none', async () => {
		const credential = await harness.connectedCredential({
			name: 'OpenID',
			extra: { scopes: 'openid profile' },
		});
		for (const scope of [undefined, '']) {
			patchTokenData(credential, { scope });
			const result = await check(credential);
			assert.deepEqual(result.report.grantedScopes, ['openid', 'profile'], `scope ${scope}`);
			assert.equal(result.report.grantedScopesFrom, 'request', `scope ${scope}`);
		}
		patchTokenData(credential, { scope: 'openid' });
		const narrower = await check(credential);
		assert.deepEqual(narrower.report.grantedScopes, ['openid']);
		assert.equal(narrower.report.grantedScopesFrom, 'token response');
	});

	test('Check and Get Info report the same account', async () => {
		const credential = await harness.connectedCredential({ name: 'Two Accounts' });
		patchTokenData(credential, { id_token: idToken({ sub: 'u1', email: 'grace@example.com' }) });
		const checked = await check(credential); // /me answers ada@example.com
		const info = await harness.run(credential, 'oAuth2Connection', { operation: 'getInfo' });
		assert.equal(checked.report.account, 'grace@example.com');
		assert.equal(info.outputs[HEALTHY]?.[0]?.json.account, 'grace@example.com');
	});

	test('the subtitle names the operation as the dropdown does', () => {
		const subtitle = String(nodeTypes.getByName('oAuth2Connection').description.subtitle);
		for (const name of ['Check', 'Refresh', 'Get Info']) assert.ok(subtitle.includes(`"${name}"`));
	});

	test('n8n’s Custom API Call operation points to the OAuth2 HTTP Request node, and sends nothing', async () => {
		const credential = await harness.connectedCredential({ name: 'Custom Call' });
		const before = harness.api.requests.length;
		const result = await harness.run(credential, 'oAuth2Connection', {
			operation: '__CUSTOM_API_CALL__',
		});
		assert.match(String(result.error?.message), /use the OAuth2 HTTP Request node/);
		assert.equal(harness.api.requests.length, before);
	});
});
