// `npm start`: a local playground. n8n 2.41 with this package installed from its tarball, a real
// OAuth2 authorization server and a small API, all on 127.0.0.1; an owner account, a connected
// demo connection and a demo flow for each node of the package. Ctrl-C, or SIGINT / SIGTERM to
// `npm start`'s process (scripts/toolchain.cjs passes it to the whole process group), stops everything.
// N8N_DEMO_PORT picks n8n's port. `--queue` (npm run start:queue) runs the same in queue mode:
// Redis, Postgres, n8n main and two workers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

import {
	API_SCOPES,
	CLIENTS,
	DEFAULT_SCOPES,
	startAuthServer,
	TEST_USER,
	type AuthServer,
} from '../harness/openIdProvider';
import { closeBrowser } from '../e2e/browser';
import { ensureN8n } from '../e2e/n8nInstall';
import { freePort, N8nRest, OWNER, packPackage, startN8n, type N8nServer } from '../e2e/n8nServer';
import { connectOverHttp } from '../e2e/oauthFlow';
import { ResourceServer } from '../harness/resourceServer';
import { startQueueStack } from '../queue/stack';
import { AGENT_DEMO_PROMPT, createAgentDemo, startDemoModel } from './agentDemo';

const REPO_DIR = path.resolve(__dirname, '..', '..');
const HTTP_NODE = 'n8n-nodes-oauth2-connections.oAuth2HttpRequest';
const FETCH_NODE = 'n8n-nodes-oauth2-connections.fetchVariables';
const HEALTH_FLOW = path.join(REPO_DIR, 'docs', 'workflows', 'connection-health.json');
const MANUAL = 'When clicking ‘Execute workflow’';
const QUEUE = process.argv.includes('--queue');

function log(message: string): void {
	process.stdout.write(`${message}\n`);
}

/** The credential type name, from the HTTP node's description (falls back to the known name). */
async function credentialTypeName(rest: N8nRest): Promise<string> {
	const nodes = await rest.request<Array<{ name: string; credentials?: Array<{ name: string }> }>>(
		'GET',
		'/types/nodes.json',
	);
	return nodes.find((n) => n.name === HTTP_NODE)?.credentials?.[0]?.name ?? 'connectionOAuth2Api';
}

/**
 * The demo connections and one flow per node; returns the flows' names, each runnable with one
 * click. With `agentModelBaseUrl` (a stub model's), also the AI Agent flow with the HTTP tool.
 */
export async function createDemoContent(
	rest: N8nRest,
	auth: AuthServer,
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

async function main(): Promise<void> {
	const stops: Array<() => Promise<void>> = [];
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-oauth2-demo-'));
	let stopping: Promise<void> | undefined;
	const stop = () =>
		(stopping ??= (async () => {
			log('\nstopping…');
			await closeBrowser();
			for (const fn of stops.reverse()) await fn().catch(() => undefined);
			fs.rmSync(workDir, { recursive: true, force: true });
		})());
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.on(signal, () => void stop().finally(() => process.exit(0)));

	try {
		const install = await ensureN8n();
		fs.mkdirSync(path.join(workDir, 'pack'));
		const { tarball, missing } = await packPackage(
			REPO_DIR,
			path.join(workDir, 'pack'),
			path.join(workDir, 'pack.log'),
		);
		if (missing.length) log(`note: not built, left out: ${missing.join(', ')}`);

		const port = Number(process.env.N8N_DEMO_PORT) || (await freePort());
		let auth: AuthServer | undefined;
		const api = new ResourceServer(
			async (token) => (await auth!.validateAccessToken(token)) !== undefined,
		);
		await api.start();
		stops.push(() => api.stop());
		auth = await startAuthServer({
			redirectUris: [`http://127.0.0.1:${port}/rest/oauth2-credential/callback`],
			resourceUrl: `${api.url}/`,
		});
		stops.push(() => auth!.close());
		const model = startDemoModel();
		await model.start();
		stops.push(() => model.stop());
		let n8n: N8nServer;
		let rest: N8nRest;
		let queueLines = '';
		if (QUEUE) {
			const stack = await startQueueStack({ install, tarball, workDir, workers: 2, port });
			stops.push(() => stack.stop());
			n8n = stack.main;
			rest = stack.rest;
			queueLines = `
  Queue mode   main ${stack.main.url} (log ${stack.main.logFile})
${stack.workers.map((worker, index) => `               worker ${index + 1}: log ${worker.logFile}`).join('\n')}
               Redis and Postgres on 127.0.0.1 (see test/queue/stack.ts for the env each process gets)
               Production webhooks and scheduled runs go to the workers.
`;
		} else {
			n8n = await startN8n({ install, workDir: path.join(workDir, 'n8n'), tarball, port });
			stops.push(() => n8n.stop());
			rest = new N8nRest(n8n.url);
			await rest.setupOwner();
		}
		const flows = await createDemoContent(rest, auth, api.url, model.baseUrl);

		log(`
n8n with n8n-nodes-oauth2-connections is running.

  Open       ${n8n.url}
  Email      ${OWNER.email}
  Password   ${OWNER.password}

  Demo flows (open one and click Execute workflow):
${flows.map((flow) => `    ${flow.name}  ${n8n.url}/workflow/${flow.id}`).join('\n')}
  Demo connections "Demo API (local OAuth2 server)", already connected,
                   "Demo API (never connected)", for the health flow's Needs Attention
${queueLines}
  Local OAuth2 server  ${auth.issuer}
    authorize  ${auth.authorizeUrl}
    token      ${auth.tokenUrl}
    clients    ${CLIENTS.basic.clientId} / ${CLIENTS.basic.clientSecret} (client_secret_basic)
               ${CLIENTS.post.clientId} / ${CLIENTS.post.clientSecret} (client_secret_post)
               ${CLIENTS.public.clientId} (public, PKCE)
    sign-in    ${TEST_USER.username} / ${TEST_USER.password}
    scopes     openid offline_access ${API_SCOPES.join(' ')}; Scopes left empty get ${DEFAULT_SCOPES.join(' ')}
  Local API    ${api.url}  (GET /contacts/:id, GET /items/cursor?cursor=, GET /me)
  Stub model   ${model.baseUrl}  (scripted, not an LLM: the agent demo's "OpenAI" model calls the
               tool for the contact number or URL in the prompt, "${AGENT_DEMO_PROMPT}",
               then answers from the tool's result; put a URL on another host in the prompt to
               see the refusal)
  n8n log      ${n8n.logFile}

Press Ctrl-C to stop (SIGINT or SIGTERM to npm start's process does the same).`);
		// Exit if n8n dies on its own.
		n8n.process.once('exit', () => {
			if (stopping) return;
			log('n8n exited');
			void stop().finally(() => process.exit(1));
		});
	} catch (error) {
		log(`demo failed: ${error?.stack ?? error}`);
		await stop();
		process.exit(1);
	}
}

if (require.main === module) void main();
