// A real OpenID provider (oidc-provider) on 127.0.0.1, for the suites that sign in through a
// browser (the end-to-end suite and `npm start`): real login and consent pages, registered
// redirect URIs, PKCE verification. The in-process AuthServer (authServer.ts) is the one with
// fault knobs (down, slow, revoked, rotating refresh tokens) for jest, the bench and queue mode;
// oidc-provider is ESM-only and cannot load in jest's module realms.
// It is mounted the way Keycloak lays out its endpoints (/realms/<realm>/protocol/openid-connect/…)
// so the same server answers both "custom URL" credentials and a Keycloak preset. It records what
// reached the authorize and token endpoints so tests can assert on what n8n actually sent.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type net from 'node:net';
import Provider from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';

export const API_SCOPES = ['contacts.read', 'contacts.write', 'items.read'];

/**
 * What an authorization request without scopes gets (RFC 6749 3.3 lets a server use a default):
 * a Custom connection with Scopes left empty connects, as the README says.
 */
export const DEFAULT_SCOPES = ['openid', 'offline_access', 'contacts.read', 'items.read'];

export interface TestClient {
	clientId: string;
	clientSecret?: string;
	authMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
}

/** One registered client per token endpoint authentication method. */
export const CLIENTS = {
	basic: {
		clientId: 'e2e-basic',
		clientSecret: 'basic-secret-Xy7',
		authMethod: 'client_secret_basic',
	},
	post: { clientId: 'e2e-post', clientSecret: 'post-secret-Qz9', authMethod: 'client_secret_post' },
	public: { clientId: 'e2e-public', authMethod: 'none' },
} satisfies Record<string, TestClient>;

export const TEST_USER = { username: 'alice', password: 'wonderland' };

export interface AuthorizeRecord {
	at: number;
	/** The request path, e.g. /realms/<realm>/protocol/openid-connect/auth */
	path: string;
	clientId?: string;
	scope?: string;
	codeChallengeMethod?: string;
	hasCodeChallenge: boolean;
	redirectUri?: string;
	/** Every query parameter as received (extra parameters included). */
	query: Record<string, string>;
}

export interface TokenRecord {
	at: number;
	grantType?: string;
	/** How the client authenticated: a Basic header, client_secret in the body, or neither. */
	clientAuth: 'basic' | 'body' | 'none';
	clientId?: string;
	hasCodeVerifier: boolean;
	scope?: string;
	status: number;
	error?: string;
	/** Access token issued by this request, when it succeeded. */
	accessToken?: string;
	/** Every form field as received, secrets included (token parameters, ...). */
	params: Record<string, string>;
}

export interface OpenIdServerOptions {
	/** Redirect URIs registered for every client (n8n's OAuth callback). */
	redirectUris: string[];
	/** The resource server's base URL: access tokens are issued for it. */
	resourceUrl: string;
	realm?: string;
	/** Access token lifetime in seconds (changeable later with setAccessTokenTtl). */
	accessTokenTtl?: number;
	port?: number;
	/** Serve HTTPS with this key and certificate (presets whose URLs are https:// only). */
	tls?: { key: string; cert: string };
}

export interface OpenIdServer {
	/** http://127.0.0.1:<port> */
	origin: string;
	realm: string;
	/** Issuer and Keycloak realm URL: <origin>/realms/<realm> */
	issuer: string;
	authorizeUrl: string;
	tokenUrl: string;
	authorizeRequests: AuthorizeRecord[];
	tokenRequests: TokenRecord[];
	provider: Provider;
	setAccessTokenTtl(seconds: number): void;
	/** Fields added to every successful token response from now on (e.g. instance_url). */
	setExtraTokenFields(fields: Record<string, unknown>): void;
	/** The token's grant details if it is a valid, unexpired access token; undefined otherwise. */
	validateAccessToken(
		token: string,
	): Promise<{ clientId: string; scope?: string; accountId?: string } | undefined>;
	/** Revokes every access token issued so far (refresh tokens stay valid): the next API call gets 401. */
	revokeAccessTokens(): Promise<number>;
	/** Revokes the grant behind an access token, as a user removing the app's access does: its refresh fails with invalid_grant. */
	revokeGrantOf(accessToken: string): Promise<void>;
	clearRecords(): void;
	close(): Promise<void>;
}

