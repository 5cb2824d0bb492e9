/**
 * A preset's region or environment field (issue 23): each option names the hosts the sign-in, the
 * token requests, the API calls and the check go to, and a connection saved before the field
 * existed keeps the first option (today's hosts). Through n8n-core's real engine: while these run
 * every name resolves to loopback, where nothing listens on 443, so no request leaves the machine;
 * the requests Node's http client made (its diagnostics channel) show where each one went.
 */
import assert from 'node:assert/strict';

import { useLoopbackHosts } from './harness/loopbackHosts';
import { resolveCredential } from './harness/resolveCredential';

const hosts = useLoopbackHosts();

/** A connected connection of `provider` with `fields`; `expired`: its token needs a refresh first. */
function connected(provider: string, fields: Record<string, unknown>, expired = false) {
	return hosts.harness.credential({
		provider,
		grantType: 'authorizationCode',
		appClientId: 'region-client',
		appClientSecret: 'region-secret',
		...fields,
		oauthTokenData: {
			access_token: `region-${provider}`,
			refresh_token: `region-refresh-${provider}`,
			token_type: 'Bearer',
			expires_in: 3600,
			n8n_expires_at: String(Date.now() + (expired ? -60_000 : 3_600_000)),
		},
	});
}

async function signIn(fields: Record<string, unknown>) {
	const resolved = await resolveCredential({ appClientId: 'id', appClientSecret: 's', ...fields });
	return {
		authUrl: resolved.authUrl,
		tokenUrl: resolved.accessTokenUrl,
		allowedDomains: resolved.allowedDomains,
	};
}

describe('Webflow regions', () => {
	test('EU signs in on eu.webflow.com, gets tokens from and calls api.eu.webflow.com', async () => {
		assert.deepEqual(await signIn({ provider: 'webflow', webflowRegion: 'eu' }), {
			authUrl: 'https://eu.webflow.com/oauth/authorize',
			tokenUrl: 'https://api.eu.webflow.com/oauth/access_token',
			allowedDomains: 'api.eu.webflow.com',
		});
		const calls = await hosts.callsOf(connected('webflow', { webflowRegion: 'eu' }), '/sites');
		assert.deepEqual(calls.request, ['https://api.eu.webflow.com/v2/sites']);
		assert.deepEqual(calls.check, ['https://api.eu.webflow.com/v2/token/introspect']);
	});

	test('a connection saved without the field stays in the US', async () => {
		assert.deepEqual(await signIn({ provider: 'webflow' }), {
			authUrl: 'https://webflow.com/oauth/authorize',
			tokenUrl: 'https://api.webflow.com/oauth/access_token',
			allowedDomains: 'api.webflow.com',
		});
		const calls = await hosts.callsOf(connected('webflow', {}), '/sites');
		assert.deepEqual(calls.request, ['https://api.webflow.com/v2/sites']);
		assert.deepEqual(calls.check, ['https://api.webflow.com/v2/token/introspect']);
	});
});

describe('Login with Amazon regions', () => {
	test("each region's token endpoint refreshes the token; the sign-in stays on www.amazon.com", async () => {
		const regions: Array<[region: string | undefined, host: string]> = [
			[undefined, 'api.amazon.com'],
			['na', 'api.amazon.com'],
			['eu', 'api.amazon.co.uk'],
			['fe', 'api.amazon.co.jp'],
		];
		for (const [region, host] of regions) {
			const fields = region ? { amazonRegion: region } : {};
			const resolved = await signIn({ provider: 'loginWithAmazon', ...fields });
			assert.equal(resolved.authUrl, 'https://www.amazon.com/ap/oa', String(region));
			assert.equal(resolved.tokenUrl, `https://${host}/auth/o2/token`, String(region));
			const calls = await hosts.callsOf(
				connected('loginWithAmazon', fields, true),
				'/user/profile',
			);
			assert.equal(calls.request[0], `https://${host}/auth/o2/token`, String(region));
		}
	});
});

describe('QuickBooks environments', () => {
	test('Sandbox calls sandbox-quickbooks.api.intuit.com and checks on sandbox-accounts', async () => {
		const calls = await hosts.callsOf(
			connected('quickBooks', { quickBooksEnvironment: 'sandbox' }),
			'/123/companyinfo/123',
		);
		assert.deepEqual(calls.request, [
			'https://sandbox-quickbooks.api.intuit.com/v3/company/123/companyinfo/123',
		]);
		assert.deepEqual(calls.check, [
			'https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo',
		]);
	});

	test('a connection saved without the field stays in Production', async () => {
		const calls = await hosts.callsOf(connected('quickBooks', {}), '/123/companyinfo/123');
		assert.deepEqual(calls.request, [
			'https://quickbooks.api.intuit.com/v3/company/123/companyinfo/123',
		]);
		assert.deepEqual(calls.check, [
			'https://accounts.platform.intuit.com/v1/openid_connect/userinfo',
		]);
	});
});

