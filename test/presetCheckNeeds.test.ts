/**
 * What a preset's check needs besides the token (issue 23): a scope that is requested also when the
 * user types scopes or ticks a scope set (Google's and QuickBooks' userinfo need `openid`), and the
 * connection's client ID in the check URL (Meta's app check) or in a header the provider wants on
 * every request (Etsy's x-api-key). Scopes are resolved through n8n-workflow's expression engine the
 * way the host resolves the credential; requests run through n8n-core's real engine while every
 * name resolves to loopback, where nothing listens on 443, so no request leaves the machine: Node's
 * http client's diagnostics channel shows each request made (URL and headers).
 */
import assert from 'node:assert/strict';

import { byId, filledFor } from './harness/credentialKit';
import { useLoopbackHosts, type MadeRequest } from './harness/loopbackHosts';
import { resolveCredential } from './harness/resolveCredential';

describe('the scopes a check needs', () => {
	const scopeOf = async (id: string, extra: Record<string, unknown>) =>
		String((await resolveCredential(filledFor(byId(id), extra))).scope).split(' ');

	test('Google asks for openid also with ticked scope sets and typed scopes', async () => {
		const drive = 'https://www.googleapis.com/auth/drive';
		const calendar = 'https://www.googleapis.com/auth/calendar';
		assert.deepEqual(await scopeOf('google', { googleScopeSets: [drive], scopes: calendar }), [
			drive,
			calendar,
			'openid',
		]);
		assert.deepEqual(await scopeOf('google', { scopes: '' }), ['openid', 'email', 'profile']);
	});

	test('QuickBooks asks for openid email also with typed scopes', async () => {
		assert.deepEqual(await scopeOf('quickBooks', { scopes: 'com.intuit.quickbooks.payment' }), [
			'com.intuit.quickbooks.payment',
			'openid',
			'email',
		]);
		assert.deepEqual(await scopeOf('quickBooks', { scopes: '' }), [
			'com.intuit.quickbooks.accounting',
			'openid',
			'email',
		]);
	});
});

describe('the client ID and other values in check URLs and API headers', () => {
	const hosts = useLoopbackHosts();
	const { made } = hosts;

	function connected(
		provider: string,
		grantType: string,
		appClientId: string,
		fields: Record<string, unknown> = {},
	) {
		return hosts.harness.credential({
			provider,
			grantType,
			appClientId,
			appClientSecret: 'client-id-secret',
			...fields,
			oauthTokenData: {
				access_token: `client-id-${provider}`,
				token_type: 'Bearer',
				expires_in: 3600,
				n8n_expires_at: String(Date.now() + 3_600_000),
			},
		});
	}

	async function checkRequests(credential: { id: string; name: string }): Promise<MadeRequest[]> {
		made.length = 0;
		const result = await hosts.harness.run(credential, 'oAuth2Connection', {
			operation: 'check',
			checkUrl: '',
		});
		assert.equal(result.error, undefined, result.error?.message);
		return [...made];
	}

	test("Meta's client-credentials check reads the app by its client ID; the user grant reads /me", async () => {
		const app = await checkRequests(connected('meta', 'clientCredentials', '1234567890'));
		assert.equal(app[0]?.url, 'https://graph.facebook.com/v26.0/1234567890?fields=id,name');
		const user = await checkRequests(connected('meta', 'authorizationCode', '1234567890'));
		assert.equal(user[0]?.url, 'https://graph.facebook.com/v26.0/me?fields=id,name');
	});

	test('Etsy: the check and every request carry x-api-key with the keystring; a header the request sets wins', async () => {
		const credential = connected('etsy', 'pkce', 'etsy-keystring-1');
		const check = await checkRequests(credential);
		assert.equal(check[0]?.url, 'https://openapi.etsy.com/v3/application/users/me');
		assert.equal(check[0]?.headers['x-api-key'], 'etsy-keystring-1');
		made.length = 0;
		await hosts.harness.run(
			credential,
			'oAuth2HttpRequest',
			{ method: 'GET', url: '/application/shops/1', options: { maxAttempts: 1 } },
			undefined,
			true,
		);
		assert.equal(made[0]?.url, 'https://openapi.etsy.com/v3/application/shops/1');
		assert.equal(made[0]?.headers['x-api-key'], 'etsy-keystring-1');
		made.length = 0;
		await hosts.harness.run(
			credential,
			'oAuth2HttpRequest',
			{
				method: 'GET',
				url: '/application/shops/1',
				sendHeaders: true,
				specifyHeaders: 'json',
				jsonHeaders: '{"X-Api-Key": "etsy-keystring-1:shared-secret"}',
				options: { maxAttempts: 1 },
			},
			undefined,
			true,
		);
		assert.equal(made[0]?.headers['x-api-key'], 'etsy-keystring-1:shared-secret');
	});

	test('Basecamp, Harvest, Reddit: the User-Agent field on the check and every request; saved without it, a default that names the package', async () => {
		const checks: Array<[provider: string, url: string]> = [
			['basecamp', 'https://launchpad.37signals.com/authorization.json'],
			['harvest', 'https://id.getharvest.com/api/v2/accounts'],
			['reddit', 'https://oauth.reddit.com/api/v1/me'],
		];
		for (const [provider, url] of checks) {
			const typed = await checkRequests(
				connected(provider, 'authorizationCode', 'ua-client', {
					userAgent: 'Acme Sync (ops@acme.com)',
				}),
			);
			assert.equal(typed[0]?.url, url, provider);
			assert.equal(typed[0]?.headers['user-agent'], 'Acme Sync (ops@acme.com)', provider);
			const saved = await checkRequests(connected(provider, 'authorizationCode', 'ua-client'));
			assert.match(
				String(saved[0]?.headers['user-agent']),
				/^n8n-nodes-oauth2-connections \(https:/,
			);
		}
		made.length = 0;
		await hosts.harness.run(
			connected('harvest', 'authorizationCode', 'ua-client', {
				userAgent: 'Acme Sync (ops@acme.com)',
			}),
			'oAuth2HttpRequest',
			{ method: 'GET', url: '/users/me', options: { maxAttempts: 1 } },
			undefined,
			true,
		);
		assert.equal(made[0]?.url, 'https://api.harvestapp.com/v2/users/me');
		assert.equal(made[0]?.headers['user-agent'], 'Acme Sync (ops@acme.com)');
	});

	test('Shopify: the token goes in X-Shopify-Access-Token too', async () => {
		const check = await checkRequests(
			connected('shopify', 'authorizationCode', 'shop-client', { shopifyShop: 'acme-store' }),
		);
		assert.equal(check[0]?.url, 'https://acme-store.myshopify.com/admin/oauth/access_scopes.json');
		assert.equal(check[0]?.headers['x-shopify-access-token'], 'client-id-shopify');
	});
});
