// End-to-end run (`npm run test:e2e`, which builds dist/ first): a real n8n 2.41 with this
// package installed from its tarball, a real OAuth2 authorization server and an API, all on
// 127.0.0.1. Prints "N passed, M failed" last and exits non-zero on any failure.
// `--only <text>` (or E2E_ONLY=<text>) runs the scenarios whose name contains the text;
// E2E_KEEP=1 keeps the work directory; E2E_UPDATE_SCREENSHOTS=1 also writes the README's
// screenshots into docs/screenshots/ (`npm run update`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { withTimeout } from '../harness/deadline';
import { closeBrowser } from '../harness/n8n/browser';
import { startOpenIdServer, type OpenIdServer } from '../harness/openIdProvider';
import type {
	CredentialTypeDescription,
	E2eContext,
	NodeTypeDescription,
	Scenario,
} from '../harness/n8n/context';
import { CREDENTIAL_TYPE, NODE_TYPES, setCredentialType } from '../harness/n8n/context';
import { ensureN8n } from '../harness/n8n/install';
import {
	freePort,
	N8nRest,
	packPackage,
	PACKAGE_NAME,
	startN8n,
	type N8nServer,
} from '../harness/n8n/server';
import { ResourceServer } from '../harness/resourceServer';
import { agentScenarios } from './scenarios/agentScenarios';
import { browserScenarios } from './scenarios/browserScenarios';
import { credentialScenarios } from './scenarios/credentialScenarios';
import { editorScenarios } from './scenarios/editorScenarios';
import { firstMinutesScenarios } from './scenarios/firstMinutesScenarios';
import { realN8nTiming } from './realN8nTiming';
import { nodeScenarios } from './scenarios/nodeScenarios';
import { createLoopbackCertificate, trustInThisProcess } from '../harness/n8n/tlsCert';
import { flattedParser } from '../harness/n8n/workflows';

const REPO_DIR = path.resolve(__dirname, '..', '..');
const GLOBAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS) || 30 * 60_000;
const SCENARIO_TIMEOUT_MS = 120_000;

const cleanups: Array<() => Promise<void>> = [];
/** Results so far, for the closing line even when the global time bound cuts the run short. */
const counts = { passed: 0, failed: 0, skipped: 0 };
let cleaningUp: Promise<void> | undefined;

function log(message: string): void {
	process.stdout.write(`${message}\n`);
}

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Stops everything started so far, newest first; safe to call more than once. */
function cleanup(): Promise<void> {
	cleaningUp ??= (async () => {
		for (const stop of cleanups.reverse())
			await stop().catch((error) => log(`cleanup: ${error?.message ?? error}`));
	})();
	return cleaningUp;
}

/** The `--only <text>` argument, or E2E_ONLY. */
function onlyFilter(): string | undefined {
	const index = process.argv.indexOf('--only');
	return index === -1 ? process.env.E2E_ONLY : process.argv[index + 1];
}

async function loadTypes(rest: N8nRest): Promise<Pick<E2eContext, 'credentialType' | 'nodeTypes'>> {
	const credentials = await rest.request<CredentialTypeDescription[]>(
		'GET',
		'/types/credentials.json',
	);
	const nodes = await rest.request<NodeTypeDescription[]>('GET', '/types/nodes.json');
	const nodeTypes = new Map(
		nodes.filter((n) => n.name.startsWith(`${PACKAGE_NAME}.`)).map((n) => [n.name, n]),
	);
	const fromNode = nodeTypes.get(NODE_TYPES.httpRequest)?.credentials?.[0]?.name;
	if (fromNode && fromNode !== CREDENTIAL_TYPE) {
		log(`credential type is ${fromNode} (per the HTTP node), not ${CREDENTIAL_TYPE}`);
		setCredentialType(fromNode);
	}
	return { credentialType: credentials.find((c) => c.name === CREDENTIAL_TYPE), nodeTypes };
}

