/**
 * What the stored token data says about a connection, without any request: who it is signed in
 * as (the id token's claims, read, not verified: for display only), which scopes were granted
 * against asked for, and when the access and refresh tokens expire. Never a token itself.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { splitList } from './connectionSettings';

export interface TokenFacts {
	/** From the token response's `scope`; undefined when the provider did not say. */
	grantedScopes: string[] | undefined;
	/** What the connection asks for (the scope string the host sends). */
	requestedScopes: string[];
	/** Subject, email or name from the id token, when there is one. */
	idTokenAccount: string | undefined;
	/** Epoch milliseconds; from refresh_token_expires_in or x_refresh_token_expires_in. */
	refreshTokenExpiresAt: number | undefined;
}

/** Scopes providers grant without echoing them back (OpenID and refresh scopes). */
const UNECHOED_SCOPES = new Set([
	'openid',
	'profile',
	'email',
	'offline_access',
	'offline',
	'offline.access',
	'refresh_token',
]);

const ACCOUNT_FIELDS = [
	'email',
	'mail',
	'userPrincipalName',
	'preferred_username',
	'login',
	'username',
	'name',
	'display_name',
	'displayName',
	'sub',
	'id',
];

/** The account a JSON object names: an email, a login, a name or an id, also one level down. */
export function accountIn(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const record = value as Record<string, unknown>;
	for (const field of ACCOUNT_FIELDS) {
		const found = record[field];
		if ((typeof found === 'string' && found.trim() !== '') || typeof found === 'number')
			return String(found);
	}
	for (const nested of ['data', 'user', 'resource', 'me', 'account']) {
		const found = accountIn(record[nested]);
		if (found !== undefined) return found;
	}
	return undefined;
}

function idTokenClaims(idToken: unknown): Record<string, unknown> | undefined {
	if (typeof idToken !== 'string') return undefined;
	const payload = idToken.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		return typeof claims === 'object' && claims !== null
			? (claims as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export function readTokenFacts(credentials: ICredentialDataDecryptedObject): TokenFacts {
	const tokenData = (credentials.oauthTokenData ?? {}) as Record<string, unknown>;
	const granted = tokenData.scope;
	const expiresAt = Number(tokenData.n8n_expires_at);
	const lifetimeSeconds = Number(tokenData.expires_in);
	const refreshLifetime = Number(
		tokenData.refresh_token_expires_in ?? tokenData.x_refresh_token_expires_in,
	);
	// The host stores when the access token expires, not when it was issued: derive it.
	const issuedAt =
		Number.isFinite(expiresAt) && Number.isFinite(lifetimeSeconds)
			? expiresAt - lifetimeSeconds * 1000
			: undefined;
	const claims = idTokenClaims(tokenData.id_token);
	return {
		grantedScopes:
			typeof granted === 'string'
				? splitList(granted)
				: Array.isArray(granted)
					? granted.map(String)
					: undefined,
		requestedScopes: splitList(credentials.scope),
		idTokenAccount: claims
			? accountIn({ email: claims.email, name: claims.name, sub: claims.sub })
			: undefined,
		refreshTokenExpiresAt:
			issuedAt !== undefined && Number.isFinite(refreshLifetime) && refreshLifetime > 0
				? issuedAt + refreshLifetime * 1000
				: undefined,
	};
}

/**
 * A scope as providers echo it: compared without case, and a resource-qualified scope
 * (`https://graph.microsoft.com/Mail.Read`) by its short name, which Microsoft echoes instead.
 */
function scopeKey(scope: string): string {
	const lower = scope.toLowerCase();
	return /^https?:\/\/[^/]+\/[^/]+$/.test(lower) ? lower.replace(/^https?:\/\/[^/]+\//, '') : lower;
}

/**
 * Asked for, not granted: scopes providers never echo are not counted, nor `.default` (Microsoft
 * answers it with the permissions it stands for).
 */
export function missingScopes(facts: TokenFacts): string[] {
	if (facts.grantedScopes === undefined) return [];
	const granted = new Set(
		facts.grantedScopes.flatMap((scope) => [scope.toLowerCase(), scopeKey(scope)]),
	);
	return facts.requestedScopes.filter((scope) => {
		const key = scopeKey(scope);
		return (
			!granted.has(scope.toLowerCase()) &&
			!granted.has(key) &&
			!UNECHOED_SCOPES.has(key) &&
			key !== '.default'
		);
	});
}
