/**
 * The credential's Grant Type values, shared by the credential's form and the nodes' request path.
 */

export const GRANT_TYPES = ['authorizationCode', 'pkce', 'clientCredentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** The grants a user signs in to in a browser popup (Connect): without a token they are not authorized. */
export const BROWSER_GRANTS: readonly GrantType[] = ['authorizationCode', 'pkce'];

/** The stored Grant Type, authorization code for a value this version does not know. */
export function grantTypeOf(value: unknown): GrantType {
	return GRANT_TYPES.find((grant) => grant === value) ?? 'authorizationCode';
}

export function isBrowserGrant(grant: GrantType): boolean {
	return BROWSER_GRANTS.includes(grant);
}
