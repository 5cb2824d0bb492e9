/**
 * Design-time check: the host lists every OAuth2 Connection in the dropdown, connected or not,
 * so the panel asks here and shows what to click, or who the connection is signed in as, until
 * when its token is valid, its scopes and where it may send the token.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	assertAuthorized,
	assertConfigured,
	connectionName,
	CREDENTIAL_TYPE,
	describeConnection,
	isBrowserGrant,
	type Connection,
	readTokenFacts,
	type TokenFacts,
} from '../transport';

/** What the panel shows while no connection is assigned (the editor asks before it assigns one). */
export const NO_CONNECTION_STATUS = 'Choose a connection above to see its status here';

function isoTime(epochMs: number): string {
	return new Date(epochMs).toISOString().replace(/\.\d+Z$/, 'Z');
}

const DAY_MS = 86_400_000;

/**
 * `12:42 UTC` within a day of now (the next or the last 12:42), the date `2026-12-04` further
 * away: the longest line, "Client credentials, token valid until 2026-12-04", is the 48
 * characters the select box shows. The description under it has the exact time.
 */
function shortTime(epochMs: number): string {
	const [day, time] = new Date(epochMs).toISOString().split('T');
	return Math.abs(epochMs - Date.now()) < DAY_MS ? `${time.slice(0, 5)} UTC` : day;
}

function describeToken(connection: Connection, facts: TokenFacts): string[] {
	const parts: string[] = [];
	if (facts.idTokenAccount) parts.push(`signed in as ${facts.idTokenAccount}`);
	if (connection.expiresAt !== undefined) {
		const time = isoTime(connection.expiresAt);
		parts.push(
			connection.expiresAt > Date.now()
				? `token valid until ${time}`
				: `token expired ${time}${connection.hasRefreshToken ? ' (refreshed on next use)' : ''}`,
		);
	}
	if (facts.grantedScopes?.length) parts.push(`scopes: ${facts.grantedScopes.join(' ')}`);
	return parts;
}

/** The line the select box shows: the grant and the token's state, without names or lists. */
function summarize(connection: Connection): string {
	const grant = isBrowserGrant(connection.grantType) ? 'Authorized' : 'Client credentials';
	if (connection.blocksAllRequests) return `${grant}; blocks all requests`;
	if (connection.expiresAt === undefined) return grant;
	return connection.expiresAt > Date.now()
		? `${grant}, token valid until ${shortTime(connection.expiresAt)}`
		: `${grant}, token expired ${shortTime(connection.expiresAt)}`;
}

export async function getConnectionStatus(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	if (!this.getNode().credentials?.[CREDENTIAL_TYPE]) {
		return [{ name: NO_CONNECTION_STATUS, value: '' }];
	}
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const connection = describeConnection(credentials, connectionName(this.getNode()));
	assertConfigured(this.getNode(), connection);
	assertAuthorized(this.getNode(), connection);
	const where = connection.blocksAllRequests
		? 'blocks all requests'
		: connection.allowedDomains === undefined
			? 'may call any host'
			: `may call ${connection.allowedDomains}`;
	const grant = isBrowserGrant(connection.grantType) ? 'authorized' : 'client credentials';
	const token = describeToken(connection, readTokenFacts(credentials));
	const api = connection.apiBaseUrl
		? `; API ${connection.apiBaseUrl}${connection.apiBaseUrlFrom ? ` (from the token's ${connection.apiBaseUrlFrom})` : ''}`
		: '';
	return [
		{
			name: summarize(connection),
			value: '',
			// The dropdown shows it under the line: the whole status, readable.
			description: `Connection '${connection.name}' is ${grant}${token.length ? `, ${token.join(', ')}` : ''}; ${where}${api}`,
		},
	];
}
