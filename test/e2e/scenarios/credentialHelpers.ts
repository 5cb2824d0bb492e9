// Builds OAuth2 Connection credentials aimed at the local auth and resource servers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { CLIENTS, type TestClient } from '../../harness/openIdProvider';
import { CREDENTIAL_TYPE, type E2eContext } from '../../harness/n8n/context';
import { connectOverHttp } from '../../harness/n8n/oauthFlow';

export type GrantType = 'authorizationCode' | 'pkce' | 'clientCredentials';

/** Scopes typed the messy way a person might: commas, spaces, a duplicate. */
export const TYPED_SCOPES = 'contacts.read, items.read  contacts.read';
export const EXPECTED_SCOPE = 'contacts.read items.read';

export function customCredentialData(
	ctx: E2eContext,
	client: TestClient,
	grantType: GrantType,
): Record<string, unknown> {
	return {
		provider: 'custom',
		grantType,
		customAuthUrl: ctx.auth.authorizeUrl,
		customTokenUrl: ctx.auth.tokenUrl,
		customClientAuthentication: client.authMethod === 'client_secret_post' ? 'body' : 'header',
		customApiBaseUrl: ctx.api.url,
		appClientId: client.clientId,
		appClientSecret: client.clientSecret ?? '',
		scopes: TYPED_SCOPES,
	};
}

export async function createCredential(
	ctx: E2eContext,
	name: string,
	data: Record<string, unknown>,
) {
	return ctx.rest.createCredential(`${name} ${Date.now().toString(36)}`, CREDENTIAL_TYPE, data);
}

export interface TokenData {
	access_token?: string;
	refresh_token?: string;
	token_type?: string;
	expires_in?: number;
	n8n_expires_at?: string;
	scope?: string;
}

/** Whether n8n holds a token for the credential (its REST API shows only `oauthTokenData: true`). */
export async function isConnected(ctx: E2eContext, credentialId: string): Promise<boolean> {
	const credential = await ctx.rest.getCredential(credentialId);
	return Boolean(credential.data?.oauthTokenData);
}

/** The stored, decrypted token data, read with n8n's own CLI (the REST API never returns it). */
export async function storedTokenData(
	ctx: E2eContext,
	credentialId: string,
): Promise<TokenData | undefined> {
	const file = path.join(ctx.workDir, `credential-${credentialId}.json`);
	await ctx.n8n.cli([
		'export:credentials',
		`--id=${credentialId}`,
		'--decrypted',
		`--output=${file}`,
	]);
	const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
		data?: { oauthTokenData?: TokenData };
	}>;
	fs.rmSync(file);
	return exported[0]?.data?.oauthTokenData;
}

/** Creates a credential and connects it over HTTP; asserts n8n stored a token. */
export async function createConnectedCredential(
	ctx: E2eContext,
	name: string,
	data: Record<string, unknown>,
) {
	const credential = await createCredential(ctx, name, data);
	const result = await connectOverHttp(ctx.rest, credential.id);
	assert.equal(
		result.callbackStatus,
		200,
		`callback answered ${result.callbackStatus}: ${result.callbackHtml.slice(0, 300)}`,
	);
	assert.doesNotMatch(
		result.callbackHtml,
		/error/i,
		`callback page reports an error: ${result.callbackHtml.slice(0, 500)}`,
	);
	assert.ok(await isConnected(ctx, credential.id), 'n8n shows no token data for the credential');
	const issued = [...ctx.auth.tokenRequests, ...(ctx.keycloak?.tokenRequests ?? [])].filter(
		(r) => r.status === 200 && r.accessToken,
	);
	assert.ok(
		issued.length > 0,
		`the auth server issued no token: ${JSON.stringify(ctx.auth.tokenRequests)}`,
	);
	return { credential, authUrl: result.authUrl };
}

export { CLIENTS };
