/**
 * Token requests through n8n-core's real OAuth2 client reach a real authorization server as the
 * connection is configured: client authentication, scopes (refresh-safe ones included), the
 * host's sign-in and token URLs.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { PROVIDER_PRESETS } from '../credentials/providerPresets';
import { describeConnection } from '../nodes/shared/transport/connection';
import { CLIENT_ID, CLIENT_SECRET, startHarness, type Harness } from './harness/fixtures';
import { ResourceServer } from './harness/resourceServer';
import { resolveCredential } from './harness/resolveCredential';
import {
	byId,
	filledFor,
	hostnameOf,
	loadBuiltCredential,
	property,
} from './harness/credentialKit';

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
			const always = preset.refreshScopes?.length ? preset.refreshScopes : preset.checkScopes;
			if (always?.length)
				assert.ok(notice.includes(`Always added: ${always.join(' ')}`), preset.id);
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
