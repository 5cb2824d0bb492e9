/**
 * Design-time check: the host lists every OAuth2 Connection in the dropdown, connected or not,
 * so the panel asks here and shows what to click.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { assertAuthorized, assertConfigured, loadConnection } from '../transport/connection';

export async function getConnectionStatus(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const connection = await loadConnection(this);
	assertConfigured(this.getNode(), connection);
	assertAuthorized(this.getNode(), connection);
	const where = connection.blocksAllRequests
		? 'blocks all requests'
		: connection.allowedDomains === undefined
			? 'may call any host'
			: `may call ${connection.allowedDomains}`;
	const grant = connection.grantType === 'clientCredentials' ? 'client credentials' : 'authorized';
	const api = connection.apiBaseUrl
		? `; API ${connection.apiBaseUrl}${connection.apiBaseUrlFrom ? ` (from the token's ${connection.apiBaseUrlFrom})` : ''}`
		: '';
	return [
		{
			name: `Connection '${connection.name}' is ${grant}; ${where}${api}`,
			value: '',
		},
	];
}
