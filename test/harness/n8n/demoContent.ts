/**
 * The demo content of a real n8n: the demo connections (one connected, one never connected) and
 * one flow per node, plus the AI Agent flow. `npm start` (test/demo/start.ts) shows them; the
 * end-to-end scenarios check them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

import { CLIENTS, type OpenIdServer } from '../openIdProvider';
import { createAgentDemo } from './agentDemo';
import { CREDENTIAL_TYPE, NODE_TYPES } from './context';
import { connectOverHttp } from './oauthFlow';
import type { N8nRest } from './server';

const HTTP_NODE = NODE_TYPES.httpRequest;
const FETCH_NODE = NODE_TYPES.fetchVariables;
const HEALTH_FLOW = path.resolve(
	__dirname,
	'..',
	'..',
	'..',
	'docs',
	'workflows',
	'connection-health.json',
);
const MANUAL = 'When clicking ‘Execute workflow’';

/** The credential type name, from the HTTP node's description (falls back to the known name). */
async function credentialTypeName(rest: N8nRest): Promise<string> {
	const nodes = await rest.request<Array<{ name: string; credentials?: Array<{ name: string }> }>>(
		'GET',
		'/types/nodes.json',
	);
	return nodes.find((n) => n.name === HTTP_NODE)?.credentials?.[0]?.name ?? CREDENTIAL_TYPE;
}

/**
 * The demo connections and one flow per node; returns the flows' names, each runnable with one
 * click. With `agentModelBaseUrl` (a stub model's), also the AI Agent flow with the HTTP tool.
 */
export async function createDemoContent(
	rest: N8nRest,
	auth: OpenIdServer,
	apiOrigin: string,
	agentModelBaseUrl?: string,
): Promise<Array<{ id: string; name: string }>> {
	const type = await credentialTypeName(rest);
	const connection = (name: string) =>
		rest.createCredential(name, type, {
			provider: 'custom',
			grantType: 'authorizationCode',
			customAuthUrl: auth.authorizeUrl,
			customTokenUrl: auth.tokenUrl,
			customClientAuthentication: 'header',
			customApiBaseUrl: apiOrigin,
			appClientId: CLIENTS.basic.clientId,
			appClientSecret: CLIENTS.basic.clientSecret,
			scopes: 'contacts.read items.read',
		});
	const credential = await connection('Demo API (local OAuth2 server)');
	await connectOverHttp(rest, credential.id);
	const uses = { [type]: { id: credential.id, name: credential.name } };
	const unconnected = await connection('Demo API (never connected)');
	const node = (
		name: string,
		nodeType: string,
		typeVersion: number,
		x: number,
		parameters: Record<string, unknown>,
	) => ({
		id: randomUUID(),
		name,
		type: nodeType,
		typeVersion,
		position: [x, 0],
		parameters,
	});
	const flows: Array<{ id: string; name: string }> = [];
	flows.push(
		await rest.createWorkflow({
			name: 'Demo: read a contact and all items',
			nodes: [
				node(MANUAL, 'n8n-nodes-base.manualTrigger', 1, 0, {}),
				{
					...node('Get contact 1', HTTP_NODE, 1, 260, { method: 'GET', url: '/contacts/1' }),
					credentials: { [type]: { id: credential.id, name: credential.name } },
				},
				{
					...node('List items (cursor pages)', HTTP_NODE, 1, 520, {
						method: 'GET',
						url: '/items/cursor',
						pagination: 'cursor',
						recordsPath: 'data',
						cursorPath: 'meta.next_cursor',
						cursorParameter: 'cursor',
					}),
					credentials: { [type]: { id: credential.id, name: credential.name } },
				},
			],
			connections: {
				[MANUAL]: {
					main: [[{ node: 'Get contact 1', type: 'main', index: 0 }]],
				},
				'Get contact 1': {
					main: [[{ node: 'List items (cursor pages)', type: 'main', index: 0 }]],
				},
			},
		}),
	);
	flows.push(
		await rest.createWorkflow({
			name: 'Demo: fetch a contact’s name into variables',
			nodes: [
				node(MANUAL, 'n8n-nodes-base.manualTrigger', 1, 0, {}),
				{
					...node('Fetch Variables', FETCH_NODE, 1, 260, {
						method: 'GET',
						url: '/contacts/1',
						variables: {
							variable: [
								{
									name: 'firstName',
									path: { __rl: true, mode: 'path', value: 'data.first_name' },
									type: 'string',
								},
								{
									name: 'lastName',
									path: { __rl: true, mode: 'path', value: 'data.last_name' },
									type: 'string',
								},
							],
						},
						output: 'only',
					}),
					credentials: uses,
				},
			],
			connections: { [MANUAL]: { main: [[{ node: 'Fetch Variables', type: 'main', index: 0 }]] } },
		}),
	);
	// The connection health flow users import, pointed at one connected and one unconnected connection.
	const health = JSON.parse(fs.readFileSync(HEALTH_FLOW, 'utf8')) as {
		nodes: Array<{ name: string; parameters: Record<string, unknown>; credentials?: unknown }>;
		connections: Record<string, unknown>;
	};
	for (const flowNode of health.nodes) {
		if (flowNode.name === 'Check CRM connection') flowNode.credentials = uses;
		if (flowNode.name === 'Check Mailbox connection')
			flowNode.credentials = { [type]: { id: unconnected.id, name: unconnected.name } };
		if (flowNode.credentials) flowNode.parameters.checkUrl = '/contacts/1';
	}
	flows.push(
		await rest.createWorkflow({
			name: 'Demo: connection health (one connected, one never connected)',
			nodes: health.nodes,
			connections: health.connections,
		}),
	);
	if (agentModelBaseUrl)
		flows.push(
			await createAgentDemo(rest, { id: credential.id, name: credential.name }, agentModelBaseUrl),
		);
	return flows;
}
