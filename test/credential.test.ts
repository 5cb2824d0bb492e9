/**
 * The OAuth2 Connection credential: what the user picks is what the host sends. Credentials are
 * resolved the way n8n's CredentialsHelper does (test/harness/resolveCredential.ts). Here: the
 * built credential, Custom connections, grants a provider would reject; the presets, the token
 * requests and the token response each have their own file.
 */
import assert from 'node:assert/strict';

import { PRESET_FIELDS, PROVIDER_PRESETS, presetFieldKeys } from '../credentials/providerPresets';
import { CREDENTIAL_TYPE, describeConnection } from '../nodes/shared/transport/connection';
import { startHarness, type Harness } from './harness/fixtures';
import { resolveCredential } from './harness/resolveCredential';
import { loadBuiltCredential, optionValues, property } from './harness/credentialKit';

describe('the built credential', () => {
	const credential = loadBuiltCredential();

	test('is an OAuth2 credential type the host can load', () => {
		assert.equal(credential.name, CREDENTIAL_TYPE);
		assert.deepEqual(credential.extends, ['oAuth2Api']);
		assert.equal(credential.displayName, 'Any Service OAuth2 API');
		assert.match(String(credential.documentationUrl), /^https:\/\//);
	});

	test('offers Custom and at least 100 presets, each with its setup notice and docs', () => {
		const providers = optionValues(property(credential, 'provider'));
		assert.ok(providers.includes('custom'));
		assert.ok(providers.length >= 101, `${providers.length} provider options`);
		assert.equal(new Set(providers).size, providers.length);
		for (const preset of PROVIDER_PRESETS) {
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
			'Datadog',
			'Etsy',
			'Kick',
			'Klaviyo',
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
