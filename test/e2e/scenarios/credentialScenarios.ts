// The credential alone: created over REST, connected through the real authorization server.
// These need only the credential type, not the nodes.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { ICredentialType } from 'n8n-workflow';

import { EXPECTED_FORM_ORDER, visibleFieldLabels } from '../../harness/credentialForm';
import { CREDENTIAL_TYPE, type Scenario } from '../../harness/n8n/context';
import {
	CLIENTS,
	createConnectedCredential,
	customCredentialData,
	EXPECTED_SCOPE,
	storedTokenData,
} from './credentialHelpers';

function lastAuthorize(ctx: Parameters<Scenario['run']>[0]) {
	const record = ctx.auth.authorizeRequests.at(-1);
	assert.ok(record, 'no authorization request reached the auth server');
	return record;
}

function codeExchange(ctx: Parameters<Scenario['run']>[0]) {
	const record = ctx.auth.tokenRequests.find((r) => r.grantType === 'authorization_code');
	assert.ok(
		record,
		`no authorization_code token request: ${JSON.stringify(ctx.auth.tokenRequests)}`,
	);
	assert.equal(record.status, 200, `token request failed: ${record.error}`);
	return record;
}

const noCredentialType: Scenario['skip'] = (ctx) =>
	ctx.credentialType ? undefined : `credential type ${CREDENTIAL_TYPE} is not loaded`;

/** The built credential, loaded as n8n's loader does: file name (up to the first dot) = class name. */
function builtCredential(): ICredentialType {
	const root = path.resolve(__dirname, '..', '..', '..');
	const load = createRequire(__filename);
	const file = path.join(
		root,
		(load(path.join(root, 'package.json')) as { n8n: { credentials: string[] } }).n8n
			.credentials[0],
	);
	const className = path.basename(file).split('.')[0];
	const exported = load(file) as Record<string, new () => ICredentialType>;
	return new exported[className]();
}

export const credentialScenarios: Scenario[] = [
	{
		name: 'package loads: the OAuth2 Connection credential type is known to n8n',
		async run(ctx) {
			assert.ok(ctx.credentialType, `${CREDENTIAL_TYPE} missing from /types/credentials.json`);
			assert.equal(ctx.credentialType.displayName, 'Any Service OAuth2 API');
		},
	},
	{
		// Computed from n8n's own oAuth2Api (this install's) the way the host merges the form; the
		// browser scenario checks the same order in the real modal.
		name: 'the credential form reads top-down: provider, its fields, client, scopes, Custom URLs, advanced',
		async run(ctx) {
			for (const provider of ['custom', 'keycloak'] as const)
				assert.deepEqual(
					visibleFieldLabels(ctx.install.dir, builtCredential(), { provider }),
					EXPECTED_FORM_ORDER[provider],
					provider,
				);
		},
	},
	{
		name: 'custom, authorization code, client_secret_basic: Basic header, scope as meant, token stored',
		skip: noCredentialType,
		async run(ctx) {
			const { credential, authUrl } = await createConnectedCredential(
				ctx,
				'Custom basic',
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			assert.ok(authUrl.startsWith(ctx.auth.authorizeUrl), `authorize URL ${authUrl}`);
			const authorize = lastAuthorize(ctx);
			assert.equal(authorize.scope, EXPECTED_SCOPE);
			assert.equal(authorize.hasCodeChallenge, false, 'no PKCE expected for the plain code grant');
			const exchange = codeExchange(ctx);
			assert.equal(exchange.clientAuth, 'basic');
			assert.equal(exchange.clientId, CLIENTS.basic.clientId);
			assert.equal(exchange.hasCodeVerifier, false);
			const token = await storedTokenData(ctx, credential.id);
			assert.equal(
				token?.access_token,
				exchange.accessToken,
				'the stored access token is the one issued',
			);
			assert.ok(token?.refresh_token, 'a refresh token is stored');
			assert.ok(Number(token?.n8n_expires_at) > Date.now(), 'n8n_expires_at is in the future');
		},
	},
	{
		name: 'custom, authorization code, client_secret_post: credentials in the body',
		skip: noCredentialType,
		async run(ctx) {
			await createConnectedCredential(
				ctx,
				'Custom post',
				customCredentialData(ctx, CLIENTS.post, 'authorizationCode'),
			);
			const exchange = codeExchange(ctx);
			assert.equal(exchange.clientAuth, 'body');
			assert.equal(exchange.clientId, CLIENTS.post.clientId);
			assert.equal(lastAuthorize(ctx).scope, EXPECTED_SCOPE);
		},
	},
	{
		name: 'custom, PKCE public client: S256 challenge, code_verifier, no client secret',
		skip: noCredentialType,
		async run(ctx) {
			await createConnectedCredential(
				ctx,
				'Custom PKCE',
				customCredentialData(ctx, CLIENTS.public, 'pkce'),
			);
			const authorize = lastAuthorize(ctx);
			assert.equal(authorize.codeChallengeMethod, 'S256');
			assert.ok(authorize.hasCodeChallenge);
			const exchange = codeExchange(ctx);
			assert.equal(exchange.hasCodeVerifier, true);
			assert.equal(exchange.clientAuth, 'none');
		},
	},
	{
		name: 'extra authorization parameters reach the authorize endpoint',
		skip: noCredentialType,
		async run(ctx) {
			await createConnectedCredential(ctx, 'Custom extra params', {
				...customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
				extraAuthQueryParameters: 'login_hint=alice&ui_locales=en',
			});
			const authorize = lastAuthorize(ctx);
			assert.equal(authorize.query.login_hint, 'alice');
			assert.equal(authorize.query.ui_locales, 'en');
		},
	},
	{
		name: 'Keycloak preset pointed at a local HTTPS auth server: preset URLs, Basic auth, scope',
		skip: (ctx) =>
			!ctx.credentialType
				? 'credential type not loaded'
				: !ctx.keycloak
					? 'no HTTPS auth server'
					: ctx.credentialType.properties.some((p) => p.name === 'keycloakHost')
						? undefined
						: 'the credential has no keycloakHost field',
		async run(ctx) {
			const keycloak = ctx.keycloak!;
			const { authUrl } = await createConnectedCredential(ctx, 'Keycloak', {
				provider: 'keycloak',
				keycloakHost: new URL(keycloak.origin).host,
				keycloakRealm: keycloak.realm,
				grantType: 'authorizationCode',
				appClientId: CLIENTS.basic.clientId,
				appClientSecret: CLIENTS.basic.clientSecret,
				scopes: 'openid contacts.read',
			});
			assert.ok(
				authUrl.startsWith(
					`${keycloak.origin}/realms/${keycloak.realm}/protocol/openid-connect/auth?`,
				),
				authUrl,
			);
			const authorize = keycloak.authorizeRequests.at(-1);
			// The typed scopes, and the refresh scope Keycloak's offline tokens need.
			assert.equal(authorize?.scope, 'openid contacts.read offline_access');
			const exchange = keycloak.tokenRequests.find((r) => r.grantType === 'authorization_code');
			assert.equal(exchange?.status, 200, exchange?.error);
			assert.equal(exchange?.clientAuth, 'basic', 'Keycloak preset uses client_secret_basic');
			assert.equal(ctx.auth.tokenRequests.length, 0, 'nothing went to the plain custom server');
		},
	},
];
