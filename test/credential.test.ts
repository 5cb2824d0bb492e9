/**
 * The OAuth2 Connection credential: what the user picks is what the host sends. Credentials are
 * resolved the way n8n's CredentialsHelper does (test/harness/resolveCredential.ts), and token
 * requests go through n8n-core's real OAuth2 client to a real authorization server.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { OIDC_SCOPES } from '../credentials/connectionExpressions';
import {
	fillPresetTemplate,
	MICROSOFT_CLOUDS,
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	presetFieldKeys,
	type ProviderPreset,
} from '../credentials/providerPresets';
import { CREDENTIAL_TYPE, describeConnection } from '../nodes/shared/transport/connection';
import { CLIENT_ID, CLIENT_SECRET, startHarness, type Harness } from './harness/fixtures';
import { ResourceServer } from './harness/resourceServer';
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
	return {
		provider: preset.id,
		appClientId: 'id',
		appClientSecret: 'secret',
		...samples,
		...extra,
	};
}

const byId = (id: string) => PROVIDER_PRESETS.find((preset) => preset.id === id) as ProviderPreset;

/**
 * The scopes a preset must request, worked out here independently of the credential's expression:
 * the chosen (or default) scopes, short names qualified with the scope resource, then the refresh
 * scopes (browser grants only), de-duplicated.
 */
function expectedScopes(
	preset: ProviderPreset,
	filled: Record<string, unknown>,
	chosen: string[],
	grantType = 'authorizationCode',
): string[] {
	const resource = preset.scopeResource ? fillPresetTemplate(preset.scopeResource, filled) : '';
	const qualify = (scope: string) =>
		resource && !/[:/]/.test(scope) && !OIDC_SCOPES.includes(scope)
			? `${resource}/${scope}`
			: scope;
	const refresh = grantType === 'clientCredentials' ? [] : (preset.refreshScopes ?? []);
	return [
		...new Set(
			[...(chosen.length ? chosen : preset.defaultScopes).map(qualify), ...refresh].map((scope) =>
				fillPresetTemplate(scope, filled),
			),
		),
	];
}

/** Whether `host` is one of n8n's allowedDomains entries (`*.example.com` for subdomains). */
function allowedBy(domains: string[], host: string): boolean {
	return domains.some(
		(domain) => domain === host || (domain.startsWith('*.') && host.endsWith(domain.slice(1))),
	);
}

const PLACEHOLDER = /\{\w+\}/;

