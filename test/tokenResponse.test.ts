/** Values the token response carries (an API host such as Salesforce's instance_url, scopes, expiry), read into the connection. */
import assert from 'node:assert/strict';

import { describeConnection } from '../nodes/shared/transport/connection';
import { resolveCredential } from './harness/resolveCredential';
import { allowedBy, byId, filledFor, loadBuiltCredential, property } from './harness/credentialKit';

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
