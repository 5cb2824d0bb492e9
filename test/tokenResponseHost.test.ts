/**
 * The API host a token response names, in the form the provider sends it (a URL such as
 * Pipedrive's `api_domain`, a bare host such as Wrike's `host`), with the preset's base path after
 * it: where the OAuth2 HTTP Request node's relative calls and the OAuth2 Connection node's Check
 * go, through n8n-core's real engine. While these run every name resolves to loopback, where
 * nothing listens on 443: no request leaves the machine; the requests Node's http client made
 * (its diagnostics channel) show the URL each call went to.
 */
import assert from 'node:assert/strict';

import { PRESET_FIELDS } from '../credentials/providerPresets';
import { useLoopbackHosts } from './harness/loopbackHosts';

const hosts = useLoopbackHosts();

const samples = Object.fromEntries(
	Object.entries(PRESET_FIELDS).map(([key, field]) => [key, field.sample]),
);

function connected(provider: string, tokenFields: Record<string, unknown>) {
	return hosts.harness.credential({
		...samples,
		provider,
		grantType: 'authorizationCode',
		oauthTokenData: {
			access_token: `token-host-${provider}`,
			token_type: 'Bearer',
			expires_in: 3600,
			n8n_expires_at: String(Date.now() + 3_600_000),
			...tokenFields,
		},
	});
}

describe('the API host of the token response', () => {
	test('Wrike: the bare `host` of an EU account, with /api/v4 after it', async () => {
		const credential = connected('wrike', { host: 'app-eu.wrike.com' });
		const calls = await hosts.callsOf(credential, '/tasks');
		assert.deepEqual(calls.request, ['https://app-eu.wrike.com/api/v4/tasks']);
		assert.deepEqual(calls.check, ['https://app-eu.wrike.com/api/v4/contacts?me=true']);
	});

	test('Pipedrive: the company host of `api_domain`, with /api before /v1', async () => {
		const credential = connected('pipedrive', { api_domain: 'https://acme.pipedrive.com' });
		const calls = await hosts.callsOf(credential, '/v1/deals');
		assert.deepEqual(calls.request, ['https://acme.pipedrive.com/api/v1/deals']);
		assert.deepEqual(calls.check, ['https://acme.pipedrive.com/api/v1/users/me']);
	});

	test('a host outside the preset’s pattern, or not in the preset’s form, is ignored', async () => {
		const cases: Array<[provider: string, field: string, value: string, expected: string]> = [
			['wrike', 'host', 'evil.example', 'https://www.wrike.com/api/v4/tasks'],
			['wrike', 'host', 'app-eu.wrike.com.evil.example', 'https://www.wrike.com/api/v4/tasks'],
			['wrike', 'host', 'app-eu.wrike.com/../x', 'https://www.wrike.com/api/v4/tasks'],
			['pipedrive', 'api_domain', 'https://evil.example', 'https://api.pipedrive.com/tasks'],
			['pipedrive', 'api_domain', 'acme.pipedrive.com', 'https://api.pipedrive.com/tasks'],
		];
		for (const [provider, field, value, expected] of cases) {
			const credential = connected(provider, { [field]: value });
			const calls = await hosts.callsOf(credential, '/tasks');
			assert.deepEqual(calls.request, [expected], `${provider} ${field}=${value}`);
		}
	});
});
