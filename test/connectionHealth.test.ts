/**
 * The OAuth2 Connection node through n8n-core's real engine against the loopback servers: Check,
 * Refresh and Get Info, routed to Healthy or Needs Attention, with no token in any output.
 */
import assert from 'node:assert/strict';
import dns from 'node:dns';

import type { INodeExecutionData } from 'n8n-workflow';

import {
	fillPresetTemplate,
	PRESET_FIELDS,
	PROVIDER_PRESETS,
} from '../credentials/providerPresets';
import { describeConnection } from '../nodes/shared/transport/connection';
import { nodeTypes, type NodeRun } from './harness/engine';
import { resolveCredential } from './harness/resolveCredential';
import { CLIENT_SECRET, itemsOf, startHarness, type Harness } from './harness/fixtures';

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

	test('granted scopes narrower than asked: Needs Attention naming them, unless narrower grants are accepted', async () => {
		const credential = await harness.connectedCredential({
			name: 'Narrow',
			extra: { scopes: 'openid contacts.read contacts.write' },
		});
		patchTokenData(credential, { scope: 'contacts.read' });
		const result = await check(credential);
		assert.deepEqual(result.report.missingScopes, ['contacts.write']);
		assert.equal(result.output, NEEDS_ATTENTION);
		assert.equal(result.report.status, 'needsReconnect');
		assert.match(String(result.report.problem), /'Narrow' .*contacts\.write/);
		assert.match(String(result.report.fix), /Reconnect/);

		const accepted = await check(credential, { options: { acceptNarrowerScopes: true } });
		assert.equal(accepted.output, HEALTHY);
		assert.deepEqual(accepted.report.missingScopes, ['contacts.write']);
	});

	test('scopes echoed differently are not missing: resource-qualified vs short names, unechoed OpenID scopes, commas', async () => {
		const microsoft = await harness.connectedCredential({
			extra: { scopes: 'openid https://graph.microsoft.com/Mail.Read User.Read offline_access' },
		});
		patchTokenData(microsoft, { scope: 'mail.read User.Read profile openid email' });
		const short = await check(microsoft);
		assert.deepEqual(short.report.missingScopes, []);
		assert.equal(short.output, HEALTHY);

		const commas = await harness.connectedCredential({
			extra: { scopes: 'contacts.read contacts.write' },
		});
		patchTokenData(commas, { scope: 'contacts.read,contacts.write' });
		const listed = await check(commas);
		assert.deepEqual(listed.report.missingScopes, []);
		assert.equal(listed.output, HEALTHY);
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

	test('Refresh with 20 input items makes one refresh, and every item reports its result', async () => {
		const credential = await harness.connectedCredential({ name: 'Many Items' });
		harness.auth.rotateRefreshTokens = true;
		try {
			const tokenCalls = harness.auth.tokenRequests.length;
			const reused = harness.auth.reusedRefreshTokens;
			const result = await harness.run(
				credential,
				'oAuth2Connection',
				{ operation: 'refresh', checkUrl: '/me' },
				itemsOf(20),
			);
			assert.equal(result.error, undefined, result.error?.message);
			assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'one refresh grant');
			assert.equal(harness.auth.reusedRefreshTokens, reused, 'no rotated token presented twice');
			const healthy = result.outputs[HEALTHY] ?? [];
			assert.equal(healthy.length, 20);
			assert.ok(healthy.every((item) => item.json.status === 'healthy'));
			assertNoSecrets(result, credential);
		} finally {
			harness.auth.rotateRefreshTokens = false;
		}
	});

	test('Refresh with 20 input items and the token endpoint down: one token call, every item refreshFailing', async () => {
		const credential = await harness.connectedCredential({ name: 'Down Many' });
		harness.auth.down = true;
		try {
			const tokenCalls = harness.auth.tokenRequests.length;
			const result = await harness.run(
				credential,
				'oAuth2Connection',
				{ operation: 'refresh', checkUrl: '/me' },
				itemsOf(20),
			);
			assert.equal(result.error, undefined, result.error?.message);
			assert.equal(harness.auth.tokenRequests.length - tokenCalls, 1, 'one failing token call');
			const attention = result.outputs[NEEDS_ATTENTION] ?? [];
			assert.equal(attention.length, 20);
			for (const item of attention) {
				assert.equal(item.json.status, 'refreshFailing');
				assert.match(String(item.json.problem), /answered 503/);
			}
			assertNoSecrets(result, credential);
		} finally {
			harness.auth.down = false;
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

describe('Check of every preset that has a check URL', () => {
	// While these run every name resolves to loopback, where nothing listens on 443: no check leaves
	// the machine, and the names looked up show which host each check went to.
	const looked: string[] = [];
	const originalLookup = dns.lookup;
	beforeAll(() => {
		dns.lookup = ((hostname: string, ...rest: unknown[]) => {
			looked.push(hostname);
			return (originalLookup as (...args: unknown[]) => void)('127.0.0.1', ...rest);
		}) as typeof dns.lookup;
	});
	afterAll(() => {
		dns.lookup = originalLookup;
	});

	const samples = Object.fromEntries(
		Object.entries(PRESET_FIELDS).map(([key, field]) => [key, field.sample]),
	);
	/**
	 * What is wrong with one preset's check on a grant, or undefined when it went to its filled host
	 * (or, where the preset has no check for that grant, when nothing was sent).
	 */
	async function checkProblem(
		preset: (typeof PROVIDER_PRESETS)[number],
		grantType: 'authorizationCode' | 'clientCredentials',
	): Promise<string | undefined> {
		const data = { ...samples, provider: preset.id };
		const template =
			grantType === 'clientCredentials' && preset.clientCredentialsCheckUrl !== undefined
				? preset.clientCredentialsCheckUrl
				: preset.checkUrl;
		const credential = harness.credential({
			...data,
			grantType,
			allowedHttpRequestDomains: 'domains',
			oauthTokenData: {
				access_token: `preset-check-token-${preset.id}`,
				token_type: 'Bearer',
				expires_in: 3600,
				n8n_expires_at: String(Date.now() + 3_600_000),
			},
		});
		const { report } = await check(credential, { checkUrl: '' });
		const problem = String(report.problem);
		if (!template)
			return report.checkedLive === false && /^Not checked live: /.test(String(report.note))
				? undefined
				: `${preset.id} (${grantType}): ${String(report.status)}, not the note that nothing was checked: ${problem}`;
		const resolved = await resolveCredential(harness.store.stored(credential.id));
		const { apiBaseUrl } = describeConnection(resolved, 'x');
		const expected = new URL(fillPresetTemplate(template, data), `${apiBaseUrl}/`).hostname;
		if (report.status !== 'unreachable' || !problem.includes(`Could not reach ${expected}`))
			return `${preset.id} (${grantType}): ${String(report.status)}: ${problem}`;
		if (!looked.includes(expected))
			return `${preset.id} (${grantType}): ${expected} was not looked up`;
		return undefined;
	}

	test('Salesforce connected with an instance_url and no Instance field: the check goes to the token’s host', async () => {
		const credential = harness.credential({
			...samples,
			provider: 'salesforce',
			salesforceInstance: '',
			grantType: 'authorizationCode',
			oauthTokenData: {
				access_token: 'preset-check-token-instance-url',
				token_type: 'Bearer',
				expires_in: 3600,
				n8n_expires_at: String(Date.now() + 3_600_000),
				instance_url: 'https://acme-from-token.my.salesforce.com',
			},
		});
		looked.length = 0;
		const { report } = await check(credential, { checkUrl: '' });
		assert.equal(report.status, 'unreachable', String(report.problem));
		assert.match(String(report.problem), /Could not reach acme-from-token\.my\.salesforce\.com/);
		assert.ok(looked.includes('acme-from-token.my.salesforce.com'), looked.join(', '));
	});

	test('every preset with a check URL checks its filled check URL for each grant it offers, within its allowed domains', async () => {
		const presets = PROVIDER_PRESETS.filter((entry) => entry.checkUrl);
		assert.ok(presets.length > 50);
		const problems = await Promise.all([
			...presets.map((preset) => checkProblem(preset, 'authorizationCode')),
			...presets
				.filter((preset) => preset.clientCredentials)
				.map((preset) => checkProblem(preset, 'clientCredentials')),
		]);
		assert.deepEqual(
			problems.filter((problem) => problem !== undefined),
			[],
		);
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
