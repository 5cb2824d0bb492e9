// Starts n8n (from the cached install) on 127.0.0.1 with a fresh user folder and this package
// installed the way users install community packages: `npm pack`, then `npm install <tarball>` in
// ~/.n8n/nodes. Also a small REST client for the calls the tests need.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { N8nInstall } from './install';

export const PACKAGE_NAME = 'n8n-nodes-oauth2-connections';
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Olive',
	lastName: 'Owner',
	password: 'E2e-Password-2024',
};
const ENCRYPTION_KEY = 'e2e-fixed-encryption-key-0123456789';
const RESERVED_PORTS = new Set([5678, 5679, 5680, 5681]);

function log(message: string): void {
	process.stderr.write(`[n8n] ${message}\n`);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A port free on 127.0.0.1 right now, never one of n8n's defaults (their clash is confusing). */
export async function freePort(avoid: Iterable<number> = []): Promise<number> {
	const taken = new Set([...RESERVED_PORTS, ...avoid]);
	for (;;) {
		const port = await new Promise<number>((resolve, reject) => {
			const server = net.createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port: p } = server.address() as net.AddressInfo;
				server.close(() => resolve(p));
			});
		});
		if (!taken.has(port)) return port;
	}
}

/** Runs a command, its output going to a log file; rejects with the log's tail on failure. */
function runToLog(
	command: string,
	args: string[],
	options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(options.logFile, 'a');
		fs.writeSync(out, `\n$ ${command} ${args.join(' ')}  (in ${options.cwd})\n`);
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', out, out],
		});
		child.on('error', (error) => {
			fs.closeSync(out);
			reject(error);
		});
		child.on('exit', (code) => {
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(options.logFile, 'utf8').split('\n').slice(-15).join('\n');
			reject(new Error(`"${command} ${args.join(' ')}" exited with ${code}:\n${tail}`));
		});
	});
}

/**
 * Entries of package.json's n8n section whose built file is missing. n8n refuses the whole package
 * when one is missing, so while nodes are still being written the tests pack without them.
 */
function missingN8nEntries(repoDir: string): string[] {
	const manifest = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
	const entries: string[] = [...(manifest.n8n?.credentials ?? []), ...(manifest.n8n?.nodes ?? [])];
	return entries.filter((entry) => !fs.existsSync(path.join(repoDir, entry)));
}

/** A copy of package.json + dist without the missing entries, for npm pack. */
function stageWithout(repoDir: string, missing: string[], stageDir: string): string {
	fs.rmSync(stageDir, { recursive: true, force: true });
	fs.mkdirSync(stageDir, { recursive: true });
	const manifest = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
	manifest.n8n.credentials = (manifest.n8n.credentials ?? []).filter(
		(e: string) => !missing.includes(e),
	);
	manifest.n8n.nodes = (manifest.n8n.nodes ?? []).filter((e: string) => !missing.includes(e));
	delete manifest.scripts;
	fs.writeFileSync(path.join(stageDir, 'package.json'), JSON.stringify(manifest, null, 2));
	fs.cpSync(path.join(repoDir, 'dist'), path.join(stageDir, 'dist'), { recursive: true });
	return stageDir;
}

