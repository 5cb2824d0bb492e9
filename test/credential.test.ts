/**
 * The OAuth2 Connection credential: what the user picks is what the host sends. Credentials are
 * resolved the way n8n's CredentialsHelper does (test/harness/resolveCredential.ts), and token
 * requests go through n8n-core's real OAuth2 client to a real authorization server.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	fillPresetTemplate,
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	type ProviderPreset,
} from '../credentials/providerPresets';
import { describeConnection } from '../nodes/shared/transport/connection';
import { CLIENT_ID, CLIENT_SECRET, startHarness, type Harness } from './harness/fixtures';
import { resolveCredential } from './harness/resolveCredential';

const root = path.resolve(__dirname, '..');
const packageJson = createRequire(__filename)(path.join(root, 'package.json')) as {
	n8n: { credentials: string[] };
};

/** Loads the built credential the way n8n's loader does: file name (up to the first dot) = class name. */
function loadBuiltCredential(): ICredentialType {
	const file = path.join(root, packageJson.n8n.credentials[0]);
	const className = path.basename(file).split('.')[0];
	const exported = createRequire(__filename)(file) as Record<string, new () => ICredentialType>;
	assert.ok(exported[className], `${file} exports ${className}`);
	return new exported[className]();
}

function property(credential: ICredentialType, name: string): INodeProperties {
	const found = credential.properties.find((entry) => entry.name === name);
	assert.ok(found, `property ${name}`);
	return found;
}

function optionValues(prop: INodeProperties): string[] {
	return (prop.options ?? []).map((option) => String((option as { value: unknown }).value));
}

/** A credential as a user fills it for `preset`: every field the preset shows gets its sample. */
function filledFor(
	preset: ProviderPreset,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	const samples = Object.fromEntries(
		Object.entries(PRESET_FIELDS).map(([key, field]) => [key, field.sample]),
	);
	return { provider: preset.id, clientId: 'id', clientSecret: 'secret', ...samples, ...extra };
}