/** oidc-provider warns about its dev-only defaults (memory adapter, generated keys); fine for tests. */
function quietDevelopmentWarnings(): void {
	const marker = Symbol.for('e2e.quietOidcWarnings');
	const state = globalThis as Record<symbol, unknown>;
	if (state[marker]) return;
	state[marker] = true;
	const warn = console.warn.bind(console);
	console.warn = (...args: unknown[]) => {
		if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING:')) return;
		warn(...args);
	};
}

function clientMetadata(client: TestClient, redirectUris: string[]) {
	const confidential = client.authMethod !== 'none';
	return {
		client_id: client.clientId,
		...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
		token_endpoint_auth_method: client.authMethod,
		redirect_uris: redirectUris,
		response_types: ['code'],
		grant_types: confidential
			? ['authorization_code', 'refresh_token', 'client_credentials']
			: ['authorization_code', 'refresh_token'],
		scope: ['openid', 'offline_access', ...API_SCOPES].join(' '),
	};
}

function page(title: string, body: string): string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;max-width:420px;margin:60px auto;color:#222}
input,button{display:block;width:100%;margin:8px 0;padding:8px;font-size:15px}
button{background:#2b5cab;color:#fff;border:0;border-radius:4px;cursor:pointer}
li{margin:4px 0}</style></head><body><h2>${title}</h2>${body}</body></html>`;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return new URLSearchParams(Buffer.concat(chunks).toString());
}

function listen(server: net.Server, port = 0): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
	});
}

export async function startOpenIdServer(options: OpenIdServerOptions): Promise<OpenIdServer> {
	quietDevelopmentWarnings();
	const realm = options.realm ?? 'e2e';
	const mountPath = `/realms/${realm}`;
	let accessTokenTtl = options.accessTokenTtl ?? 3600;
	const authorizeRequests: AuthorizeRecord[] = [];
	const tokenRequests: TokenRecord[] = [];
	const issuedAccessTokens = new Set<string>();

	// The port must be known before the issuer URL: listen first, attach the handler after.
	let extraTokenFields: Record<string, unknown> = {};
	const server = options.tls ? https.createServer(options.tls) : http.createServer();
	const port = await listen(server, options.port);
	const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
	const issuer = `${origin}${mountPath}`;

	const configuration: Configuration = {
		clients: Object.values(CLIENTS).map((client) => clientMetadata(client, options.redirectUris)),
		scopes: ['openid', 'offline_access', ...API_SCOPES],
		routes: {
			authorization: '/protocol/openid-connect/auth',
			token: '/protocol/openid-connect/token',
			userinfo: '/protocol/openid-connect/userinfo',
			jwks: '/protocol/openid-connect/certs',
			introspection: '/protocol/openid-connect/token/introspect',
			revocation: '/protocol/openid-connect/revoke',
			end_session: '/protocol/openid-connect/logout',
		},
		cookies: { keys: ['e2e-cookie-key-not-secret'] },
		pkce: { required: () => false },
		features: {
			devInteractions: { enabled: false },
			clientCredentials: { enabled: true },
			introspection: { enabled: true },
			revocation: { enabled: true },
			resourceIndicators: {
				enabled: true,
				// n8n sends no `resource`: every token is for our one resource server.
				defaultResource: () => options.resourceUrl,
				useGrantedResource: () => true,
				getResourceServerInfo: () => ({
					scope: API_SCOPES.join(' '),
					audience: options.resourceUrl,
					accessTokenFormat: 'opaque',
					accessTokenTTL: accessTokenTtl,
				}),
			},
		},
		// Refresh tokens for every code grant of a client allowed to refresh, offline_access or not.
		issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
			client.grantTypeAllowed('refresh_token'),
		ttl: {
			AccessToken: () => accessTokenTtl,
			ClientCredentials: () => accessTokenTtl,
			Interaction: 600,
			Session: 3600,
			Grant: 3600,
			AuthorizationCode: 120,
			RefreshToken: 86400,
			IdToken: 3600,
		},
		interactions: {
			url: (_ctx: unknown, interaction: { uid: string }) =>
				`${mountPath}/interaction/${interaction.uid}`,
		},
		findAccount: async (_ctx: unknown, sub: string) => ({
			accountId: sub,
			claims: async () => ({ sub }),
		}),
	};
	const provider = new Provider(issuer, configuration);
	provider.proxy = false;

	// Token requests are read here first (the provider takes the body from req.body once the stream
	// is consumed), so the client authentication method can be recorded and enforced: oidc-provider
	// itself accepts client_secret_post from a client registered for client_secret_basic.
	const pendingTokenRecords = new WeakMap<http.IncomingMessage, TokenRecord>();

	function tokenRecordFor(form: URLSearchParams, authorization: string): TokenRecord {
		const basic = authorization.toLowerCase().startsWith('basic ');
		const clientId = basic
			? decodeURIComponent(Buffer.from(authorization.slice(6), 'base64').toString().split(':')[0])
			: (form.get('client_id') ?? undefined);
		return {
			at: Date.now(),
			grantType: form.get('grant_type') ?? undefined,
			clientAuth: basic ? 'basic' : form.get('client_secret') ? 'body' : 'none',
			clientId,
			hasCodeVerifier: Boolean(form.get('code_verifier')),
			scope: form.get('scope') ?? undefined,
			status: 0,
			params: Object.fromEntries(form.entries()),
		};
	}

	function authMismatch(record: TokenRecord): string | undefined {
		const client = Object.values(CLIENTS).find((c) => c.clientId === record.clientId) as
			| TestClient
			| undefined;
		if (!client) return undefined; // the provider answers invalid_client itself
		const expected = { client_secret_basic: 'basic', client_secret_post: 'body', none: 'none' }[
			client.authMethod
		];
		if (record.clientAuth === expected) return undefined;
		return `client ${client.clientId} is registered for ${client.authMethod}, got ${record.clientAuth}`;
	}

	async function handleTokenRequest(
		req: http.IncomingMessage & { body?: string },
		res: http.ServerResponse,
	): Promise<boolean> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		req.body = Buffer.concat(chunks).toString();
		const record = tokenRecordFor(
			new URLSearchParams(req.body),
			String(req.headers.authorization ?? ''),
		);
		tokenRequests.push(record);
		const mismatch = authMismatch(record);
		if (mismatch) {
			record.status = 401;
			record.error = `invalid_client: ${mismatch}`;
			res.writeHead(401, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: 'invalid_client', error_description: mismatch }));
			return false;
		}
		pendingTokenRecords.set(req, record);
		return true;
	}

	// Completes the token record with the provider's answer.
	provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
		await next();
		const record = pendingTokenRecords.get(ctx.req);
		if (!record) return;
		const response = (ctx.body ?? {}) as Record<string, unknown>;
		record.status = ctx.status;
		if (typeof response.error === 'string')
			record.error = `${response.error}: ${response.error_description ?? ''}`;
		if (typeof response.access_token === 'string') {
			record.accessToken = response.access_token;
			issuedAccessTokens.add(response.access_token);
			// Fields such as Salesforce's instance_url, when a test asks for them.
			Object.assign(response, extraTokenFields);
		}
	});

	const callback = provider.callback();

	async function interactionPage(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		rest: string,
	): Promise<void> {
		const [uid, action] = rest.split('/');
		const details = await provider.interactionDetails(req, res);
		if (details.uid !== uid) throw new Error('interaction mismatch');
		const { prompt, params } = details;
		if (req.method === 'POST' && action === 'login') {
			const form = await readForm(req);
			if (
				form.get('username') !== TEST_USER.username ||
				form.get('password') !== TEST_USER.password
			) {
				res
					.writeHead(200, { 'content-type': 'text/html' })
					.end(loginPage(uid, 'Wrong username or password'));
				return;
			}
			await provider.interactionFinished(
				req,
				res,
				{ login: { accountId: TEST_USER.username } },
				{ mergeWithLastSubmission: false },
			);
			return;
		}
		if (req.method === 'POST' && action === 'confirm') {
			await readForm(req);
			const grant = details.grantId
				? (await provider.Grant.find(details.grantId))!
				: new provider.Grant({
						accountId: details.session!.accountId,
						clientId: params.client_id as string,
					});
			const missing = prompt.details as {
				missingOIDCScope?: string[];
				missingOIDCClaims?: string[];
				missingResourceScopes?: Record<string, string[]>;
			};
			if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
			if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
			for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
				grant.addResourceScope(indicator, scopes.join(' '));
			}
			const grantId = await grant.save();
			await provider.interactionFinished(
				req,
				res,
				{ consent: { grantId } },
				{ mergeWithLastSubmission: true },
			);
			return;
		}
		if (req.method === 'POST' && action === 'abort') {
			await provider.interactionFinished(req, res, {
				error: 'access_denied',
				error_description: 'The user denied access',
			});
			return;
		}
		const html =
			prompt.name === 'login'
				? loginPage(uid)
				: consentPage(uid, String(params.client_id), String(params.scope ?? ''));
		res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(html);
	}

	function loginPage(uid: string, error = ''): string {
		return page(
			`Sign in to ${realm}`,
			`${error ? `<p style="color:#b00">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${mountPath}/interaction/${uid}/login">
<input name="username" placeholder="Username" autofocus><input name="password" type="password" placeholder="Password">
<button type="submit" id="sign-in">Sign in</button></form>`,
		);
	}

	function consentPage(uid: string, clientId: string, scope: string): string {
		const items = scope
			.split(' ')
			.filter(Boolean)
			.map((s) => `<li>${escapeHtml(s)}</li>`)
			.join('');
		return page(
			'Authorize access',
			`<p><b>${escapeHtml(clientId)}</b> asks for:</p><ul>${items || '<li>(no scope)</li>'}</ul>
<form method="post" action="${mountPath}/interaction/${uid}/confirm"><button type="submit" id="allow">Allow</button></form>
<form method="post" action="${mountPath}/interaction/${uid}/abort"><button type="submit" id="deny" style="background:#888">Deny</button></form>`,
		);
	}

	function recordAuthorize(url: URL): void {
		const query = Object.fromEntries(url.searchParams);
		authorizeRequests.push({
			at: Date.now(),
			path: url.pathname,
			clientId: query.client_id,
			scope: query.scope,
			codeChallengeMethod: query.code_challenge_method,
			hasCodeChallenge: Boolean(query.code_challenge),
			redirectUri: query.redirect_uri,
			query,
		});
	}

	server.on(
		'request',
		(req: http.IncomingMessage & { originalUrl?: string }, res: http.ServerResponse) => {
			const url = new URL(req.url ?? '/', origin);
			if (!url.pathname.startsWith(`${mountPath}/`)) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
				return;
			}
			const rest = url.pathname.slice(mountPath.length);
			if (rest.startsWith('/interaction/')) {
				interactionPage(req, res, rest.slice('/interaction/'.length)).catch((error) => {
					if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
					res.end(`interaction failed: ${error?.message ?? error}`);
				});
				return;
			}
			if (rest === '/protocol/openid-connect/auth') {
				recordAuthorize(url);
				// oidc-provider denies a request without scopes; this server uses its default instead.
				if (!url.searchParams.get('scope')?.trim()) {
					url.searchParams.set('scope', DEFAULT_SCOPES.join(' '));
					req.url = url.pathname + url.search;
				}
			}
			// Mounted like express does it: the provider derives its mount path from originalUrl.
			req.originalUrl = req.url;
			req.url = rest + url.search;
			if (rest === '/protocol/openid-connect/token' && req.method === 'POST') {
				handleTokenRequest(req, res).then(
					(proceed) => proceed && callback(req, res),
					(error) => res.writeHead(400).end(String(error)),
				);
				return;
			}
			void callback(req, res);
		},
	);

	return {
		origin,
		realm,
		issuer,
		authorizeUrl: `${issuer}/protocol/openid-connect/auth`,
		tokenUrl: `${issuer}/protocol/openid-connect/token`,
		authorizeRequests,
		tokenRequests,
		provider,
		setAccessTokenTtl(seconds) {
			accessTokenTtl = seconds;
		},
		setExtraTokenFields(fields) {
			extraTokenFields = fields;
		},
		async validateAccessToken(token) {
			const found =
				(await provider.AccessToken.find(token)) ?? (await provider.ClientCredentials.find(token));
			if (!found) return undefined;
			return {
				clientId: found.clientId as string,
				scope: found.scope,
				accountId: (found as { accountId?: string }).accountId,
			};
		},
		async revokeAccessTokens() {
			let revoked = 0;
			for (const value of issuedAccessTokens) {
				const token =
					(await provider.AccessToken.find(value)) ??
					(await provider.ClientCredentials.find(value));
				if (token) {
					await token.destroy();
					revoked++;
				}
			}
			return revoked;
		},
		async revokeGrantOf(accessToken) {
			const token = await provider.AccessToken.find(accessToken);
			if (!token?.grantId) throw new Error('no grant behind that access token');
			const grant = await provider.Grant.find(token.grantId);
			await grant?.destroy();
			await token.destroy();
		},
		clearRecords() {
			authorizeRequests.length = 0;
			tokenRequests.length = 0;
		},
		close() {
			return new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			});
		},
	};
}
