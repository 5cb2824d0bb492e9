/**
 * An OAuth2 authorization server on 127.0.0.1 (RFC 6749: the authorization endpoint approves at
 * once and redirects with a code; the token endpoint serves authorization_code, refresh_token and
 * client_credentials with client_secret_basic, client_secret_post or a client assertion), with
 * knobs for the failures the nodes must survive and a record of every token request. Written
 * here, in CommonJS, so every test runner loads it in-process.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface TokenRequestRecord {
	grantType: string;
	/** How the client authenticated: Basic header, form body, a signed JWT (private_key_jwt), or not at all. */
	clientAuth: 'basic' | 'body' | 'assertion' | 'none';
	clientId?: string;
	scope?: string;
	refreshToken?: string;
	codeVerifier?: boolean;
	/** Every form field of the request (client_secret and client_assertion included). */
	body: Record<string, string>;
	at: number;
}

export interface IssuedToken {
	accessToken: string;
	expiresAt: number;
}

export class AuthServer {
	/**
	 * With `tls`, served over https (for presets whose token URL is https with a host the user
	 * types: Auth0, Keycloak); the token endpoint is then any path ending in /token.
	 */
	constructor(private readonly tls?: { key: string; cert: string }) {}

	readonly tokenRequests: TokenRequestRecord[] = [];

	/** Seconds the next access tokens live; undefined sends no expires_in at all. */
	expiresIn: number | undefined = 3600;

	/** Answer the token endpoint with 503 (provider down). */
	down = false;

	/** Each refresh issues a new refresh token and the old one stops working. */
	rotateRefreshTokens = false;

	/** Every refresh fails with invalid_grant (the user revoked access). */
	revoked = false;

	/** Milliseconds the token endpoint takes to answer (a slow provider). */
	delayMs = 0;

	/**
	 * What a spent refresh token does when presented again (with rotation): `reject` refuses it
	 * (invalid_grant) and nothing else; `revokeGrant` also revokes every token of that grant, as
	 * OAuth 2.1 advises for refresh token reuse.
	 */
	onReuse: 'reject' | 'revokeGrant' = 'reject';

	/** Refresh tokens presented after they were spent, and grants revoked for it. */
	reusedRefreshTokens = 0;

	revokedGrants = 0;

	/** Token requests answered with invalid_grant. */
	invalidGrants = 0;

	/** Fields added to every token response, e.g. Salesforce's instance_url. */
	extraTokenFields: Record<string, unknown> = {};

	private readonly validRefreshTokens = new Set<string>();

	/** Refresh tokens already exchanged (rotation), and the grant each token belongs to. */
	private readonly spentRefreshTokens = new Set<string>();

	private readonly grantOf = new Map<string, number>();

	private readonly revokedGrantIds = new Set<number>();

	private nextGrant = 1;

	private httpServer: Server | undefined;

	/** Called with the access tokens of a revoked grant, so the API stops accepting them. */
	private readonly revocationListeners: Array<(accessTokens: string[]) => void> = [];

	onGrantRevoked(listener: (accessTokens: string[]) => void): void {
		this.revocationListeners.push(listener);
	}

	private readonly listeners: Array<(token: IssuedToken) => void> = [];

	onTokenIssued(listener: (token: IssuedToken) => void): void {
		this.listeners.push(listener);
	}

	get tokenUrl(): string {
		return `${this.origin}/token`;
	}

	get authorizeUrl(): string {
		return `${this.origin}/authorize`;
	}

	/** A refresh token the server will accept, as an authorized connection would hold. */
	grantRefreshToken(token: string): void {
		this.validRefreshTokens.add(token);
		this.grantOf.set(token, this.nextGrant++);
	}

	private revokeGrant(grant: number | undefined): void {
		if (grant === undefined || this.revokedGrantIds.has(grant)) return;
		this.revokedGrantIds.add(grant);
		this.revokedGrants++;
		const tokens = [...this.grantOf].filter(([, owner]) => owner === grant).map(([token]) => token);
		for (const token of tokens) this.validRefreshTokens.delete(token);
		for (const listener of this.revocationListeners) listener(tokens);
	}

	private readonly codes = new Map<string, { scope?: string }>();

	private origin = '';

	async start(): Promise<void> {
		const handler = (request: IncomingMessage, response: ServerResponse) => {
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			if (url.pathname === '/authorize') {
				this.authorize(url, response);
				return;
			}
			const tokenPath = this.tls ? url.pathname.endsWith('/token') : url.pathname === '/token';
			if (tokenPath && request.method === 'POST') {
				const handle = () => void this.token(request, response);
				if (this.delayMs > 0) setTimeout(handle, this.delayMs);
				else handle();
				return;
			}
			response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
		};
		// An https server is an http server to everything used here (listen, close, closeAllConnections).
		const server = (
			this.tls ? createTlsServer(this.tls, handler) : createServer(handler)
		) as Server;
		this.httpServer = server;
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		this.origin = `${this.tls ? 'https' : 'http'}://localhost:${port}`;
	}