function expectedPairs(preset: ProviderPreset): string {
	return Object.entries(preset.authQueryParameters ?? {})
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

describe('the built credential', () => {
	const credential = loadBuiltCredential();

	test('is an OAuth2 credential type the host can load', () => {
		assert.equal(credential.name, 'connectionOAuth2Api');
		assert.deepEqual(credential.extends, ['oAuth2Api']);
		assert.equal(credential.displayName, 'Any Service OAuth2 API');
		assert.match(String(credential.documentationUrl), /^https:\/\//);
	});

	test('offers Custom and at least 30 presets', () => {
		const providers = optionValues(property(credential, 'provider'));
		assert.ok(providers.includes('custom'));
		assert.ok(providers.length >= 31, `${providers.length} provider options`);
		assert.equal(new Set(providers).size, providers.length);
	});

	test('offers the three grant types and both client authentication methods', () => {
		assert.deepEqual(optionValues(property(credential, 'grantType')).sort(), [
			'authorizationCode',
			'clientCredentials',
			'pkce',
		]);
		assert.deepEqual(optionValues(property(credential, 'customClientAuthentication')).sort(), [
			'body',
			'header',
		]);
		assert.equal(property(credential, 'authentication').type, 'hidden');
	});

	test('keeps the fields the host reads hidden, so stored values cannot override them', () => {
		for (const name of [
			'authUrl',
			'accessTokenUrl',
			'authentication',
			'scope',
			'authQueryParameters',
		]) {
			assert.equal(property(credential, name).type, 'hidden', name);
		}
		assert.equal(
			property(credential, 'clientSecret').required ?? false,
			false,
			'PKCE public clients have no secret',
		);
		assert.equal(property(credential, 'clientSecret').typeOptions?.password, true);
	});

	test('shows each preset field only for the presets that use it', () => {
		for (const key of Object.keys(PRESET_FIELDS)) {
			const shownFor = (property(credential, key).displayOptions?.show?.provider ?? []) as string[];
			const users = PROVIDER_PRESETS.filter((preset) =>
				JSON.stringify(preset).includes(`{${key}}`),
			).map((preset) => preset.id);
			assert.deepEqual([...shownFor].sort(), users.sort(), key);
		}
	});
});

describe('every preset resolves to what the provider expects', () => {
	for (const preset of PROVIDER_PRESETS) {
		test(preset.displayName, async () => {
			const filled = filledFor(preset);
			const resolved = await resolveCredential(filled);
			const apiBaseUrl = describeConnection(resolved, 'x').apiBaseUrl;
			for (const value of [String(resolved.authUrl), String(resolved.accessTokenUrl), apiBaseUrl]) {
				assert.match(value, /^https:\/\/[^\s{}]+$/, value);
				assert.doesNotThrow(() => new URL(value));
			}
			// The nodes fill templates in TypeScript, the host in its expression language: both agree.
			assert.equal(resolved.authUrl, fillPresetTemplate(preset.authUrl, filled));
			assert.equal(resolved.accessTokenUrl, fillPresetTemplate(preset.tokenUrl, filled));
			assert.equal(resolved.scope, [...new Set(preset.defaultScopes)].join(preset.scopeSeparator));
			assert.equal(resolved.authentication, preset.tokenAuthMethod);
			assert.equal(resolved.authQueryParameters, expectedPairs(preset));
			const allowedDomains = String(describeConnection(resolved, 'x').allowedDomains);
			const domains = allowedDomains.split(', ');
			assert.ok(
				domains.length > 0 && domains.every((domain) => /^(\*\.)?[a-z0-9.-]+$/i.test(domain)),
				allowedDomains,
			);
			assert.ok(
				domains.some(
					(domain) =>
						new URL(apiBaseUrl).hostname === domain ||
						new URL(apiBaseUrl).hostname.endsWith(domain.replace(/^\*/, '')),
				),
				`API base ${apiBaseUrl} is within ${allowedDomains}`,
			);
			assert.equal(resolved.allowedHttpRequestDomains, 'domains');
		});
	}

	test('placeholders take the user’s values (Microsoft tenant, Zoho data centre, Genesys region)', async () => {
		const byId = (id: string) =>
			PROVIDER_PRESETS.find((preset) => preset.id === id) as ProviderPreset;
		const microsoft = await resolveCredential(
			filledFor(byId('microsoftEntraId'), { tenant: 'contoso.onmicrosoft.com' }),
		);
		assert.equal(
			microsoft.authUrl,
			'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
		);
		const zoho = await resolveCredential(filledFor(byId('zoho'), { zohoDataCenter: 'zoho.eu' }));
		assert.equal(zoho.authUrl, 'https://accounts.zoho.eu/oauth/v2/auth');
		assert.equal(zoho.accessTokenUrl, 'https://accounts.zoho.eu/oauth/v2/token');
		const genesys = await resolveCredential(
			filledFor(byId('genesysCloud'), { genesysRegion: 'mypurecloud.de' }),
		);
		assert.equal(genesys.authUrl, 'https://login.mypurecloud.de/oauth/authorize');
	});

	test('Google asks for offline access and joins ticked scope sets with typed scopes', async () => {
		const google = PROVIDER_PRESETS.find((preset) => preset.id === 'google') as ProviderPreset;
		const calendar = (google.scopeSets ?? []).find((set) => set.name.includes('Calendar'));
		assert.ok(calendar);
		const resolved = await resolveCredential(
			filledFor(google, { googleScopeSets: [calendar.scopes.join(' ')], scopes: 'openid, email' }),
		);
		assert.equal(resolved.scope, [...calendar.scopes, 'openid', 'email'].join(' '));
		assert.match(String(resolved.authQueryParameters), /access_type=offline/);
		assert.match(String(resolved.authQueryParameters), /prompt=consent/);
	});

	test('a parameter the user adds replaces the preset’s, others are kept', async () => {
		const google = PROVIDER_PRESETS.find((preset) => preset.id === 'google') as ProviderPreset;
		const resolved = await resolveCredential(
			filledFor(google, { extraAuthQueryParameters: '?prompt=select_account&login_hint=a%40b.c' }),
		);
		assert.equal(
			resolved.authQueryParameters,
			'access_type=offline&prompt=select_account&login_hint=a%40b.c',
		);
	});
});

describe('Custom connections', () => {
	const custom = {
		provider: 'custom',
		customAuthUrl: 'https://auth.example.com/authorize?tenant=x',
		customTokenUrl: 'https://auth.example.com/token',
		customApiBaseUrl: 'https://api.example.com/v2/',
		clientId: 'id',
		clientSecret: 'secret',
	};

	test('use the URLs as typed and the API host as the allowed domain', async () => {
		const resolved = await resolveCredential(custom);
		assert.equal(resolved.authUrl, 'https://auth.example.com/authorize?tenant=x');
		assert.equal(resolved.accessTokenUrl, 'https://auth.example.com/token');
		assert.equal(describeConnection(resolved, 'x').apiBaseUrl, 'https://api.example.com/v2');
		assert.equal(describeConnection(resolved, 'x').allowedDomains, 'api.example.com');
		assert.equal(
			describeConnection({ ...resolved, allowedDomains: 'a.example.com, *.b.example.com' }, 'x')
				.allowedDomains,
			'a.example.com, *.b.example.com',
			'a list the user typed wins',
		);
		assert.equal(resolved.authentication, 'header');
	});

	test('send scopes typed with commas, spaces and new lines, de-duplicated, with the chosen separator', async () => {
		const messy = 'read, write\nread   admin,,';
		assert.equal((await resolveCredential({ ...custom, scopes: messy })).scope, 'read write admin');
		assert.equal(
			(await resolveCredential({ ...custom, scopes: messy, customScopeSeparator: 'comma' })).scope,
			'read,write,admin',
		);
	});

	test('choose client_secret_post', async () => {
		assert.equal(
			(await resolveCredential({ ...custom, customClientAuthentication: 'body' })).authentication,
			'body',
		);
	});

	test('cannot be redirected by stored values of the hidden fields', async () => {
		const resolved = await resolveCredential({
			...custom,
			authUrl: 'https://evil.example/authorize',
			authentication: 'body',
			scope: 'everything',
		});
		assert.equal(resolved.authUrl, custom.customAuthUrl);
		assert.equal(resolved.authentication, 'header');
		assert.equal(resolved.scope, '');
	});

	test('read token-expiry signals as lists', async () => {
		const resolved = await resolveCredential({ ...custom, expiryStatusCodes: '401, 403 401' });
		assert.deepEqual(describeConnection(resolved, 'x').expirySignal.statusCodes, [401, 403]);
	});
});

describe('token requests through n8n-core reach the provider as configured', () => {
	let harness: Harness;
	before(async () => {
		harness = await startHarness();
	});
	after(async () => await harness.stop());

	for (const [method, expected] of [
		['header', 'basic'],
		['body', 'body'],
	] as const) {
		test(`client credentials with ${method === 'header' ? 'client_secret_basic' : 'client_secret_post'}`, async () => {
			const credential = harness.credential({
				grantType: 'clientCredentials',
				customClientAuthentication: method,
				scopes: 'read:contacts, write:contacts read:contacts',
				customScopeSeparator: 'comma',
			});
			const before = harness.auth.tokenRequests.length;
			const result = await harness.run(credential, 'oAuth2HttpRequest', {
				method: 'GET',
				url: '/contacts/1',
			});
			assert.equal(result.error, undefined, result.error?.message);
			const tokenRequests = harness.auth.tokenRequests.slice(before);
			assert.equal(tokenRequests.length, 1);
			assert.equal(tokenRequests[0].grantType, 'client_credentials');
			assert.equal(tokenRequests[0].clientAuth, expected);
			assert.equal(tokenRequests[0].clientId, CLIENT_ID);
			assert.equal(tokenRequests[0].scope, 'read:contacts,write:contacts');
			const stored = harness.store.stored(credential.id).oauthTokenData as Record<string, unknown>;
			assert.equal(typeof stored.access_token, 'string', 'the token is cached in the credential');
			assert.equal(
				harness.api.requests.at(-1)?.headers.authorization,
				`Bearer ${String(stored.access_token)}`,
			);
			assert.ok(!JSON.stringify(result.items).includes(CLIENT_SECRET));
		});
	}
});
