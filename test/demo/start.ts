// `npm start`: a local playground. n8n 2.41 with this package installed from its tarball, a real
// OAuth2 authorization server and a small API, all on 127.0.0.1; an owner account, a connected
// demo connection and a demo flow for each node of the package. Ctrl-C, or SIGINT / SIGTERM to
// `npm start`'s process (scripts/toolchain.cjs passes it to the whole process group), stops everything.
// N8N_DEMO_PORT picks n8n's port. `--queue` (npm run start:queue) runs the same in queue mode:
// Redis, Postgres, n8n main and two workers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
	API_SCOPES,
	CLIENTS,
	DEFAULT_SCOPES,
	startOpenIdServer,
	TEST_USER,
	type OpenIdServer,
} from '../harness/openIdProvider';
import { closeBrowser } from '../harness/n8n/browser';
import { ensureN8n } from '../harness/n8n/install';
import {
	freePort,
	N8nRest,
	OWNER,
	packPackage,
	startN8n,
	type N8nServer,
} from '../harness/n8n/server';
import { createDemoContent } from '../harness/n8n/demoContent';
import { ResourceServer } from '../harness/resourceServer';
import { startQueueStack } from '../queue/stack';
import { AGENT_DEMO_PROMPT, startDemoModel } from '../harness/n8n/agentDemo';

const REPO_DIR = path.resolve(__dirname, '..', '..');
const QUEUE = process.argv.includes('--queue');

function log(message: string): void {
	process.stdout.write(`${message}\n`);
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
		let auth: OpenIdServer | undefined;
		const api = new ResourceServer(
			async (token) => (await auth!.validateAccessToken(token)) !== undefined,
		);
		await api.start();
		stops.push(() => api.stop());
		auth = await startOpenIdServer({
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
