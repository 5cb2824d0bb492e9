// A small API on 127.0.0.1 that accepts only Bearer tokens the auth server issued and that are still
// valid (asked in-process), and records every request so tests can see what n8n sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiRequestRecord {
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	hasAuthorization: boolean;
	/** The Bearer token, when the Authorization header carried one. */
	token?: string;
	status: number;
	body?: string;
}

export type TokenValidator = (
	token: string,
) => Promise<{ clientId: string; scope?: string } | undefined>;

export interface ResourceServer {
	/** http://127.0.0.1:<port> */
	origin: string;
	requests: ApiRequestRecord[];
	clearRecords(): void;
	close(): Promise<void>;
}

const CONTACTS: Record<string, { first_name: string; last_name: string }> = {
	'1': { first_name: 'Ada', last_name: 'Lovelace' },
	'2': { first_name: 'Grace', last_name: 'Hopper' },
	'3': { first_name: 'Alan', last_name: 'Turing' },
};

/** 7 items served 3 per page; the cursor is the index of the next item. */
const ITEMS = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, name: `item-${i + 1}` }));
const PAGE_SIZE = 3;

function route(method: string, url: URL, body: string): { status: number; json: unknown } {
	const contact = /^\/contacts\/([^/]+)$/.exec(url.pathname);
	if (method === 'GET' && contact) {
		const found = CONTACTS[contact[1]];
		if (!found) return { status: 404, json: { error: 'not_found' } };
		return { status: 200, json: { data: { id: contact[1], ...found } } };
	}
	if (method === 'GET' && url.pathname === '/contacts') {
		return {
			status: 200,
			json: { data: Object.entries(CONTACTS).map(([id, c]) => ({ id, ...c })) },
		};
	}
	if (method === 'GET' && url.pathname === '/items') {
		const start = Number(url.searchParams.get('cursor') ?? 0) || 0;
		const data = ITEMS.slice(start, start + PAGE_SIZE);
		const next = start + PAGE_SIZE < ITEMS.length ? String(start + PAGE_SIZE) : null;
		return { status: 200, json: { data, next_cursor: next } };
	}
	if (method === 'POST' && url.pathname === '/echo') {
		let parsed: unknown = body;
		try {
			parsed = JSON.parse(body);
		} catch {
			// not JSON: echo the text
		}
		return { status: 200, json: { received: parsed } };
	}
	if (method === 'GET' && url.pathname === '/me') return { status: 200, json: { ok: true } };
	return { status: 404, json: { error: 'not_found' } };
}

export async function startResourceServer(
	validate: TokenValidator,
	port = 0,
): Promise<ResourceServer> {
	const requests: ApiRequestRecord[] = [];
	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks).toString();
		const authorization = req.headers.authorization ?? '';
		const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
		const record: ApiRequestRecord = {
			at: Date.now(),
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			hasAuthorization: authorization !== '',
			token,
			status: 0,
			body: body || undefined,
		};
		requests.push(record);
		let status: number;
		let json: unknown;
		const grant = token ? await validate(token).catch(() => undefined) : undefined;
		if (!grant) {
			// 401 is what makes n8n refresh the token and retry.
			status = 401;
			json = { error: 'invalid_token' };
			res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
		} else {
			({ status, json } = route(record.method, url, body));
		}
		record.status = status;
		res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		requests,
		clearRecords() {
			requests.length = 0;
		},
		close() {
			return new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			});
		},
	};
}
