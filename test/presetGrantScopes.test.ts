/**
 * Scopes per grant (issue 23). Client credentials get no refresh token, so they must not ask for
 * one: a refresh scope in a preset's default scopes went out on client-credentials requests too
 * (Adobe's offline_access, Microsoft's, Okta's), where providers refuse or ignore it. Nor do they
 * have a user, so no OpenID scope either, unless the preset names it for that grant; some
 * providers want scopes of their own there (Microsoft `.default`, Discord `identify`). Resolved
 * through n8n-workflow's expression engine the way the host resolves the credential, and a token
 * request through n8n-core's engine to an https token endpoint on loopback.
 */
import assert from 'node:assert/strict';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PROVIDER_PRESETS, type ProviderPreset } from '../credentials/providerPresets';
import { AuthServer } from './harness/authServer';
import { filledFor } from './harness/credentialKit';
import { startHarness, type Harness } from './harness/fixtures';
import { createLoopbackCertificate, trustInThisProcess } from './harness/n8n/tlsCert';
import { resolveCredential } from './harness/resolveCredential';

const sentScopes = (preset: ProviderPreset, scope: unknown) =>
	String(scope ?? '')
		.split(preset.scopeSeparator)
		.filter(Boolean);

test('client credentials send none of the scopes the refresh token depends on; the browser grant still does', async () => {
	const offering = PROVIDER_PRESETS.filter(
		(preset) => preset.clientCredentials && preset.refreshScopes?.length,
	);
	assert.ok(offering.length >= 8, `${offering.length} presets with both`);
	const leaks: string[] = [];
	for (const preset of offering) {
		const refresh = preset.refreshScopes ?? [];
		const machine = await resolveCredential(filledFor(preset, { grantType: 'clientCredentials' }));
		const sent = sentScopes(preset, machine.scope).filter((scope) => refresh.includes(scope));
		if (sent.length) leaks.push(`${preset.id}: ${String(machine.scope)}`);
		const browser = await resolveCredential(filledFor(preset, { grantType: 'authorizationCode' }));
		for (const scope of refresh)
			assert.ok(
				sentScopes(preset, browser.scope).includes(scope),
				`${preset.id}: ${String(browser.scope)}`,
			);
	}
	assert.deepEqual(leaks, []);
});

/** The OpenID Connect scopes: they name a signed-in user, which a client-credentials token has not. */
const OPENID_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

test('client credentials send the preset’s scopes for that grant: no OpenID scope unless the preset names it', async () => {
	const machinePresets = PROVIDER_PRESETS.filter((preset) => preset.clientCredentials);
	const leaks: string[] = [];
	for (const preset of machinePresets) {
		const machine = await resolveCredential(filledFor(preset, { grantType: 'clientCredentials' }));
		const named = preset.clientCredentialsScopes ?? [];
		const sent = sentScopes(preset, machine.scope);
		if (sent.some((scope) => OPENID_SCOPES.includes(scope) && !named.includes(scope)))
			leaks.push(`${preset.id}: ${String(machine.scope)}`);
	}
	assert.deepEqual(leaks, []);
	const scopeOf = async (id: string, extra: Record<string, unknown> = {}) => {
		const preset = PROVIDER_PRESETS.find((entry) => entry.id === id) as ProviderPreset;
		const resolved = await resolveCredential(
			filledFor(preset, { grantType: 'clientCredentials', ...extra }),
		);
		return resolved.scope;
	};
	for (const id of ['microsoftEntraId', 'microsoftOutlook', 'microsoftSharePoint'])
		assert.equal(
			await scopeOf(id, { microsoftCloud: 'global' }),
			'https://graph.microsoft.com/.default',
		);
	assert.equal(
		await scopeOf('microsoftDynamics365', { dynamicsOrgHost: 'acme.crm.dynamics.com' }),
		'https://acme.crm.dynamics.com/.default',
	);
	assert.equal(await scopeOf('discord'), 'identify');
	assert.equal(await scopeOf('reddit'), 'read');
	// Typed scopes are the user's: sent as typed.
	assert.equal(await scopeOf('auth0', { scopes: 'read:orders' }), 'read:orders');
});

describe('a client-credentials token request of a preset, through the engine', () => {
	let harness: Harness;
	let tlsAuth: AuthServer;
	let certDir: string;
	beforeAll(async () => {
		harness = await startHarness();
		certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grant-scopes-'));
		const certificate = createLoopbackCertificate(certDir);
		trustInThisProcess(certificate.cert);
		tlsAuth = new AuthServer({ key: certificate.key, cert: certificate.cert });
		await tlsAuth.start();
	});
	afterAll(async () => {
		await tlsAuth.stop();
		await harness.stop();
		fs.rmSync(certDir, { recursive: true, force: true });
	});

	test('Auth0 asks for no OpenID scope with client credentials, and the browser grant still does', async () => {
		const auth0Domain = new URL(tlsAuth.tokenUrl).host;
		const credential = harness.credential({
			provider: 'auth0',
			auth0Domain,
			grantType: 'clientCredentials',
		});
		await harness.run(
			credential,
			'oAuth2HttpRequest',
			{ method: 'GET', url: '/userinfo', options: { maxAttempts: 1 } },
			undefined,
			true,
		);
		const machine = tlsAuth.tokenRequests.filter(
			(request) => request.grantType === 'client_credentials',
		);
		assert.equal(machine.length, 1, 'one client-credentials token request');
		assert.ok(
			!String(machine[0].scope ?? '')
				.split(' ')
				.some((scope) => OPENID_SCOPES.includes(scope)),
			`scope sent: ${String(machine[0].scope)}`,
		);
		const browser = await resolveCredential(
			filledFor(PROVIDER_PRESETS.find((preset) => preset.id === 'auth0') as ProviderPreset, {
				grantType: 'authorizationCode',
			}),
		);
		assert.equal(browser.scope, 'openid profile email offline_access');
	});
});