	/** Approves at once: a signed-in user who consents, as far as the client can tell. */
	private authorize(url: URL, response: ServerResponse): void {
		const redirect = url.searchParams.get('redirect_uri');
		if (!redirect) {
			response.writeHead(400, { 'content-type': 'text/plain' }).end('redirect_uri missing');
			return;
		}
		const code = `code-${randomBytes(12).toString('base64url')}`;
		this.codes.set(code, { scope: url.searchParams.get('scope') ?? undefined });
		const target = new URL(redirect);
		target.searchParams.set('code', code);
		const state = url.searchParams.get('state');
		if (state !== null) target.searchParams.set('state', state);
		response.writeHead(302, { location: target.toString() }).end();
	}

	private async token(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const body: Record<string, string> = String(request.headers['content-type']).includes('json')
			? (JSON.parse(text || '{}') as Record<string, string>)
			: Object.fromEntries(new URLSearchParams(text));
		const send = (status: number, payload: Record<string, unknown>) => {
			response
				.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
				.end(JSON.stringify(payload));
		};
		const authorization = String(request.headers.authorization ?? '');
		const basicClient = authorization.startsWith('Basic ')
			? Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':')[0]
			: undefined;
		this.tokenRequests.push({
			grantType: body.grant_type,
			clientAuth: basicClient
				? 'basic'
				: body.client_secret
					? 'body'
					: body.client_assertion
						? 'assertion'
						: 'none',
			clientId: basicClient ?? body.client_id,
			scope: body.scope,
			refreshToken: body.refresh_token,
			codeVerifier: body.code_verifier !== undefined,
			body: { ...body },
			at: Date.now(),
		});
		if (this.down) {
			send(503, { error: 'temporarily_unavailable' });
			return;
		}
		const presented = body.refresh_token;
		let scope: string | undefined = body.scope;
		if (body.grant_type === 'authorization_code') {
			const code = this.codes.get(body.code);
			if (!code) {
				send(400, { error: 'invalid_grant', error_description: 'Unknown code' });
				return;
			}
			this.codes.delete(body.code);
			scope ??= code.scope;
		} else if (!['refresh_token', 'client_credentials'].includes(body.grant_type)) {
			send(400, { error: 'unsupported_grant_type' });
			return;
		}
		const grant =
			body.grant_type === 'refresh_token' ? this.grantOf.get(presented) : this.nextGrant++;
		if (body.grant_type === 'refresh_token') {
			const reused = this.rotateRefreshTokens && this.spentRefreshTokens.has(presented);
			if (reused) {
				this.reusedRefreshTokens++;
				if (this.onReuse === 'revokeGrant') this.revokeGrant(grant);
			}
			const known =
				this.validRefreshTokens.has(presented) &&
				!(grant !== undefined && this.revokedGrantIds.has(grant));
			if (this.revoked || (this.rotateRefreshTokens && !known)) {
				this.invalidGrants++;
				send(400, {
					error: 'invalid_grant',
					error_description: 'The refresh token is invalid or expired',
				});
				return;
			}
			if (this.rotateRefreshTokens) {
				this.validRefreshTokens.delete(presented);
				this.spentRefreshTokens.add(presented);
			}
		}
		const accessToken = `at-${randomBytes(18).toString('base64url')}`;
		const responseBody: Record<string, unknown> = {
			access_token: accessToken,
			token_type: 'Bearer',
			...(scope ? { scope } : {}),
			...this.extraTokenFields,
		};
		if (this.expiresIn !== undefined) responseBody.expires_in = this.expiresIn;
		// A new refresh token on the code exchange, and on refreshes when they rotate.
		if (
			body.grant_type === 'authorization_code' ||
			(body.grant_type === 'refresh_token' && this.rotateRefreshTokens)
		) {
			const refreshToken = `rt-${randomBytes(18).toString('base64url')}`;
			responseBody.refresh_token = refreshToken;
			this.validRefreshTokens.add(refreshToken);
			if (grant !== undefined) this.grantOf.set(refreshToken, grant);
		}
		if (grant !== undefined) this.grantOf.set(accessToken, grant);
		const issued = {
			accessToken,
			// A token sent without a usable lifetime is accepted for an hour.
			expiresAt: Date.now() + (this.expiresIn || 3600) * 1000,
		};
		for (const listener of this.listeners) listener(issued);
		send(200, responseBody);
	}

	async stop(): Promise<void> {
		this.httpServer?.closeAllConnections();
		await new Promise<void>((resolve) => this.httpServer?.close(() => resolve()));
	}
}
