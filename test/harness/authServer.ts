/**
 * A real OAuth2 authorization server on 127.0.0.1 (oauth2-mock-server from the registry) with
 * knobs for the failures the nodes must survive, and a record of every token request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { OAuth2Server } from 'oauth2-mock-server';

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
	readonly server = new OAuth2Server();

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
		return `${this.server.issuer.url}/token`;
	}

	get authorizeUrl(): string {
		return `${this.server.issuer.url}/authorize`;
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

	async start(): Promise<void> {
		await this.server.issuer.keys.generate('RS256');
		this.server.service.on('beforeResponse', (response, request) => {
			const body = (request.body ?? {}) as Record<string, string>;
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
				response.statusCode = 503;
				response.body = { error: 'temporarily_unavailable' };
				return;
			}
			const presented = body.refresh_token;
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
					response.statusCode = 400;
					response.body = {
						error: 'invalid_grant',
						error_description: 'The refresh token is invalid or expired',
					};
					return;
				}
				if (this.rotateRefreshTokens) {
					this.validRefreshTokens.delete(presented);
					this.spentRefreshTokens.add(presented);
				}
			}
			const responseBody = response.body as Record<string, unknown>;
			Object.assign(responseBody, this.extraTokenFields);
			if (this.expiresIn === undefined) delete responseBody.expires_in;
			else responseBody.expires_in = this.expiresIn;
			if (typeof responseBody.refresh_token === 'string') {
				this.validRefreshTokens.add(responseBody.refresh_token);
				if (grant !== undefined) this.grantOf.set(responseBody.refresh_token, grant);
			}
			if (grant !== undefined) this.grantOf.set(String(responseBody.access_token), grant);
			if (body.grant_type === 'refresh_token' && !this.rotateRefreshTokens)
				delete responseBody.refresh_token;
			const issued = {
				accessToken: String(responseBody.access_token),
				// A token sent without a usable lifetime is accepted for an hour.
				expiresAt: Date.now() + (this.expiresIn || 3600) * 1000,
			};
			for (const listener of this.listeners) listener(issued);
		});
		// Its own HTTP server in front of the mock's handler, so the token endpoint can be slow.
		this.httpServer = createServer((request, response) => {
			const handle = () => this.server.service.requestHandler(request, response);
			if (this.delayMs > 0 && request.url?.startsWith('/token')) setTimeout(handle, this.delayMs);
			else handle();
		});
		await new Promise<void>((resolve) => this.httpServer?.listen(0, '127.0.0.1', resolve));
		const { port } = this.httpServer.address() as AddressInfo;
		this.server.issuer.url = `http://localhost:${port}`;
	}

	async stop(): Promise<void> {
		this.httpServer?.closeAllConnections();
		await new Promise<void>((resolve) => this.httpServer?.close(() => resolve()));
	}
}