async function setUp(workDir: string): Promise<E2eContext> {
	const install = await ensureN8n();
	const packDir = path.join(workDir, 'pack');
	fs.mkdirSync(packDir, { recursive: true });
	const { tarball, missing } = await packPackage(REPO_DIR, packDir, path.join(workDir, 'pack.log'));
	if (missing.length) log(`WARNING: not built yet, packed without them: ${missing.join(', ')}`);

	const n8nPort = await freePort();
	let auth: OpenIdServer | undefined;
	let keycloak: OpenIdServer | undefined;
	// Tokens of either auth server are good at the API.
	const api = new ResourceServer(
		async (token) =>
			((await auth!.validateAccessToken(token)) ?? (await keycloak?.validateAccessToken(token))) !==
			undefined,
	);
	await api.start();
	cleanups.push(() => api.stop());
	const redirectUris = [`http://127.0.0.1:${n8nPort}/rest/oauth2-credential/callback`];
	auth = await startOpenIdServer({ redirectUris, resourceUrl: `${api.url}/` });
	cleanups.push(() => auth!.close());
	const extraEnv: Record<string, string> = {};
	try {
		const certificate = createLoopbackCertificate(path.join(workDir, 'tls'));
		trustInThisProcess(certificate.cert);
		extraEnv.NODE_EXTRA_CA_CERTS = certificate.certFile;
		keycloak = await startOpenIdServer({
			redirectUris,
			resourceUrl: `${api.url}/`,
			realm: 'e2e',
			tls: certificate,
		});
		cleanups.push(() => keycloak!.close());
	} catch (error) {
		log(`no HTTPS auth server (Keycloak scenarios skipped): ${error?.message ?? error}`);
	}
	log(`auth server ${auth.issuer}, HTTPS "Keycloak" ${keycloak?.issuer ?? 'none'}, API ${api.url}`);

	const started = Date.now();
	const n8n: N8nServer = await startN8n({
		install,
		workDir: path.join(workDir, 'n8n'),
		tarball,
		port: n8nPort,
		extraEnv,
	});
	cleanups.push(() => n8n.stop());
	log(`n8n ready at ${n8n.url} in ${seconds(started)} (package install included)`);

	const rest = new N8nRest(n8n.url);
	await rest.setupOwner();
	const screenshotDir = path.join(__dirname, 'screenshots');
	fs.mkdirSync(screenshotDir, { recursive: true });
	return {
		install,
		auth,
		keycloak,
		api,
		n8n,
		rest,
		workDir,
		screenshotDir,
		parseFlatted: flattedParser(install.dir),
		...(await loadTypes(rest)),
		clearRecords() {
			auth!.clearRecords();
			keycloak?.clearRecords();
			api.clearRecords();
		},
	};
}

async function runScenarios(ctx: E2eContext, scenarios: Scenario[]): Promise<void> {
	const only = onlyFilter();
	for (const scenario of scenarios) {
		if (only && !scenario.name.includes(only)) continue;
		const skipReason = scenario.skip?.(ctx);
		if (skipReason) {
			counts.skipped++;
			log(`- skipped: ${scenario.name} (${skipReason})`);
			continue;
		}
		ctx.clearRecords();
		const started = Date.now();
		try {
			await withTimeout(
				scenario.run(ctx),
				scenario.timeoutMs ?? SCENARIO_TIMEOUT_MS,
				scenario.name,
			);
			counts.passed++;
			log(`✓ ${scenario.name} (${seconds(started)})`);
		} catch (error) {
			counts.failed++;
			log(
				`✗ ${scenario.name} (${seconds(started)})\n    ${String(error?.stack ?? error)
					.split('\n')
					.slice(0, 8)
					.join('\n    ')}`,
			);
		}
	}
}

async function main(): Promise<number> {
	const startedAt = Date.now();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-oauth2-e2e-'));
	let failedSetup = false;
	try {
		const ctx = await setUp(workDir);
		log(
			`setup done in ${seconds(startedAt)}; node types loaded: ${[...ctx.nodeTypes.keys()].join(', ') || 'none'}`,
		);
		await runScenarios(ctx, [
			...credentialScenarios,
			...browserScenarios,
			...editorScenarios,
			...firstMinutesScenarios,
			...nodeScenarios,
			...agentScenarios,
			realN8nTiming,
		]);
	} catch (error) {
		failedSetup = true;
		counts.failed++;
		log(`✗ setup failed: ${String(error?.stack ?? error)}`);
	} finally {
		await closeBrowser();
		await cleanup();
	}
	const keep = process.env.E2E_KEEP || failedSetup || counts.failed > 0;
	if (keep) log(`work directory kept (n8n log, npm logs): ${workDir}`);
	else fs.rmSync(workDir, { recursive: true, force: true });
	log(`total ${seconds(startedAt)}${counts.skipped ? `; ${counts.skipped} skipped` : ''}`);
	log(`${counts.passed} passed, ${counts.failed} failed`);
	return counts.failed > 0 ? 1 : 0;
}

// Always stop n8n and the servers: on Ctrl-C, on termination and on the global time bound.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		log(`${signal}: stopping`);
		void cleanup().finally(() => process.exit(130));
	});
}
const globalTimer = setTimeout(() => {
	log(`global time bound of ${GLOBAL_TIMEOUT_MS / 60_000} min reached: stopping`);
	void closeBrowser()
		.finally(cleanup)
		.finally(() => {
			log(`${counts.passed} passed, ${counts.failed + 1} failed`);
			process.exit(1);
		});
}, GLOBAL_TIMEOUT_MS);
globalTimer.unref();

main().then(
	(code) => process.exit(code),
	(error) => {
		log(String(error?.stack ?? error));
		void cleanup().finally(() => process.exit(1));
	},
);
