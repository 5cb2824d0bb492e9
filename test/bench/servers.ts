/**
 * The harness's servers for the benchmark, in a worker thread by default (BENCH_SERVERS=inline
 * runs them on the main thread instead), plus a host-like credential store with connections to them.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import { CredentialStore } from '../harness/credentialStore';
import { CLIENT_ID, CLIENT_SECRET } from '../harness/fixtures';

export interface ServerStats {
	tokenRequests: number;
	refreshGrants: number;
	requests: number;
	unauthorized: number;
	maxInFlight: number;
}

export interface Urls {
	apiUrl: string;
	tokenUrl: string;
	authorizeUrl: string;
}

export interface Servers {
	urls: Urls;
	store: CredentialStore;
	mode: 'worker' | 'inline';
	stats(): Promise<ServerStats>;
	clear(): Promise<void>;
	acceptToken(token: string, expiresAt: number): Promise<void>;
	connectedCredential(options?: {
		expiresInMs?: number;
		name?: string;
	}): Promise<{ id: string; name: string; accessToken: string; expiresAt: number }>;
	/**
	 * The same, as a credential of n8n's generic OAuth2 shape (`type` extends or is oAuth2Api);
	 * `fields` replace stored values (an expression typed into one, say).
	 */
	connectedGenericCredential(
		type: string,
		fields?: Record<string, string>,
	): Promise<{ id: string; name: string; accessToken: string; type: string }>;
	stop(): Promise<void>;
}

type Call = (command: Record<string, unknown>) => Promise<unknown>;

async function workerCall(): Promise<{ call: Call; close: () => Promise<void> }> {
	const worker = new Worker(path.join(__dirname, 'serverWorker.ts'));
	const pending = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();
	let nextId = 1;
	worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
		const waiter = pending.get(message.id);
		pending.delete(message.id);
		if (message.error !== undefined) waiter?.reject(new Error(message.error));
		else waiter?.resolve(message.result);
	});
	worker.on('error', (error) => {
		for (const waiter of pending.values()) waiter.reject(error);
		pending.clear();
	});
	return {
		call: (command) =>
			new Promise((resolve, reject) => {
				const id = nextId++;
				pending.set(id, { resolve, reject });
				worker.postMessage({ id, command });
			}),
		close: async () => {
			await worker.terminate();
		},
	};
}

async function inlineCall(): Promise<{ call: Call; close: () => Promise<void> }> {
	const { AuthServer } = await import('../harness/authServer');
	const { ResourceServer } = await import('../harness/resourceServer');
	const auth = new AuthServer();
	const api = new ResourceServer(auth);
	const call: Call = async (command) => {
		switch (command.cmd) {
			case 'start':
				await auth.start();
				await api.start();
				return { apiUrl: api.url, tokenUrl: auth.tokenUrl, authorizeUrl: auth.authorizeUrl };
			case 'plant':
				api.acceptToken(command.accessToken as string, command.expiresAt as number);
				auth.grantRefreshToken(command.refreshToken as string);
				return null;
			case 'acceptToken':
				api.acceptToken(command.token as string, command.expiresAt as number);
				return null;
			case 'stats':
				return {
					tokenRequests: auth.tokenRequests.length,
					refreshGrants: auth.tokenRequests.filter(
						(request) => request.grantType === 'refresh_token',
					).length,
					requests: api.requests.length,
					unauthorized: api.requests.filter((request) => !request.authorized).length,
					maxInFlight: api.maxInFlight,
				};
			case 'clear':
				(api.requests as unknown[]).length = 0;
				(auth.tokenRequests as unknown[]).length = 0;
				api.maxInFlight = 0;
				return null;
			case 'stop':
				await api.stop();
				await auth.stop();
				return null;
		}
		throw new Error(`unknown command ${String(command.cmd)}`);
	};
	return { call, close: async () => undefined };
}

let counter = 0;

export async function startServers(
	mode: 'worker' | 'inline' = process.env.BENCH_SERVERS === 'inline' ? 'inline' : 'worker',
	store: CredentialStore = new CredentialStore(),
): Promise<Servers> {
	const { call, close } = mode === 'worker' ? await workerCall() : await inlineCall();
	const urls = (await call({ cmd: 'start' })) as Urls;
	return {
		urls,
		store,
		mode,
		stats: async () => (await call({ cmd: 'stats' })) as ServerStats,
		clear: async () => {
			await call({ cmd: 'clear' });
		},
		acceptToken: async (token, expiresAt) => {
			await call({ cmd: 'acceptToken', token, expiresAt });
		},
		// As test/harness/fixtures.ts connectedCredential(): an authorization-code connection, connected.
		async connectedCredential(options = {}) {
			const expiresInMs = options.expiresInMs ?? 3_600_000;
			const accessToken = `bench-access-${++counter}-${Math.random().toString(36).slice(2)}`;
			const refreshToken = `bench-refresh-${counter}-${Math.random().toString(36).slice(2)}`;
			const expiresAt = Date.now() + expiresInMs;
			await call({ cmd: 'plant', accessToken, refreshToken, expiresAt });
			const credential = store.add(options.name ?? `Bench ${counter}`, {
				provider: 'custom',
				customAuthUrl: urls.authorizeUrl,
				customTokenUrl: urls.tokenUrl,
				customApiBaseUrl: urls.apiUrl,
				// Listed explicitly: n8n's own HTTP Request node refuses an empty list; ours reads it as the API's host.
				allowedDomains: '127.0.0.1',
				clientId: CLIENT_ID,
				clientSecret: CLIENT_SECRET,
				grantType: 'authorizationCode',
				oauthTokenData: {
					access_token: accessToken,
					token_type: 'Bearer',
					// Issued with an hour to live, now `expiresInMs` from its end (as a connected token ages).
					expires_in: Math.max(3600, Math.round(expiresInMs / 1000)),
					n8n_expires_at: String(expiresAt),
					refresh_token: refreshToken,
				},
			});
			return { ...credential, accessToken, expiresAt };
		},
		async connectedGenericCredential(type, fields = {}) {
			const accessToken = `bench-generic-${++counter}-${Math.random().toString(36).slice(2)}`;
			const refreshToken = `bench-generic-refresh-${counter}`;
			const expiresAt = Date.now() + 3_600_000;
			await call({ cmd: 'plant', accessToken, refreshToken, expiresAt });
			const credential = store.add(`Generic ${counter}`, {
				grantType: 'authorizationCode',
				authUrl: urls.authorizeUrl,
				accessTokenUrl: urls.tokenUrl,
				clientId: CLIENT_ID,
				clientSecret: CLIENT_SECRET,
				scope: '',
				authentication: 'header',
				allowedHttpRequestDomains: 'domains',
				allowedDomains: '127.0.0.1',
				oauthTokenData: {
					access_token: accessToken,
					token_type: 'Bearer',
					expires_in: 3600,
					n8n_expires_at: String(expiresAt),
					refresh_token: refreshToken,
				},
				...fields,
			});
			return { ...credential, accessToken, type };
		},
		async stop() {
			await call({ cmd: 'stop' });
			await close();
		},
	};
}