/** `npm pack` of the package into dir; returns the tarball path. dist/ must be built. */
export async function packPackage(
	repoDir: string,
	dir: string,
	logFile: string,
): Promise<{ tarball: string; missing: string[] }> {
	if (!fs.existsSync(path.join(repoDir, 'dist')))
		throw new Error('dist/ is missing: run `npm run build` first');
	const missing = missingN8nEntries(repoDir);
	const source = missing.length ? stageWithout(repoDir, missing, path.join(dir, 'stage')) : repoDir;
	await runToLog('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: source, logFile });
	const tarball = fs
		.readdirSync(dir)
		.find((name) => name.startsWith(PACKAGE_NAME) && name.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack wrote no ${PACKAGE_NAME}-*.tgz into ${dir}`);
	return { tarball: path.join(dir, tarball), missing };
}

/** Installs the tarball into <userFolder>/.n8n/nodes, where n8n loads community packages from. */
export async function installPackage(
	userFolder: string,
	tarball: string,
	logFile: string,
): Promise<void> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
	);
	// As n8n's own installer does: without the peer n8n-workflow, so the package uses the host's.
	await runToLog(
		'npm',
		[
			'install',
			tarball,
			'--omit=peer',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: nodesDir, logFile },
	);
}

export interface N8nServerOptions {
	install: N8nInstall;
	/** Directory for the user folder, tarball and logs (created fresh). */
	workDir: string;
	/** Tarball from packPackage; skipped when undefined (n8n without the package). */
	tarball?: string;
	port?: number;
	extraEnv?: Record<string, string>;
	/** `start` (main, the default) or `worker` (queue mode). */
	command?: 'start' | 'worker';
	/**
	 * A host name of its own (queue mode): in a container n8n derives its hostId from the host name,
	 * and two processes with one hostId collide. Needs root (unshare of the UTS namespace).
	 */
	hostname?: string;
	/** Base URL whose /healthz/readiness says ready, when not the main server (a worker's health port). */
	readinessUrl?: string;
	/** The log file's name in workDir (several processes share one workDir). */
	logName?: string;
}

export interface N8nServer {
	url: string;
	port: number;
	userFolder: string;
	logFile: string;
	process: ChildProcess;
	/** Runs an n8n CLI command against the same user folder and database (e.g. export:credentials). */
	cli(args: string[]): Promise<void>;
	stop(): Promise<void>;
}

function n8nEnv(
	userFolder: string,
	port: number,
	brokerPort: number,
	extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
	const base = `http://127.0.0.1:${port}`;
	return {
		PATH: process.env.PATH,
		HOME: userFolder,
		TMPDIR: os.tmpdir(),
		LANG: 'C.UTF-8',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: base,
		WEBHOOK_URL: `${base}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
		...extra,
	};
}

async function waitForReadiness(
	url: string,
	child: ChildProcess,
	logFile: string,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
			throw new Error(
				`n8n exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail}`,
			);
		}
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error(`n8n was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

/** Kills the whole process group (n8n spawns a task runner), politely first. */
async function killGroup(child: ChildProcess): Promise<void> {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const signal = (name: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, name);
		} catch {
			// already gone
		}
	};
	signal('SIGTERM');
	const timedOut = await Promise.race([exited.then(() => false), sleep(15_000).then(() => true)]);
	if (timedOut) {
		signal('SIGKILL');
		await Promise.race([exited, sleep(5_000)]);
	}
	// The task runner may outlive the main process for a moment.
	signal('SIGKILL');
}

export async function startN8n(options: N8nServerOptions): Promise<N8nServer> {
	fs.mkdirSync(options.workDir, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(options.workDir, 'user-'));
	const logFile = path.join(options.workDir, options.logName ?? 'n8n.log');
	if (options.tarball) {
		const started = Date.now();
		await installPackage(userFolder, options.tarball, path.join(options.workDir, 'npm.log'));
		log(
			`package installed into ${userFolder}/.n8n/nodes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
	}
	const port = options.port ?? (await freePort());
	const brokerPort = await freePort([port]);
	const url = `http://127.0.0.1:${port}`;
	const env = n8nEnv(userFolder, port, brokerPort, options.extraEnv);
	const out = fs.openSync(logFile, 'a');
	const command = [process.execPath, options.install.bin, options.command ?? 'start'];
	const [executable, ...args] = options.hostname
		? ['unshare', '-u', 'sh', '-c', `hostname ${options.hostname} && exec "$@"`, 'n8n', ...command]
		: command;
	const child = spawn(executable, args, {
		cwd: userFolder,
		env,
		stdio: ['ignore', out, out],
		detached: true, // its own process group, so stop() also ends the task runner
	});
	fs.closeSync(out);
	const server: N8nServer = {
		url,
		port,
		userFolder,
		logFile,
		process: child,
		cli: (args) =>
			runToLog(process.execPath, [options.install.bin, ...args], {
				cwd: userFolder,
				logFile: `${logFile}.cli`,
				env,
			}),
		stop: () => killGroup(child),
	};
	const started = Date.now();
	try {
		await waitForReadiness(options.readinessUrl ?? url, child, logFile, 120_000);
	} catch (error) {
		await server.stop();
		throw error;
	}
	log(`ready at ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${logFile})`);
	return server;
}

// ---------------------------------------------------------------- REST

export class RestError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: unknown,
	) {
		super(message);
	}
}

/** n8n's internal REST API with the owner's session cookie. */
export class N8nRest {
	/** Cookies n8n set (n8n-auth, and the OAuth browser-binding cookie the callback checks). */
	readonly cookies = new Map<string, string>();

	constructor(readonly baseUrl: string) {}

	async request<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		// n8n answers 503 "Database is not ready!" while its database health check lags behind (seen
		// on a loaded machine): reads are asked again, for up to 15 s.
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.requestOnce<T>(method, urlPath, body);
			} catch (error) {
				if (
					!(error instanceof RestError) ||
					error.status !== 503 ||
					method !== 'GET' ||
					attempt >= 30
				)
					throw error;
				await sleep(500);
			}
		}
	}

	private async requestOnce<T>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: {
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
				// n8n checks a browser-id header against the session; any stable value works for REST.
				'browser-id': 'e2e-rest-client',
			},
			body: body !== undefined ? JSON.stringify(body) : undefined,
			redirect: 'manual',
		});
		this.storeCookies(response);
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		if (!response.ok) {
			throw new RestError(
				`${method} ${urlPath} -> ${response.status}: ${text.slice(0, 500)}`,
				response.status,
				parsed,
			);
		}
		return ((parsed as { data?: T })?.data ?? parsed) as T;
	}

	cookieHeader(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	storeCookies(response: Response): void {
		for (const header of response.headers.getSetCookie()) {
			const [pair] = header.split(';');
			const index = pair.indexOf('=');
			this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1));
		}
	}

	setupOwner() {
		return this.request('POST', '/rest/owner/setup', OWNER);
	}

	login() {
		return this.request('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
	}

	createCredential(name: string, type: string, data: Record<string, unknown>) {
		return this.request<{ id: string; name: string }>('POST', '/rest/credentials', {
			name,
			type,
			data,
		});
	}

	getCredential(id: string) {
		return this.request<{ id: string; name: string; data?: Record<string, unknown> }>(
			'GET',
			`/rest/credentials/${id}?includeData=true`,
		);
	}

	deleteCredential(id: string) {
		return this.request('DELETE', `/rest/credentials/${id}`);
	}

	/** The provider authorization URL n8n builds for a browser-flow credential. */
	oauthAuthUrl(credentialId: string) {
		return this.request<string>(
			'GET',
			`/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`,
		);
	}

	createWorkflow(workflow: Record<string, unknown>) {
		return this.request<{ id: string; versionId: string; name: string }>(
			'POST',
			'/rest/workflows',
			{
				settings: { executionOrder: 'v1' },
				active: false,
				connections: {},
				...workflow,
			},
		);
	}

	activateWorkflow(id: string, versionId: string) {
		return this.request('POST', `/rest/workflows/${id}/activate`, { versionId });
	}

	deactivateWorkflow(id: string) {
		return this.request('POST', `/rest/workflows/${id}/deactivate`, {});
	}

	listExecutions(workflowId: string) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		return this.request<{ results: Array<{ id: string; status: string; finished: boolean }> }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=10`,
		);
	}

	/** How many executions of the workflow the database holds with one of `statuses`. */
	async countExecutions(workflowId: string, statuses: string[]): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status: statuses }));
		const page = await this.request<{ count: number; estimated?: boolean }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=1`,
		);
		return page.count;
	}

	getExecution(id: string) {
		return this.request<{ id: string; status: string; data: string }>(
			'GET',
			`/rest/executions/${id}`,
		);
	}
}
