/**
 * The API the nodes call, on 127.0.0.1, for every suite (jest, bench, queue, e2e, demo): it
 * accepts only Bearer tokens the harness AuthServer issued and that have not expired, or the
 * tokens `acceptsToken` approves (the e2e suite asks its OpenID provider); it records every
 * request, and has knobs for faults and pagination.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { AuthServer } from './authServer';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: string;
	at: number;
	/** Whether the token was accepted. */
	authorized: boolean;
	/** The Bearer token, when the Authorization header carried one. */
	token?: string;
	/** The status the server answered with (0 when the socket was reset). */
	status: number;
}

/** Asks whoever issued a token whether it is (still) good. */
export type TokenCheck = (token: string) => Promise<boolean>;

export interface ScriptedResponse {
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** Destroy the socket instead of answering. */
	reset?: boolean;
	/** Answer after this many milliseconds. */
	delayMs?: number;
}

export class ResourceServer {
	readonly requests: RecordedRequest[] = [];

	/** Called as each request is recorded, before it is answered (a test may stall the process here). */
	onRequest?: (request: RecordedRequest) => void;

	/** Requests being answered right now, and the most there ever were at once. */
	inFlight = 0;

	maxInFlight = 0;

	/** How an expired or unknown token is refused: 401, or Marketo's 200 with error 602. */
	expiredTokenStyle: 'status401' | 'marketo602' = 'status401';

	private readonly validTokens = new Map<string, number>();

	private readonly scripts = new Map<string, ScriptedResponse[]>();

	private server: Server | undefined;

	private readonly acceptsToken: TokenCheck | undefined;

	/**
	 * `issuer`: the harness AuthServer whose tokens are good, or a check to ask. `host`: a
	 * loopback address; 127.0.0.2 plays "another host" for domain checks.
	 */
	constructor(
		issuer?: AuthServer | TokenCheck,
		readonly host = '127.0.0.1',
	) {
		if (typeof issuer === 'function') {
			this.acceptsToken = issuer;
			return;
		}
		const auth = issuer;
		auth?.onTokenIssued(({ accessToken, expiresAt }) =>
			this.validTokens.set(accessToken, expiresAt),
		);
		auth?.onGrantRevoked((tokens) => tokens.forEach((token) => this.validTokens.delete(token)));
	}

	get url(): string {
		return `http://${this.host}:${(this.server?.address() as AddressInfo).port}`;
	}

	/** Accept a token the test planted (an "already connected" credential). */
	acceptToken(token: string, expiresAt = Date.now() + 3_600_000): void {
		this.validTokens.set(token, expiresAt);
	}

	/** The API stops accepting a token (revoked, or expired earlier than announced). */
	rejectToken(token: string): void {
		this.validTokens.delete(token);
	}

	/** The next requests to `path` get these answers, in order, before the normal route. */
	script(path: string, responses: ScriptedResponse[]): void {
		this.scripts.set(path, [...(this.scripts.get(path) ?? []), ...responses]);
	}

	count(path: string, filter: (request: RecordedRequest) => boolean = () => true): number {
		return this.requests.filter((request) => request.path === path && filter(request)).length;
	}

	/** Listens on `port` (0: any free one). */
	async start(port = 0): Promise<void> {
		this.server = createServer((request, response) => void this.handle(request, response));
		await new Promise<void>((resolve) => this.server?.listen(port, this.host, resolve));
	}

	clearRecords(): void {
		this.requests.length = 0;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}

	private async isAuthorized(token: string | undefined): Promise<boolean> {
		if (token === undefined) return false;
		if (this.acceptsToken) return await this.acceptsToken(token).catch(() => false);
		const expiresAt = this.validTokens.get(token);
		return expiresAt !== undefined && expiresAt > Date.now();
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		response.once('close', () => this.inFlight--);
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
		const authorized = await this.isAuthorized(token);
		const record: RecordedRequest = {
			method: request.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: request.headers,
			body: Buffer.concat(chunks).toString('utf8'),
			at: Date.now(),
			authorized,
			token,
			status: 0,
		};
		this.requests.push(record);
		this.onRequest?.(record);
		// Routes answer through writeHead directly or through send(): record the status in one place.
		const originalWriteHead = response.writeHead.bind(response);
		response.writeHead = ((status: number, ...rest: never[]) => {
			record.status = status;
			return originalWriteHead(status, ...rest);
		}) as typeof response.writeHead;
		const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			const text = typeof body === 'string' ? body : JSON.stringify(body);
			response.writeHead(status, { 'content-type': 'application/json', ...headers });
			response.end(text);
		};

		const scripted = this.scripts.get(url.pathname)?.shift();
		if (scripted) {
			if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
			if (scripted.reset) {
				request.socket.destroy();
				return;
			}
			send(scripted.status, scripted.body ?? {}, scripted.headers);
			return;
		}
		if (url.pathname === '/public/redirect') {
			response.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
			response.end();
			return;
		}
		if (!authorized) {
			if (this.expiredTokenStyle === 'marketo602') {
				send(200, { success: false, errors: [{ code: '602', message: 'Access token expired' }] });
			} else {
				send(
					401,
					{ error: 'invalid_token', error_description: 'The access token expired' },
					{ 'www-authenticate': 'Bearer error="invalid_token"' },
				);
			}
			return;
		}
		route(url, record, send, response);
	}
}

