/**
 * The allowed domains n8n's own nodes read from the credential (its `allowedHttpRequestDomains` /
 * `allowedDomains`, through n8n-workflow's getCredentialAllowedDomains, as n8n's HTTP Request
 * node v4 does) are the ones the package's nodes enforce: with Allowed Domains left empty, the
 * preset's API domains, the API base URL's host (Custom) and the API host a token response names
 * when the preset (or Custom's list) allows it. Resolved as n8n's CredentialsHelper does, under
 * the vm expression engine; the real HTTP Request node runs in the end-to-end suite.
 */
import assert from 'node:assert/strict';

import { getCredentialAllowedDomains, type INode } from 'n8n-workflow';

import { PRESET_FIELDS, PROVIDER_PRESETS } from '../credentials/providerPresets';
import { describeConnection } from '../nodes/shared/transport/connection';
import { resolveCredential } from './harness/resolveCredential';

const node: INode = {
	id: 'http',
	name: 'HTTP Request',
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position: [0, 0],
	parameters: {},
};

/** What n8n's HTTP Request node v4 passes on as the request's allowed domains. */
function hostAllowedDomains(credentialData: Record<string, unknown>): string | undefined {
	return getCredentialAllowedDomains({
		node,
		credentialData: credentialData as never,
		surface: 'HTTP Request or GraphQL',
	});
}

const samples = Object.fromEntries(
	Object.entries(PRESET_FIELDS).map(([key, field]) => [key, field.sample]),
);

async function bothSides(stored: Record<string, unknown>) {
	const resolved = await resolveCredential({ appClientId: 'id', ...stored });
	return { host: hostAllowedDomains(resolved), ours: describeConnection(resolved, 'x') };
}

describe("n8n's HTTP Request node reads the allowed domains the package's nodes enforce", () => {
	test.each(PROVIDER_PRESETS.map((preset) => [preset.id]))(
		'%s with Allowed Domains left empty',
		async (provider) => {
			const { host, ours } = await bothSides({ provider, ...samples });
			assert.ok(ours.allowedDomains, `${provider}: the package's nodes allow some domains`);
			assert.equal(host, ours.allowedDomains);
		},
	);

	test("Custom: the API base URL's host", async () => {
		const { host, ours } = await bothSides({
			provider: 'custom',
			customTokenUrl: 'https://auth.example.com/token',
			customApiBaseUrl: 'https://api.example.com:8443/v1',
		});
		assert.equal(ours.allowedDomains, 'api.example.com');
		assert.equal(host, ours.allowedDomains);
	});

	test('Salesforce: the instance_url of the token response, within the preset’s hosts', async () => {
		const stored = {
			provider: 'salesforce',
			grantType: 'pkce',
			salesforceLoginHost: 'login.salesforce.com',
			oauthTokenData: { access_token: 'a', instance_url: 'https://acme.my.salesforce.com' },
		};
		const { host, ours } = await bothSides(stored);
		assert.equal(ours.allowedDomains, 'acme.my.salesforce.com');
		assert.equal(host, ours.allowedDomains);
		// A host outside the preset's patterns is not taken: with no Instance either, both refuse all.
		const foreign = await resolveCredential({
			appClientId: 'id',
			...stored,
			oauthTokenData: { access_token: 'a', instance_url: 'https://evil.example.com' },
		});
		assert.equal(describeConnection(foreign, 'x').allowedDomains, '');
		assert.throws(() => hostAllowedDomains(foreign), /No allowed domains/);
		const withInstance = await bothSides({
			...stored,
			salesforceInstance: 'acme.my.salesforce.com',
			oauthTokenData: { access_token: 'a', instance_url: 'https://evil.example.com' },
		});
		assert.equal(withInstance.host, 'acme.my.salesforce.com');
		assert.equal(withInstance.ours.allowedDomains, withInstance.host);
	});

	test('Zoho: api_domain comes first, then the data centre’s domains', async () => {
		const { host, ours } = await bothSides({
			provider: 'zoho',
			...samples,
			oauthTokenData: { access_token: 'a', api_domain: 'https://www.zohoapis.eu' },
		});
		assert.match(String(ours.allowedDomains), /^www\.zohoapis\.eu, /);
		assert.equal(host, ours.allowedDomains);
	});

	test('Wrike: the bare host of the token response comes first; Pipedrive’s URL field takes no bare host', async () => {
		const wrike = await bothSides({
			provider: 'wrike',
			oauthTokenData: { access_token: 'a', host: 'app-us2.wrike.com' },
		});
		assert.match(String(wrike.ours.allowedDomains), /^app-us2\.wrike\.com, /);
		assert.equal(wrike.host, wrike.ours.allowedDomains);
		for (const host of ['evil.example', 'https://app-us2.wrike.com', 'app-us2.wrike.com/x']) {
			const ignored = await bothSides({
				provider: 'wrike',
				oauthTokenData: { access_token: 'a', host },
			});
			assert.match(String(ignored.ours.allowedDomains), /^www\.wrike\.com, /, host);
			assert.equal(ignored.host, ignored.ours.allowedDomains, host);
		}
		const pipedrive = await bothSides({
			provider: 'pipedrive',
			oauthTokenData: { access_token: 'a', api_domain: 'acme.pipedrive.com' },
		});
		assert.match(String(pipedrive.ours.allowedDomains), /^api\.pipedrive\.com, /);
		assert.equal(pipedrive.host, pipedrive.ours.allowedDomains);
	});

	test('Custom: a token-response host only when the list covers it or the user trusts any', async () => {
		const custom = {
			provider: 'custom',
			customTokenUrl: 'https://auth.example.com/token',
			customApiBaseUrl: 'https://api.example.com',
			customApiBaseUrlField: 'instance_url',
			oauthTokenData: { access_token: 'a', instance_url: 'https://eu.api-elsewhere.example' },
		};
		const outside = await bothSides(custom);
		assert.equal(outside.ours.allowedDomains, 'api.example.com');
		assert.equal(outside.host, outside.ours.allowedDomains);
		const trusted = await bothSides({ ...custom, customApiHostAnywhere: true });
		assert.match(String(trusted.ours.allowedDomains), /^eu\.api-elsewhere\.example, /);
		assert.equal(trusted.host, trusted.ours.allowedDomains);
	});

	test('a typed list is used as typed; All and None mean the same to both', async () => {
		const typed = await bothSides({
			provider: 'gitHub',
			allowedDomainsList: ' api.github.com, *.example.com ',
		});
		assert.equal(typed.host, 'api.github.com, *.example.com');
		assert.equal(typed.ours.allowedDomains, typed.host);
		const all = await bothSides({ provider: 'gitHub', allowedDomainsMode: 'all' });
		assert.equal(all.host, undefined);
		assert.equal(all.ours.allowedDomains, undefined);
		const none = await resolveCredential({
			appClientId: 'id',
			provider: 'gitHub',
			allowedDomainsMode: 'none',
		});
		assert.throws(() => hostAllowedDomains(none), /No allowed domains|prevent use/);
		assert.equal(describeConnection(none, 'x').blocksAllRequests, true);
	});
});