function expectedPairs(preset: ProviderPreset): string {
	return Object.entries(preset.authQueryParameters ?? {})
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

describe('the built credential', () => {
	const credential = loadBuiltCredential();

	test('is an OAuth2 credential type the host can load', () => {
		assert.equal(credential.name, CREDENTIAL_TYPE);
		assert.deepEqual(credential.extends, ['oAuth2Api']);
		assert.equal(credential.displayName, 'Any Service OAuth2 API');
		assert.match(String(credential.documentationUrl), /^https:\/\//);
	});

	test('offers Custom and at least 70 presets, each with the pages and date it was confirmed on', () => {
		const providers = optionValues(property(credential, 'provider'));
		assert.ok(providers.includes('custom'));
		assert.ok(providers.length >= 71, `${providers.length} provider options`);
		assert.equal(new Set(providers).size, providers.length);
		for (const preset of PROVIDER_PRESETS) {
			assert.ok(preset.sources.length > 0, `${preset.id} has sources`);
			for (const source of preset.sources) {
				assert.doesNotThrow(() => new URL(source), source);
				assert.match(source, /^https:\/\//, source);
				// A secondary index is never a source; facts only found there are listed as unconfirmed.
				assert.doesNotMatch(source, /nango/i, `${preset.id}: ${source}`);
			}
			assert.match(preset.confirmedOn, /^\d{4}-\d{2}-\d{2}$/, preset.id);
			assert.ok(preset.setupHint.length > 0 && preset.setupHint.length <= 350, preset.id);
			assert.match(preset.setupDocsUrl, /^https:\/\//, preset.id);
		}
	});

	test('shows each preset its setup hint and docs link in a notice under the provider', () => {
		for (const preset of PROVIDER_PRESETS) {
			const notice = property(credential, `${preset.id}SetupNotice`);
			assert.equal(notice.type, 'notice');
			assert.deepEqual(notice.displayOptions?.show?.provider, [preset.id]);
			assert.ok(notice.displayName.includes(encodeURI(preset.setupDocsUrl)), preset.id);
			assert.ok(
				notice.displayName.includes(
					preset.setupHint
						.slice(0, 20)
						.replace(/&/g, '&amp;')
						.replace(/</g, '&lt;')
						.replace(/>/g, '&gt;'),
				),
				preset.id,
			);
		}
	});

	test('presets that require PKCE say so in the dropdown and under it, and warn while Authorization Code is chosen', () => {
		const requirePkce = PROVIDER_PRESETS.filter((preset) => preset.pkce === 'required');
		assert.deepEqual(requirePkce.map((preset) => preset.displayName).sort(), [
			'Airtable',
			'Canva',
			'Etsy',
			'Salesforce',
			'X (Twitter)',
			'monday.com',
		]);
		const options = property(credential, 'provider').options as Array<{
			value: string;
			description?: string;
		}>;
		for (const preset of PROVIDER_PRESETS) {
			const says = /Needs Grant Type: Authorization Code with PKCE/;
			const option = options.find((entry) => entry.value === preset.id);
			const notice = property(credential, `${preset.id}SetupNotice`).displayName;
			if (preset.pkce === 'required') {
				assert.match(String(option?.description), says, preset.id);
				assert.match(notice, says, preset.id);
			} else {
				assert.doesNotMatch(String(option?.description), says, preset.id);
			}
		}
		const warning = property(credential, 'pkceRequiredNotice');
		assert.equal(warning.type, 'notice');
		assert.deepEqual(warning.displayOptions?.show, {
			provider: requirePkce.map((preset) => preset.id),
			grantType: ['authorizationCode'],
		});
		assert.match(warning.displayName, /set Grant Type to Authorization Code with PKCE/);
	});

	test('the two client-authentication fields have names that tell them apart', () => {
		const where = property(credential, 'customClientAuthentication').displayName;
		const what = property(credential, 'clientAuthenticationMethod').displayName;
		assert.equal(where, 'Send Client Secret In');
		assert.equal(what, 'Client Secret or Private Key');
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

	test("a connection saved under n8n's field names (version 0.1) keeps its client and domains", async () => {
		const resolved = await resolveCredential({
			provider: 'custom',
			customTokenUrl: 'https://auth.example.com/token',
			clientId: 'old-id',
			clientSecret: 'old-secret',
			allowedHttpRequestDomains: 'all',
		});
		assert.equal(resolved.clientId, 'old-id');
		assert.equal(resolved.clientSecret, 'old-secret');
		assert.equal(resolved.allowedHttpRequestDomains, 'all');
		const current = await resolveCredential({
			provider: 'custom',
			appClientId: 'new-id',
			appClientSecret: 'new-secret',
		});
		assert.equal(current.clientId, 'new-id');
		assert.equal(current.clientSecret, 'new-secret');
		assert.equal(current.allowedHttpRequestDomains, 'domains');
		assert.equal(describeConnection(current, 'CRM').misconfiguration, undefined);
		// An old connection whose form got a new secret: n8n would still send the old one.
		const edited = await resolveCredential({
			provider: 'custom',
			customTokenUrl: 'https://auth.example.com/token',
			clientId: 'old-id',
			clientSecret: 'old-secret',
			appClientSecret: 'typed-secret',
		});
		const problem = describeConnection(edited, 'CRM').misconfiguration;
		assert.match(
			String(problem?.message),
			/^Connection 'CRM' was saved by version 0\.1 .* Client Secret/,
		);
		assert.match(String(problem?.description), /Create the connection again/);
		assert.doesNotMatch(JSON.stringify(problem), /old-secret|typed-secret/);
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
			property(credential, 'appClientSecret').required ?? false,
			false,
			'PKCE public clients have no secret',
		);
		assert.equal(property(credential, 'appClientSecret').typeOptions?.password, true);
	});

	test('shows each preset field only for the presets that use it', () => {
		for (const key of Object.keys(PRESET_FIELDS)) {
			const shownFor = (property(credential, key).displayOptions?.show?.provider ?? []) as string[];
			const users = PROVIDER_PRESETS.filter((preset) =>
				presetFieldKeys(preset).includes(key as never),
			).map((preset) => preset.id);
			assert.ok(users.length > 0, `${key} is used`);
			assert.deepEqual([...shownFor].sort(), users.sort(), key);
		}
	});
});

describe('every preset resolves to what the provider expects', () => {
	for (const preset of PROVIDER_PRESETS) {
		test(preset.displayName, async () => {
			const filled = filledFor(preset);
			const resolved = await resolveCredential(filled);
			const connection = describeConnection(resolved, 'x');
			const { apiBaseUrl } = connection;
			for (const value of [String(resolved.authUrl), String(resolved.accessTokenUrl), apiBaseUrl]) {
				assert.match(value, /^https:\/\/[^\s{}]+$/, value);
				assert.doesNotThrow(() => new URL(value));
			}
			// The nodes fill templates in TypeScript, the host in its expression language: both agree.
			assert.equal(resolved.authUrl, fillPresetTemplate(preset.authUrl, filled));
			assert.equal(resolved.accessTokenUrl, fillPresetTemplate(preset.tokenUrl, filled));
			assert.equal(resolved.authQueryParameters, expectedPairs(preset));
			// The client-auth method is the one the sources document.
			assert.equal(resolved.authentication, preset.tokenAuthMethod);
			assert.ok(preset.sources.length > 0);

			// Scopes: the defaults (with the refresh scopes), joined with the provider's separator.
			const separator = preset.scopeSeparator;
			assert.equal(resolved.scope, expectedScopes(preset, filled, []).join(separator));
			// Typed scopes replace the defaults but never drop a scope the refresh token depends on.
			const typed = await resolveCredential({ ...filled, scopes: 'custom.read, custom.write' });
			const typedScopes = String(typed.scope).split(separator);
			assert.deepEqual(
				typedScopes,
				expectedScopes(preset, filled, ['custom.read', 'custom.write']),
			);
			for (const scope of preset.refreshScopes ?? [])
				assert.ok(typedScopes.includes(scope), `${scope} in ${String(typed.scope)}`);
			assert.ok(!String(typed.scope).includes(separator === ' ' ? ',' : ' '), String(typed.scope));

			// Token-request parameters reach the host's fields.
			const bodyParameters = preset.tokenBodyParameters ?? {};
			assert.equal(
				resolved.additionalBodyProperties,
				Object.keys(bodyParameters).length ? JSON.stringify(bodyParameters) : '',
			);

			// No placeholder is left anywhere the host or the nodes read.
			const checkUrl = preset.checkUrl ? fillPresetTemplate(preset.checkUrl, filled) : '';
			for (const value of [
				resolved.authUrl,
				resolved.accessTokenUrl,
				resolved.scope,
				typed.scope,
				resolved.additionalBodyProperties,
				apiBaseUrl,
				connection.allowedDomains,
				checkUrl,
			])
				assert.doesNotMatch(String(value), PLACEHOLDER, `${preset.id}: ${String(value)}`);

			// The allowed domains cover the API base URL's host (and the check URL's).
			const domains = String(connection.allowedDomains).split(', ');
			assert.ok(
				domains.length > 0 && domains.every((domain) => /^(\*\.)?[a-z0-9.-]+$/i.test(domain)),
				String(connection.allowedDomains),
			);
			assert.ok(
				allowedBy(domains, new URL(apiBaseUrl).hostname),
				`API base ${apiBaseUrl} is within ${String(connection.allowedDomains)}`,
			);
			if (checkUrl) {
				const absolute = new URL(checkUrl, `${apiBaseUrl}/`);
				assert.equal(absolute.protocol, 'https:', checkUrl);
				assert.ok(allowedBy(domains, absolute.hostname), `check URL ${checkUrl} is allowed`);
			}
			assert.equal(resolved.allowedHttpRequestDomains, 'domains');

			// A preset whose token response names the API host uses that host, and allows it.
			if (preset.tokenResponseApiHost) {
				const tokenHost = String(preset.tokenResponseApiHosts?.[0]).replace(/^\*\./, 'acme.');
				const fromToken = describeConnection(
					{
						...resolved,
						oauthTokenData: {
							access_token: 'token',
							[preset.tokenResponseApiHost]: `https://${tokenHost}`,
						},
					},
					'x',
				);
				assert.equal(new URL(fromToken.apiBaseUrl).host, tokenHost);
				assert.equal(fromToken.apiBaseUrlFrom, preset.tokenResponseApiHost);
				assert.ok(
					allowedBy(String(fromToken.allowedDomains).split(', '), tokenHost),
					String(fromToken.allowedDomains),
				);
				assert.equal(fromToken.misconfiguration, undefined);
			}
		});
	}

	test('placeholders take the user’s values (Microsoft tenant, Zoho data centre, Genesys region)', async () => {
		const microsoft = await resolveCredential(
			filledFor(byId('microsoftEntraId'), {
				tenant: 'contoso.onmicrosoft.com',
				microsoftCloud: 'global',
			}),
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
		appClientId: 'id',
		appClientSecret: 'secret',
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

/** One GET through the OAuth2 HTTP Request node, and the token requests it caused. */
async function tokenRequestsOfOneCall(harness: Harness, credential: { id: string; name: string }) {
	const before = harness.auth.tokenRequests.length;
	const result = await harness.run(credential, 'oAuth2HttpRequest', {
		method: 'GET',
		url: '/contacts/1',
	});
	assert.equal(result.error, undefined, result.error?.message);
	return { result, tokenRequests: harness.auth.tokenRequests.slice(before) };
}

describe('token requests through n8n-core reach the provider as configured', () => {
	let harness: Harness;
	beforeAll(async () => {
		harness = await startHarness();
	});
	afterAll(async () => await harness.stop());

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
			const { result, tokenRequests } = await tokenRequestsOfOneCall(harness, credential);
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

	test('token-request parameters reach the token endpoint with client credentials and, for resource, on refresh', async () => {
		const extraGrantParameters = 'audience=https%3A%2F%2Fapi.example.com&account_id=A1';
		const resource = 'https://api.example.com/';
		const machine = harness.credential({
			grantType: 'clientCredentials',
			extraGrantParameters,
			resource,
		});
		const {
			tokenRequests: [issued],
		} = await tokenRequestsOfOneCall(harness, machine);
		assert.equal(issued.grantType, 'client_credentials');
		assert.equal(issued.body.audience, 'https://api.example.com');
		assert.equal(issued.body.account_id, 'A1');
		assert.equal(issued.body.resource, 'https://api.example.com/');

		// A refresh carries resource only: n8n's refresh sends no other extra parameter.
		const connected = await harness.connectedCredential({
			expiresInMs: 1_000,
			extra: { extraGrantParameters, resource },
		});
		const beforeRefresh = harness.auth.tokenRequests.length;
		const refreshed = await harness.run(connected, 'oAuth2HttpRequest', {
			method: 'GET',
			url: '/contacts/1',
		});
		assert.equal(refreshed.error, undefined, refreshed.error?.message);
		const [refresh] = harness.auth.tokenRequests.slice(beforeRefresh);
		assert.equal(refresh.grantType, 'refresh_token');
		assert.equal(refresh.body.resource, 'https://api.example.com/');
		assert.equal(refresh.body.audience, undefined, 'the host sends no other parameter on refresh');
	});

	test("Zoom's Server-to-Server grant: the token parameters replace grant_type", async () => {
		// n8n's client-credentials request spreads additionalBodyProperties after grant_type
		// (@n8n/client-oauth2 CredentialsFlow); the local server only knows the standard grants.
		const resolved = await resolveCredential(
			filledFor(byId('zoom'), {
				grantType: 'clientCredentials',
				extraGrantParameters: 'grant_type=account_credentials&account_id=zoom-account',
			}),
		);
		assert.deepEqual(JSON.parse(String(resolved.additionalBodyProperties)), {
			grant_type: 'account_credentials',
			account_id: 'zoom-account',
		});
	});

	test('private_key_jwt with a malformed private key: the error says the key is malformed and nothing was sent', async () => {
		const certificate = fs.readFileSync(
			path.join(__dirname, 'fixtures/client-assertion.cert.pem'),
			'utf8',
		);
		const machine = harness.credential(
			{
				grantType: 'clientCredentials',
				appClientSecret: '',
				clientAuthenticationMethod: 'certificate',
				signingPrivateKey: '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----',
				signingCertificate: certificate,
			},
			'Signed',
		);
		const tokenCalls = harness.auth.tokenRequests.length;
		const apiCalls = harness.api.requests.length;
		const result = await harness.run(machine, 'oAuth2HttpRequest', {
			method: 'GET',
			url: '/contacts/1',
		});
		assert.match(
			String(result.error?.message),
			/^Could not get the token of connection 'Signed': the private key is malformed/,
		);
		assert.match(String(result.error?.description), /Nothing was sent.*Private Key/);
		assert.doesNotMatch(String(result.error?.message), /localhost|127\.0\.0\.1/);
		assert.equal(harness.auth.tokenRequests.length, tokenCalls, 'no token request');
		assert.equal(harness.api.requests.length, apiCalls, 'no API request');
	});

	test('private_key_jwt: n8n signs a client assertion with the key, verifiable with the certificate', async () => {
		const privateKey = fs.readFileSync(
			path.join(__dirname, 'fixtures/client-assertion.key.pem'),
			'utf8',
		);
		const certificate = fs.readFileSync(
			path.join(__dirname, 'fixtures/client-assertion.cert.pem'),
			'utf8',
		);
		const machine = harness.credential({
			grantType: 'clientCredentials',
			appClientSecret: '',
			clientAuthenticationMethod: 'certificate',
			signingPrivateKey: privateKey,
			signingCertificate: certificate,
		});
		const {
			result,
			tokenRequests: [issued],
		} = await tokenRequestsOfOneCall(harness, machine);
		assert.equal(issued.clientAuth, 'assertion');
		assert.equal(
			issued.body.client_assertion_type,
			'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
		);
		const [header, payload, signature] = issued.body.client_assertion.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
			string,
			unknown
		>;
		assert.equal(claims.iss, CLIENT_ID);
		assert.equal(claims.sub, CLIENT_ID);
		assert.equal(claims.aud, harness.auth.tokenUrl);
		const verified = crypto
			.createVerify('RSA-SHA256')
			.update(`${header}.${payload}`)
			.verify(
				new crypto.X509Certificate(certificate).publicKey,
				Buffer.from(signature, 'base64url'),
			);
		assert.ok(verified, 'the assertion is signed with the private key');
		assert.ok(
			!JSON.stringify(result.items).includes(privateKey.split('\n')[1]),
			'no part of the key in the output',
		);
		assert.ok(
			describeConnection(harness.store.stored(machine.id), 'x').secrets.includes(privateKey),
			'the private key is redacted like the client secret',
		);
	});

	test('a token response naming a host outside the allowed domains does not move the requests there', async () => {
		const other = new ResourceServer(harness.auth, '127.0.0.2');
		await other.start();
		try {
			const connected = await harness.connectedCredential({
				extra: { customApiBaseUrlField: 'instance_url' },
				tokenData: { instance_url: other.url },
			});
			const sent = harness.api.count('/contacts/1', (request) => request.authorized);
			const result = await harness.run(connected, 'oAuth2HttpRequest', {
				method: 'GET',
				url: '/contacts/1',
			});
			assert.equal(result.error, undefined, result.error?.message);
			assert.equal(other.requests.length, 0, 'nothing reached the host the token response named');
			assert.equal(
				harness.api.count('/contacts/1', (request) => request.authorized),
				sent + 1,
			);
		} finally {
			await other.stop();
		}
	});

	test('the API host named in the token response is where relative URLs go, and is allowed', async () => {
		const instance = new ResourceServer(harness.auth);
		await instance.start();
		try {
			// As n8n's OAuth callback stores a Salesforce token: instance_url beside the token.
			const connected = await harness.connectedCredential({
				expiresInMs: 1_000,
				extra: {
					customApiBaseUrl: '',
					customApiBaseUrlField: 'instance_url',
					customApiHostAnywhere: true,
				},
				tokenData: { instance_url: harness.api.url },
			});
			assert.match(
				await harness.connectionStatus(connected),
				new RegExp(`API ${harness.api.url} \\(from the token's instance_url\\)`),
			);
			// The refresh answers with another instance: the next run follows it.
			harness.auth.extraTokenFields = { instance_url: instance.url };
			const first = await harness.run(connected, 'oAuth2HttpRequest', {
				method: 'GET',
				url: '/contacts/1',
			});
			assert.equal(first.error, undefined, first.error?.message);
			assert.equal(harness.api.requests.at(-1)?.authorized, true);
			const second = await harness.run(connected, 'oAuth2HttpRequest', {
				method: 'GET',
				url: '/contacts/1',
			});
			assert.equal(second.error, undefined, second.error?.message);
			assert.equal(
				instance.count('/contacts/1', (request) => request.authorized),
				1,
			);
		} finally {
			harness.auth.extraTokenFields = {};
			await instance.stop();
		}
	});
});

describe('refresh-safe scopes', () => {
	test('typed scopes and ticked scope sets keep the scope the refresh token depends on', async () => {
		const cases: Array<[string, Record<string, unknown>, string]> = [
			['microsoftEntraId', { scopes: 'Mail.Read', microsoftCloud: 'global' }, 'offline_access'],
			['atlassian', { scopes: 'read:jira-work' }, 'offline_access'],
			['xero', { scopes: 'accounting.contacts' }, 'offline_access'],
			['okta', { scopes: 'openid okta.users.read' }, 'offline_access'],
			['auth0', { scopes: 'openid' }, 'offline_access'],
			['typeform', { scopes: 'forms:read' }, 'offline'],
			['twitter', { scopes: 'tweet.read users.read' }, 'offline.access'],
			['salesforce', { scopes: 'api' }, 'refresh_token'],
		];
		for (const [id, extra, refreshScope] of cases) {
			const resolved = await resolveCredential(filledFor(byId(id), extra));
			assert.ok(
				String(resolved.scope).split(byId(id).scopeSeparator).includes(refreshScope),
				`${id}: ${String(resolved.scope)}`,
			);
		}
	});

	test('a refresh scope the user typed is sent once; client credentials get none', async () => {
		const typed = await resolveCredential(
			filledFor(byId('xero'), { scopes: 'offline_access accounting.contacts offline_access' }),
		);
		assert.equal(typed.scope, 'offline_access accounting.contacts');
		const machine = await resolveCredential(
			filledFor(byId('microsoftEntraId'), {
				grantType: 'clientCredentials',
				scopes: '.default',
				microsoftCloud: 'global',
			}),
		);
		assert.equal(machine.scope, 'https://graph.microsoft.com/.default');
	});

	test('the Scopes help speaks of every provider alike; the notice under it names the chosen preset’s scopes', () => {
		const credential = loadBuiltCredential();
		const description = String(property(credential, 'scopes').description);
		for (const preset of PROVIDER_PRESETS)
			assert.ok(!description.includes(preset.displayName), `${preset.displayName}: ${description}`);
		const notices = credential.properties.filter((entry) => entry.name.startsWith('scopeDefaults'));
		const noticeFor = (provider: string) => {
			const shown = notices.filter((entry) =>
				(entry.displayOptions?.show?.provider as string[] | undefined)?.includes(provider),
			);
			assert.equal(shown.length, 1, provider);
			assert.equal(shown[0].type, 'notice');
			return shown[0].displayName;
		};
		for (const preset of PROVIDER_PRESETS) {
			const notice = noticeFor(preset.id);
			const defaults = preset.defaultScopes.join(' ');
			assert.ok(
				notice.includes(
					defaults ? `Left empty, requests: ${defaults}` : 'Left empty, requests no scope',
				),
				`${preset.id}: ${notice}`,
			);
			const always = preset.refreshScopes ?? [];
			if (always.length) assert.ok(notice.includes(`Always added: ${always.join(' ')}`), preset.id);
			else assert.ok(!notice.includes('Always added'), preset.id);
		}
		assert.match(noticeFor('custom'), /Left empty, requests no scope/);
		// Placed right under the Scopes field.
		const names = credential.properties.map((entry) => entry.name);
		const firstNotice = names.findIndex((name) => name.startsWith('scopeDefaults'));
		assert.equal(names[firstNotice - 1], 'scopes');
	});

	test('provider option descriptions keep their <placeholders>', () => {
		const options = property(loadBuiltCredential(), 'provider').options as Array<{
			value: string;
			description?: string;
		}>;
		const auth0 = options.find((option) => option.value === 'auth0');
		assert.match(String(auth0?.description), /audience=&lt;API identifier&gt;/);
		for (const option of options)
			assert.doesNotMatch(String(option.description ?? ''), /<(?!\/?b>)/);
	});

	test('Google keeps asking for offline access through the authorization parameters', async () => {
		const resolved = await resolveCredential(filledFor(byId('google'), { scopes: 'openid' }));
		assert.equal(resolved.scope, 'openid');
		assert.equal(resolved.authQueryParameters, 'access_type=offline&prompt=consent');
	});
});

/** The host a URL the host resolved would reach; undefined when it is no URL (nothing is reached). */
function hostnameOf(url: unknown): string | undefined {
	try {
		return new URL(String(url)).hostname;
	} catch {
		return undefined;
	}
}

describe('the host’s sign-in and token URLs', () => {
	const cases: Array<[presetId: string, field: string]> = [
		['serviceNow', 'serviceNowInstance'],
		['shopify', 'shopifyShop'],
		['salesforce', 'salesforceLoginHost'],
		['keycloak', 'keycloakHost'],
		['keycloak', 'keycloakRealm'],
		['gitLab', 'gitlabHost'],
		['microsoftEntraId', 'tenant'],
	];
	for (const [presetId, field] of cases) {
		test(`${presetId}: a ${field} the nodes refuse never gives the URL another host`, async () => {
			const preset = byId(presetId);
			for (const value of [
				'127.0.0.2#',
				'127.0.0.2/x?',
				'127.0.0.2:8443/#',
				'user@127.0.0.2',
				'127.0.0.2\\x',
			]) {
				const filled = filledFor(preset, { [field]: value });
				const resolved = await resolveCredential(filled);
				assert.ok(
					describeConnection(resolved, 'x').misconfiguration,
					`the nodes refuse ${field} '${value}'`,
				);
				for (const url of [resolved.authUrl, resolved.accessTokenUrl]) {
					const host = hostnameOf(url);
					assert.ok(
						host === undefined || !host.includes('127.0.0.2'),
						`${field} '${value}' resolves to ${String(url)}`,
					);
				}
			}
		});
	}

	// Self-hosted servers often listen on their own port (Keycloak's 8443): still the same host.
	for (const [presetId, field, value] of [
		['keycloak', 'keycloakHost', 'sso.example.com:8443'],
		['keycloak', 'keycloakHost', 'sso.example.com:8443/auth'],
		['gitLab', 'gitlabHost', 'gitlab.example.com:8929'],
	] as const) {
		test(`${presetId}: a ${field} with a port ('${value}') signs in on that host and port, and the nodes accept it`, async () => {
			const resolved = await resolveCredential(filledFor(byId(presetId), { [field]: value }));
			assert.equal(describeConnection(resolved, 'x').misconfiguration, undefined);
			const authority = value.replace(/\/auth$/, '');
			for (const url of [resolved.authUrl, resolved.accessTokenUrl])
				assert.equal(new URL(String(url)).host, authority, String(url));
		});
	}
});

describe('Microsoft clouds', () => {
	test('a Microsoft Cloud that is not exactly one of its options never puts the tenant in the host', async () => {
		const loginHosts: string[] = MICROSOFT_CLOUDS.map((cloud) => cloud.loginHost);
		for (const microsoftCloud of [
			'global ',
			'global/',
			' global',
			'Global',
			'constructor',
			'__proto__',
			'toString',
		]) {
			const resolved = await resolveCredential(
				filledFor(byId('microsoftEntraId'), {
					microsoftCloud,
					tenant: '127.0.0.2',
					grantType: 'clientCredentials',
				}),
			);
			for (const url of [resolved.authUrl, resolved.accessTokenUrl]) {
				const host = hostnameOf(url);
				assert.ok(
					host === undefined || loginHosts.includes(host),
					`'${microsoftCloud}' resolves to ${String(url)}`,
				);
			}
		}
	});

	for (const cloud of MICROSOFT_CLOUDS) {
		test(cloud.name, async () => {
			for (const id of [
				'microsoftEntraId',
				'microsoftOutlook',
				'microsoftSharePoint',
				'microsoftDynamics365',
			]) {
				const filled = filledFor(byId(id), { microsoftCloud: cloud.value, tenant: 'contoso' });
				const resolved = await resolveCredential(filled);
				assert.equal(
					resolved.authUrl,
					`https://${cloud.loginHost}/contoso/oauth2/v2.0/authorize`,
					id,
				);
				assert.equal(
					resolved.accessTokenUrl,
					`https://${cloud.loginHost}/contoso/oauth2/v2.0/token`,
				);
				const connection = describeConnection(resolved, 'x');
				if (id === 'microsoftDynamics365') {
					assert.equal(
						resolved.scope,
						'https://contoso.crm4.dynamics.com/user_impersonation offline_access',
					);
					continue;
				}
				assert.equal(connection.apiBaseUrl, `https://${cloud.graphHost}/v1.0`, id);
				assert.equal(connection.allowedDomains, cloud.graphHost, id);
				const typed = await resolveCredential({ ...filled, scopes: 'openid Mail.Read' });
				assert.equal(
					typed.scope,
					`openid https://${cloud.graphHost}/Mail.Read offline_access`,
					`${id}: Graph scopes use the cloud's Graph host`,
				);
			}
		});
	}
});

describe('Okta', () => {
	test('the org authorization server offers client credentials only with private_key_jwt', () => {
		const org = byId('okta');
		assert.equal(org.clientCredentials, false);
		assert.equal(org.privateKeyJwt, true);
		assert.match(String(org.notes), /private_key_jwt/);
	});

	test('a custom authorization server takes its ID, "default" unless set', async () => {
		const custom = byId('oktaCustomAuthServer');
		assert.equal(custom.clientCredentials, true);
		const resolved = await resolveCredential({
			provider: custom.id,
			oktaDomain: 'dev-1.okta.com',
			appClientId: 'id',
		});
		assert.equal(resolved.authUrl, 'https://dev-1.okta.com/oauth2/default/v1/authorize');
		assert.equal(resolved.accessTokenUrl, 'https://dev-1.okta.com/oauth2/default/v1/token');
	});
});

describe('values from the token response', () => {
	const salesforce = {
		provider: 'salesforce',
		salesforceLoginHost: 'login.salesforce.com',
		appClientId: 'id',
		// Salesforce requires PKCE: Authorization Code alone is refused before Connect.
		grantType: 'pkce',
	};

	test('the instance_url is the API base URL and allowed; the Instance field is optional', async () => {
		const resolved = await resolveCredential(salesforce);
		const connected = describeConnection(
			{
				...resolved,
				oauthTokenData: { access_token: 'a', instance_url: 'https://acme.my.salesforce.com' },
			},
			'x',
		);
		assert.equal(connected.apiBaseUrl, 'https://acme.my.salesforce.com');
		assert.equal(connected.allowedDomains, 'acme.my.salesforce.com');
		assert.equal(connected.misconfiguration, undefined);
		assert.equal(property(loadBuiltCredential(), 'salesforceInstance').required, false);
		// Not connected yet: the connection says so, not that a field is missing.
		assert.equal(describeConnection(resolved, 'x').misconfiguration, undefined);
		// Connected, but the response had no instance_url and the field is empty: that is named.
		assert.match(
			String(
				describeConnection({ ...resolved, oauthTokenData: { access_token: 'a' } }, 'x')
					.misconfiguration?.message,
			),
			/has no Salesforce Instance/,
		);
	});

	test('the field is used when the response names no host; a typed allow list still wins', async () => {
		const resolved = await resolveCredential({
			...salesforce,
			salesforceInstance: 'acme.my.salesforce.com',
		});
		const connection = describeConnection(
			{ ...resolved, oauthTokenData: { access_token: 'a' } },
			'x',
		);
		assert.equal(connection.apiBaseUrl, 'https://acme.my.salesforce.com');
		const typed = describeConnection(
			{
				...resolved,
				allowedDomains: 'only.example.com',
				oauthTokenData: { access_token: 'a', instance_url: 'https://other.my.salesforce.com' },
			},
			'x',
		);
		assert.equal(typed.allowedDomains, 'only.example.com');
	});

	test('Zoho uses api_domain, so the data centre of the token wins over the field', async () => {
		const resolved = await resolveCredential(
			filledFor(byId('zoho'), { zohoApiDomain: 'zohoapis.com' }),
		);
		const connection = describeConnection(
			{ ...resolved, oauthTokenData: { access_token: 'a', api_domain: 'https://www.zohoapis.eu' } },
			'x',
		);
		assert.equal(connection.apiBaseUrl, 'https://www.zohoapis.eu');
		assert.match(String(connection.allowedDomains), /^www\.zohoapis\.eu, /);
	});

	test('a token response cannot widen the allowed domains: IP literals, separators and hosts outside the preset’s are ignored', async () => {
		const cases: Array<
			[
				presetId: string,
				extra: Record<string, unknown>,
				field: string,
				refused: string[],
				taken: string[],
			]
		> = [
			[
				'salesforce',
				{ salesforceInstance: 'acme.my.salesforce.com' },
				'instance_url',
				[
					'https://127.0.0.2',
					'https://[::1]',
					'https://evil.example',
					'https://acme.my.salesforce.com,evil.example',
					'https://acme.my.salesforce.com evil.example',
					'https://my.salesforce.com.evil.example',
				],
				['https://other.my.salesforce.com', 'https://acme--dev.sandbox.my.salesforce.com'],
			],
			[
				'pipedrive',
				{},
				'api_domain',
				['https://evil.example', 'https://pipedrive.com.evil.example', 'https://10.0.0.1'],
				['https://acme.pipedrive.com'],
			],
			[
				'zoho',
				{ zohoApiDomain: 'zohoapis.com' },
				'api_domain',
				[
					'https://www.zohoapis.evil',
					'https://evil.example',
					'https://www.zohoapis.eu,evil.example',
				],
				['https://www.zohoapis.eu', 'https://www.zohoapis.com.au'],
			],
		];
		for (const [presetId, extra, field, refused, taken] of cases) {
			const resolved = await resolveCredential(filledFor(byId(presetId), extra));
			const withoutToken = describeConnection(
				{ ...resolved, oauthTokenData: { access_token: 'a' } },
				'x',
			);
			for (const value of refused) {
				const connection = describeConnection(
					{ ...resolved, oauthTokenData: { access_token: 'a', [field]: value } },
					'x',
				);
				assert.equal(connection.apiBaseUrlFrom, undefined, `${presetId}: ${value} is not taken`);
				assert.equal(connection.apiBaseUrl, withoutToken.apiBaseUrl, value);
				assert.equal(connection.allowedDomains, withoutToken.allowedDomains, value);
			}
			for (const value of taken) {
				const connection = describeConnection(
					{ ...resolved, oauthTokenData: { access_token: 'a', [field]: value } },
					'x',
				);
				assert.equal(connection.apiBaseUrlFrom, field, `${presetId}: ${value} is taken`);
				assert.ok(
					allowedBy(String(connection.allowedDomains).split(', '), new URL(value).hostname),
				);
			}
		}
	});

	test('Custom: the token response’s API host is taken inside the allowed domains, or anywhere once the user turns that on', async () => {
		const custom = {
			provider: 'custom',
			customAuthUrl: 'https://login.example.com/authorize',
			customTokenUrl: 'https://login.example.com/token',
			customApiBaseUrl: 'https://api.example.com',
			customApiBaseUrlField: 'instance_url',
			appClientId: 'id',
		};
		const token = { access_token: 'a', instance_url: 'https://eu.api-elsewhere.example' };
		const outside = describeConnection(
			{ ...(await resolveCredential(custom)), oauthTokenData: token },
			'x',
		);
		assert.equal(outside.apiBaseUrl, 'https://api.example.com');
		assert.equal(outside.allowedDomains, 'api.example.com');
		const listed = describeConnection(
			{
				...(await resolveCredential({
					...custom,
					allowedDomains: 'api.example.com, *.api-elsewhere.example',
				})),
				oauthTokenData: token,
			},
			'x',
		);
		assert.equal(listed.apiBaseUrl, 'https://eu.api-elsewhere.example');
		const trusted = describeConnection(
			{
				...(await resolveCredential({ ...custom, customApiHostAnywhere: true })),
				oauthTokenData: token,
			},
			'x',
		);
		assert.equal(trusted.apiBaseUrl, 'https://eu.api-elsewhere.example');
		assert.match(String(trusted.allowedDomains), /^eu\.api-elsewhere\.example, /);
	});

	test('a plain-http or credential-carrying URL in the response is ignored', async () => {
		const resolved = await resolveCredential({
			...salesforce,
			salesforceInstance: 'acme.my.salesforce.com',
		});
		for (const instanceUrl of [
			'http://evil.example',
			'https://user:pw@evil.example',
			'not a url',
		]) {
			const connection = describeConnection(
				{ ...resolved, oauthTokenData: { access_token: 'a', instance_url: instanceUrl } },
				'x',
			);
			assert.equal(connection.apiBaseUrl, 'https://acme.my.salesforce.com', instanceUrl);
			assert.equal(connection.allowedDomains, 'acme.my.salesforce.com', instanceUrl);
		}
	});
});

describe('grant types the provider would reject', () => {
	let harness: Harness;
	beforeAll(async () => {
		harness = await startHarness();
	});
	afterAll(async () => await harness.stop());

	test('a PKCE-required preset on Authorization Code is refused in the node panel before Connect; once connected it is not', async () => {
		const unconnected = harness.credential(
			{ provider: 'salesforce', grantType: 'authorizationCode' },
			'Sales',
		);
		await assert.rejects(
			harness.connectionStatus(unconnected),
			/uses Grant Type Authorization Code, but Salesforce requires PKCE/,
		);
		// A connection the provider accepted (its app does not enforce PKCE) is left alone.
		const connected = await harness.connectedCredential({
			name: 'Sales (connected)',
			extra: { provider: 'salesforce', salesforceInstance: 'acme.my.salesforce.com' },
		});
		assert.match(await harness.connectionStatus(connected), /is authorized/);
	});
});