type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

/** `total` records `{ id }`, pageSize per page. */
function records(from: number, count: number, total: number) {
	return Array.from({ length: Math.max(0, Math.min(count, total - from)) }, (_, index) => ({
		id: from + index + 1,
		name: `record ${from + index + 1}`,
	}));
}

function route(url: URL, record: RecordedRequest, send: Send, response: ServerResponse): void {
	const query = url.searchParams;
	const total = Number(query.get('total') ?? 25);
	const pageSize = Number(query.get('size') ?? 10);
	const contact = url.pathname.match(/^\/contacts\/([^/]+)$/);
	if (contact) {
		send(200, {
			data: {
				id: contact[1],
				first_name: 'Ada',
				last_name: `Lovelace-${contact[1]}`,
				'first-name': 'Ada',
				age: '36',
				active: 'true',
				tags: ['a', 'b'],
			},
		});
	} else if (url.pathname === '/me') {
		send(200, { sub: 'user-42', email: 'ada@example.com', name: 'Ada Lovelace' });
	} else if (url.pathname === '/echo') {
		const { authorization, ...headers } = record.headers;
		send(200, {
			method: record.method,
			query: record.query,
			headers,
			body: record.body,
			hadAuthorization: authorization !== undefined,
		});
	} else if (url.pathname === '/items/cursor') {
		const start = Number(query.get('cursor') ?? 0);
		const page = records(start, pageSize, total);
		send(200, {
			data: page,
			meta: { next_cursor: start + pageSize < total ? String(start + pageSize) : null },
		});
	} else if (url.pathname === '/items/offset') {
		const offset = Number(query.get('offset') ?? 0);
		send(200, { items: records(offset, Number(query.get('limit') ?? pageSize), total) });
	} else if (url.pathname === '/items/page') {
		const page = Number(query.get('page') ?? 1);
		send(200, { results: records((page - 1) * pageSize, pageSize, total) });
	} else if (url.pathname === '/items/next') {
		const start = Number(query.get('start') ?? 0);
		const next =
			start + pageSize < total
				? `/items/next?start=${start + pageSize}&total=${total}&size=${pageSize}`
				: undefined;
		send(200, { value: records(start, pageSize, total), links: { next } });
	} else if (url.pathname === '/items/link') {
		const page = Number(query.get('page') ?? 1);
		const last = Math.ceil(total / pageSize);
		const headers: Record<string, string> =
			page < last
				? {
						link: `<${`/items/link?page=${page + 1}&total=${total}&size=${pageSize}`}>; rel="next", </items/link?page=${last}>; rel="last"`,
					}
				: {};
		send(200, records((page - 1) * pageSize, pageSize, total), headers);
	} else if (url.pathname === '/text') {
		response.writeHead(200, { 'content-type': 'text/plain' });
		response.end('plain text body');
	} else if (url.pathname === '/html') {
		response.writeHead(200, { 'content-type': 'text/html' });
		response.end('<html><body>Sign in</body></html>');
	} else if (url.pathname === '/binary') {
		response.writeHead(200, { 'content-type': 'image/png' });
		response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
	} else if (url.pathname === '/redirect') {
		response.writeHead(Number(query.get('status') ?? 302), {
			location: query.get('to') ?? '/echo',
		});
		response.end();
	} else if (url.pathname === '/redirect-loop') {
		response.writeHead(302, {
			location: `/redirect-loop?hop=${Number(query.get('hop') ?? 0) + 1}`,
		});
		response.end();
	} else if (url.pathname === '/items/stuck') {
		// A broken API: every page names the same next cursor.
		send(200, { data: [{ id: 1 }], meta: { next_cursor: 'same-cursor' } });
	} else if (url.pathname === '/signal-602') {
		// An API that keeps saying "expired" in a 200 body, whatever token it gets.
		send(200, { success: false, errors: [{ code: '602', message: 'Access token expired' }] });
	} else if (url.pathname === '/large') {
		// `mb` megabytes of JSON records, written in chunks as a big response arrives.
		const record = JSON.stringify({ id: 1, name: 'x'.repeat(1000) });
		const count = Math.ceil((Number(query.get('mb') ?? 1) * 1024 * 1024) / (record.length + 1));
		response.writeHead(200, { 'content-type': 'application/json' });
		response.write('[');
		for (let index = 0; index < count; index++) response.write(index ? `,${record}` : record);
		response.end(']');
	} else if (url.pathname.startsWith('/status/')) {
		send(Number(url.pathname.slice(8)), {
			error: 'some_error',
			error_description: 'The API said no',
		});
	} else {
		send(404, { error: 'not_found' });
	}
}
