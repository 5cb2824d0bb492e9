/** The shape of a provider preset and of the fields its templates use. */

/** How the client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
export type TokenAuthMethod =
	/** client_secret_basic: HTTP Basic header */
	| 'header'
	/** client_secret_post: client_id and client_secret in the form body */
	| 'body';

export type ScopeSeparator = ' ' | ',';

/**
 * `supportedNotDefault`: works, but should not be the default (Slack: turning PKCE on makes the
 * app a public client for good; Meta: only with OpenID Connect login).
 */
export type PkceSupport = 'unsupported' | 'supported' | 'supportedNotDefault' | 'required';

/**
 * A token-response field that names the API host: Salesforce `instance_url` and Zoho, Pipedrive
 * `api_domain` (a URL), Wrike `host` (a bare host name).
 */
export interface TokenResponseApiHost {
	field: 'instance_url' | 'api_domain' | 'host';
	/** `url`: `https://host` (a path kept); `host`: a bare host name, called over https. */
	form: 'url' | 'host';
	/**
	 * The path the API is served under on that host, when it differs from the API base URL's path
	 * (Pipedrive: `/api` on the company host, none on api.pipedrive.com).
	 */
	basePath?: string;
	/**
	 * The hosts the field may name (`*.` for subdomains): any other host it names is ignored, so a
	 * token response cannot widen where the token goes.
	 */
	hosts: string[];
}

/**
 * What a preset field's value is, so it is checked before it becomes part of a URL:
 * a DNS label (`acme` of acme.myshopify.com), a whole host name, a directory tenant (ID, domain or
 * `common`), one path segment, one of the field's options, or a header value.
 */
export type PresetFieldKind =
	| 'dnsLabel'
	| 'hostname'
	| 'tenant'
	| 'pathSegment'
	| 'option'
	/** Printable text for a header (a User-Agent), never part of a URL. */
	| 'headerValue';

/** A value the user supplies for a preset (tenant, instance, data centre, ...). */
export interface PresetField {
	displayName: string;
	kind: PresetFieldKind;
	/**
	 * What the value must match instead of its kind's pattern, and how to say so (GitHub Host:
	 * github.com or a GHE.com host, so the token goes to no other server).
	 */
	pattern?: { regex: RegExp; expected: string };
	/** Paths that may follow a host name (Keycloak 16 and older serve under /auth). */
	pathSuffixes?: string[];
	description: string;
	placeholder?: string;
	default: string;
	/** When set, the field is a dropdown of these values. */
	options?: Array<{ name: string; value: string }>;
	/** Sample used by tests to resolve every template. */
	sample: string;
}

/** A named group of scopes the user can tick (e.g. Google Calendar, Drive). */
export interface ScopeSet {
	name: string;
	scopes: string[];
}

/** How a check URL is called when a GET with the token is not enough. */
export interface CheckRequestShape {
	method: 'GET' | 'POST';
	headers?: Record<string, string>;
	/** Sent as JSON. */
	body?: Record<string, unknown>;
}

export interface ProviderPreset {
	/** Option value stored in the credential: lower camel case, stable. */
	id: string;
	displayName: string;
	authUrl: string;
	tokenUrl: string;
	/** Scopes requested when the user types none and ticks no scope set. */
	defaultScopes: string[];
	/**
	 * Scopes the refresh token depends on (offline_access, offline, ...): always requested with the
	 * browser grants, also when the user types or ticks other scopes.
	 */
	refreshScopes?: string[];
	/**
	 * Scopes the check request needs (Google's and QuickBooks' userinfo: `openid`): always requested
	 * with the browser grants like the refresh scopes, also when the user types or ticks other scopes.
	 */
	checkScopes?: string[];
	/**
	 * Scopes requested with client credentials when the user types none and ticks no scope set
	 * (Microsoft: `https://{microsoftGraphHost}/.default`). Without it, the default scopes minus the
	 * OpenID Connect ones (openid, profile, email, offline_access): they need a signed-in user.
	 */
	clientCredentialsScopes?: string[];
	scopeSeparator: ScopeSeparator;
	/**
	 * The resource short scope names belong to (a Microsoft cloud's Graph host): `Mail.Read` is
	 * requested as `https://graph.microsoft.us/Mail.Read`. OpenID Connect scopes stay as they are.
	 */
	scopeResource?: string;
	tokenAuthMethod: TokenAuthMethod;
	/**
	 * Whether the provider accepts the client assertion n8n can sign instead of a secret
	 * (private_key_jwt: RS256, x5t certificate thumbprint, aud = the token URL).
	 */
	privateKeyJwt?: boolean;
	/** Extra authorization-request parameters, sent as a query string. */
	authQueryParameters?: Record<string, string>;
	/** Extra token-request parameters (n8n sends them on the code exchange and with client credentials). */
	tokenBodyParameters?: Record<string, string>;
	pkce: PkceSupport;
	/** Whether the provider offers the client credentials grant (with a client secret) for this API. */
	clientCredentials: boolean;
	/** Base for relative request URLs, no trailing slash. */
	apiBaseUrl: string;
	/** When the stored token response names the API host, that host (and base path) is the API base URL (and allowed). */
	tokenResponseApiHost?: TokenResponseApiHost;
	/** Hosts requests may go to by default (n8n's allowedDomains syntax, `*.` for subdomains). */
	allowedDomains: string[];
	scopeSets?: ScopeSet[];
	/**
	 * Headers the provider wants on every API request, the check's included (Etsy's
	 * `x-api-key: {clientId}`); a header of the same name the request sets wins. Only the package's
	 * nodes send them: n8n's HTTP Request node sends the token alone.
	 */
	apiHeaders?: Record<string, string>;
	/**
	 * A header that carries the access token too (Shopify's `X-Shopify-Access-Token`): the host
	 * sends it with the Authorization header on the nodes' requests.
	 */
	tokenHeader?: string;
	/**
	 * A cheap authorized GET naming the signed-in account (userinfo or "me"), absolute or relative to
	 * the API base URL. Like checkUrl and clientCredentialsCheckUrl it may hold `{clientId}`, the
	 * connection's client ID (Meta's app: `/{clientId}?fields=id,name`).
	 */
	checkUrl?: string;
	/** The check's method, headers and body when not a plain GET (Dropbox POST, Notion-Version, GraphQL). */
	checkRequest?: CheckRequestShape;
	/**
	 * The check URL with client credentials when it differs from checkUrl; null: no check on that
	 * grant (the check names the signed-in user, and a client-credentials token has none).
	 */
	clientCredentialsCheckUrl?: string | null;
	docsUrl: string;
	/** A short hint shown under the provider dropdown. */
	notes?: string;
	/** Where to create the app, where the redirect URL goes, where the client ID and secret are (<= 350 chars). */
	setupHint: string;
	setupDocsUrl: string;
	// Each fact's page, quote and date, or why it is unconfirmed: credentials/presetFacts.ts.
}