describe('GitHub on GHE.com', () => {
	test('a GHE.com host signs in, gets tokens and calls the API on that subdomain', async () => {
		assert.deepEqual(await signIn({ provider: 'gitHub', gitHubHost: 'octocorp.ghe.com' }), {
			authUrl: 'https://octocorp.ghe.com/login/oauth/authorize',
			tokenUrl: 'https://octocorp.ghe.com/login/oauth/access_token',
			allowedDomains: 'api.octocorp.ghe.com, uploads.octocorp.ghe.com',
		});
		const calls = await hosts.callsOf(
			connected('gitHub', { gitHubHost: 'octocorp.ghe.com' }),
			'/user/repos',
		);
		assert.deepEqual(calls.request, ['https://api.octocorp.ghe.com/user/repos']);
		assert.deepEqual(calls.check, ['https://api.octocorp.ghe.com/user']);
	});

	test('a connection saved without the field stays on github.com; another host is refused before sending', async () => {
		assert.deepEqual(await signIn({ provider: 'gitHub' }), {
			authUrl: 'https://github.com/login/oauth/authorize',
			tokenUrl: 'https://github.com/login/oauth/access_token',
			allowedDomains: 'api.github.com, uploads.github.com',
		});
		const calls = await hosts.callsOf(connected('gitHub', {}), '/user/repos');
		assert.deepEqual(calls.request, ['https://api.github.com/user/repos']);
		assert.deepEqual(calls.check, ['https://api.github.com/user']);
		hosts.clear();
		const refused = await hosts.harness.run(
			connected('gitHub', { gitHubHost: 'github.example.com' }),
			'oAuth2HttpRequest',
			{ method: 'GET', url: '/user/repos', options: { maxAttempts: 1 } },
			undefined,
			true,
		);
		assert.deepEqual(hosts.urls(), []);
		const error = refused.outputs[0]?.[0]?.json.error as { message?: string } | string | undefined;
		assert.match(
			JSON.stringify(error),
			/GitHub Host .* is not valid: 'github\.example\.com' is not github\.com or a GHE\.com host/,
		);
	});
});

describe('SharePoint file hosts per Microsoft cloud', () => {
	const download = 'https://contoso.sharepoint.com/sites/team/_layouts/15/download.aspx?x=1';
	async function sent(microsoftCloud: string): Promise<string[]> {
		hosts.clear();
		await hosts.harness.run(
			connected('microsoftSharePoint', { microsoftCloud, tenant: 'contoso.onmicrosoft.com' }),
			'oAuth2HttpRequest',
			{ method: 'GET', url: download, options: { maxAttempts: 1 } },
			undefined,
			true,
		);
		return [...new Set(hosts.urls())];
	}

	test('Global allows the SharePoint and OneDrive hosts downloads redirect to; a national cloud only its Graph host', async () => {
		const global = await signIn({
			provider: 'microsoftSharePoint',
			microsoftCloud: 'global',
			tenant: 'contoso.onmicrosoft.com',
		});
		assert.equal(global.allowedDomains, 'graph.microsoft.com, *.sharepoint.com, *.files.1drv.com');
		assert.deepEqual(await sent('global'), [download]);
		const gccHigh = await signIn({
			provider: 'microsoftSharePoint',
			microsoftCloud: 'usGovernmentL4',
			tenant: 'contoso.onmicrosoft.com',
		});
		assert.equal(gccHigh.allowedDomains, 'graph.microsoft.us');
		assert.deepEqual(await sent('usGovernmentL4'), []);
	});
});

describe('Apigee control-plane locations', () => {
	test('a location host takes the API calls and the check; saved without it, the global host; another host is refused', async () => {
		const org = { apigeeOrganization: 'my-project' };
		const eu = await hosts.callsOf(
			connected('apigee', { ...org, apigeeHost: 'eu-apigee.googleapis.com' }),
			'/environments',
		);
		assert.deepEqual(eu.request, [
			'https://eu-apigee.googleapis.com/v1/organizations/my-project/environments',
		]);
		assert.deepEqual(eu.check, ['https://eu-apigee.googleapis.com/v1/organizations/my-project']);
		const saved = await hosts.callsOf(connected('apigee', org), '/environments');
		assert.deepEqual(saved.request, [
			'https://apigee.googleapis.com/v1/organizations/my-project/environments',
		]);
		hosts.clear();
		await hosts.harness.run(
			connected('apigee', { ...org, apigeeHost: 'apigee.example.com' }),
			'oAuth2HttpRequest',
			{ method: 'GET', url: '/environments', options: { maxAttempts: 1 } },
			undefined,
			true,
		);
		assert.deepEqual(hosts.urls(), []);
	});
});
