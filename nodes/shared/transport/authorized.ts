/**
 * Is the connection authorized: refused before anything is sent when its settings cannot work, or
 * when a browser grant was never connected. The first step of the request path.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import { withProblem } from './errors';
import { isBrowserGrant, type Connection } from './types';

/** Refuses, before anything is sent, a connection whose settings cannot work. */
export function assertConfigured(node: INode, connection: Connection, itemIndex?: number): void {
	if (connection.misconfiguration === undefined) return;
	throw withProblem(
		new NodeOperationError(node, connection.misconfiguration.message, {
			itemIndex,
			description: connection.misconfiguration.description,
		}),
		'misconfigured',
	);
}

/** The host cannot hide unconnected credentials from the dropdown, so every request checks. */
export function assertAuthorized(node: INode, connection: Connection, itemIndex?: number): void {
	if (!isBrowserGrant(connection.grantType) || connection.accessToken) return;
	throw withProblem(
		new NodeOperationError(
			node,
			`Connection '${connection.name}' is not authorized yet: open it and click Connect`,
			{
				itemIndex,
				description:
					'Open Credentials, select this connection (an Any Service OAuth2 API credential) and click Connect (Reconnect if it was connected before), finish the sign-in in the popup, then run the node again.',
			},
		),
		'needsReconnect',
	);
}
