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
	type Connection,
} from '../transport/connection';
import { readTokenFacts, type TokenFacts } from '../transport/tokenFacts';

function describeToken(connection: Connection, facts: TokenFacts): string[] {
	const parts: string[] = [];
	if (facts.idTokenAccount) parts.push(`signed in as ${facts.idTokenAccount}`);
	if (connection.expiresAt !== undefined) {
		const time = new Date(connection.expiresAt).toISOString().replace(/\.\d+Z$/, 'Z');
		parts.push(
			connection.expiresAt > Date.now()
				? `token valid until ${time}`
				: `token expired ${time}${connection.hasRefreshToken ? ' (refreshed on next use)' : ''}`,
		);
	}
	if (facts.grantedScopes?.length) parts.push(`scopes: ${facts.grantedScopes.join(' ')}`);
	return parts;
}

export async function getConnectionStatus(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const connection = describeConnection(credentials, connectionName(this.getNode()));
	assertConfigured(this.getNode(), connection);
	assertAuthorized(this.getNode(), connection);
	const where = connection.blocksAllRequests
		? 'blocks all requests'
		: connection.allowedDomains === undefined
			? 'may call any host'
			: `may call ${connection.allowedDomains}`;
	const grant = connection.grantType === 'clientCredentials' ? 'client credentials' : 'authorized';
	const token = describeToken(connection, readTokenFacts(credentials));
	const api = connection.apiBaseUrl
		? `; API ${connection.apiBaseUrl}${connection.apiBaseUrlFrom ? ` (from the token's ${connection.apiBaseUrlFrom})` : ''}`
		: '';
	return [
		{
			name: `Connection '${connection.name}' is ${grant}${token.length ? `, ${token.join(', ')}` : ''}; ${where}${api}`,
			value: '',
		},
	];
}
