/** Every preset resolves to what the provider expects (credentials/providerPresets.ts), Microsoft's clouds and Okta included. */
import assert from 'node:assert/strict';

import {
	fillPresetTemplate,
	MICROSOFT_CLOUDS,
	PROVIDER_PRESETS,
	type ProviderPreset,
} from '../credentials/providerPresets';
import { describeConnection } from '../nodes/shared/transport/connection';
import { resolveCredential } from './harness/resolveCredential';
import {
	allowedBy,
	byId,
	expectedPairs,
	expectedScopes,
	filledFor,
	PLACEHOLDER,
	hostnameOf,
} from './harness/credentialKit';

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
			// The client-auth method is the one the provider documents (credentials/presetFacts.ts);
			// a Basic-header preset leaves the field out (nothing to evaluate: n8n sends the header).
			assert.equal(resolved.authentication, preset.tokenAuthMethod === 'body' ? 'body' : undefined);

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

			// Token-request parameters reach the host's fields, placeholders filled (Tesla's audience).
			const bodyParameters = Object.fromEntries(
				Object.entries(preset.tokenBodyParameters ?? {}).map(([name, value]) => [
					name,
					fillPresetTemplate(value, filled),
				]),
			);
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
				const { field, form, hosts } = preset.tokenResponseApiHost;
				const tokenHost = hosts[0].replace(/^\*\./, 'acme.');
				const fromToken = describeConnection(
					{
						...resolved,
						oauthTokenData: {
							access_token: 'token',
							[field]: form === 'host' ? tokenHost : `https://${tokenHost}`,
						},
					},
					'x',
				);
				assert.equal(new URL(fromToken.apiBaseUrl).host, tokenHost);
				assert.equal(fromToken.apiBaseUrlFrom, field);
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
				// SharePoint also allows the hosts its file downloads redirect to (where confirmed).
				const fileHosts =
					id === 'microsoftSharePoint'
						? [cloud.sharePointHost, cloud.oneDriveFileHost].filter(
								(host) => host !== cloud.graphHost,
							)
						: [];
				assert.equal(connection.allowedDomains, [cloud.graphHost, ...fileHosts].join(', '), id);
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
