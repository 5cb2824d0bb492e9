/**
 * Provider presets: one typed row per OAuth2 provider, read from each provider's own documentation.
 * The OAuth2 Connection credential generates its fields and the expressions the host resolves
 * from this table, and the README's preset table is generated from it too.
 *
 * URL templates (and scopes, token parameters, check URLs) may contain `{fieldKey}` placeholders;
 * each key names a field in PRESET_FIELDS, shown in the credential only for the presets whose
 * templates use it, or a placeholder derived from one (DERIVED_PLACEHOLDERS: a Microsoft cloud
 * gives its sign-in and Graph hosts).
 *
 * Each row records where its facts were confirmed: `sources` (the provider's own documentation
 * pages the endpoints, client authentication, PKCE and scopes were read from), `confirmedOn`, and
 * `unconfirmed` for the facts only found in a secondary index (Nango's providers.yaml, SDK code,
 * third-party guides): kept, but marked, and shown in the README.
 */

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

/** A token-response field that names the API host (Salesforce `instance_url`, Zoho `api_domain`). */
export type TokenResponseApiHost = 'instance_url' | 'api_domain';

/**
 * What a preset field's value is, so it is checked before it becomes part of a URL:
 * a DNS label (`acme` of acme.myshopify.com), a whole host name, a directory tenant (ID, domain or
 * `common`), one path segment, or one of the field's options.
 */
export type PresetFieldKind = 'dnsLabel' | 'hostname' | 'tenant' | 'pathSegment' | 'option';

/** A value the user supplies for a preset (tenant, instance, data centre, ...). */
export interface PresetField {
	displayName: string;
	kind: PresetFieldKind;
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
	/** When the stored token response has this field, its URL is the API base URL (and allowed). */
	tokenResponseApiHost?: TokenResponseApiHost;
	/**
	 * The hosts that token-response field may name (`*.` for subdomains): any other host it names
	 * is ignored, so a token response cannot widen where the token goes.
	 */
	tokenResponseApiHosts?: string[];
	/** Hosts requests may go to by default (n8n's allowedDomains syntax, `*.` for subdomains). */
	allowedDomains: string[];
	scopeSets?: ScopeSet[];
	/** A cheap authorized GET naming the signed-in account (userinfo or "me"), absolute or relative to the API base URL. */
	checkUrl?: string;
	docsUrl: string;
	/** A short hint shown under the provider dropdown. */
	notes?: string;
	/** Where to create the app, where the redirect URL goes, where the client ID and secret are (<= 350 chars). */
	setupHint: string;
	setupDocsUrl: string;
	/** The provider's documentation pages the endpoints and client authentication were confirmed from. */
	sources: string[];
	/** When they were (YYYY-MM-DD). */
	confirmedOn: string;
	/** Facts kept from a secondary index or the provider's code only, not confirmed in its docs. */
	unconfirmed?: string[];
}

/** The Microsoft clouds: where users sign in and where Graph lives (learn.microsoft.com/graph/deployments). */
export const MICROSOFT_CLOUDS = [
	{
		name: 'Global (login.microsoftonline.com, graph.microsoft.com)',
		value: 'global',
		loginHost: 'login.microsoftonline.com',
		graphHost: 'graph.microsoft.com',
	},
	{
		name: 'US Government L4 / GCC High (login.microsoftonline.us, graph.microsoft.us)',
		value: 'usGovernmentL4',
		loginHost: 'login.microsoftonline.us',
		graphHost: 'graph.microsoft.us',
	},
	{
		name: 'US Government L5 / DoD (login.microsoftonline.us, dod-graph.microsoft.us)',
		value: 'usGovernmentL5',
		loginHost: 'login.microsoftonline.us',
		graphHost: 'dod-graph.microsoft.us',
	},
	{
		name: 'China, operated by 21Vianet (login.chinacloudapi.cn, microsoftgraph.chinacloudapi.cn)',
		value: 'china',
		loginHost: 'login.chinacloudapi.cn',
		graphHost: 'microsoftgraph.chinacloudapi.cn',
	},
] as const;

export const PRESET_FIELDS = {
	microsoftCloud: {
		displayName: 'Microsoft Cloud',
		kind: 'option',
		description:
			'The national cloud your tenant lives in: it sets the sign-in host, the Graph host and the host of the Graph scopes. GCC (moderate) uses Global.',
		default: 'global',
		options: MICROSOFT_CLOUDS.map(({ name, value }) => ({ name, value })),
		sample: 'usGovernmentL5',
	},
	tenant: {
		displayName: 'Tenant',
		kind: 'tenant',
		description:
			'Directory (tenant) ID or domain from the Azure portal; "common" lets any work or personal account sign in, "organizations" only work accounts. Client credentials need your tenant ID or domain.',
		placeholder: 'e.g. contoso.onmicrosoft.com',
		default: 'common',
		sample: 'contoso.onmicrosoft.com',
	},
	salesforceLoginHost: {
		displayName: 'Salesforce Login',
		kind: 'hostname',
		description:
			'Where users sign in: login.salesforce.com (production), test.salesforce.com (sandbox) or your My Domain host, without https://',
		placeholder: 'e.g. acme.my.salesforce.com',
		default: 'login.salesforce.com',
		sample: 'test.salesforce.com',
	},
	salesforceInstance: {
		displayName: 'Salesforce Instance',
		kind: 'hostname',
		description:
			'Your org host for API calls (My Domain), without https://. Used only when the token response has no instance_url: leave empty for Authorization Code, fill in for client credentials.',
		placeholder: 'e.g. acme.my.salesforce.com',
		default: '',
		sample: 'acme.my.salesforce.com',
	},
	serviceNowInstance: {
		displayName: 'ServiceNow Instance',
		kind: 'dnsLabel',
		description: 'The instance name: the part before .service-now.com',
		placeholder: 'e.g. dev12345',
		default: '',
		sample: 'dev12345',
	},
	genesysRegion: {
		displayName: 'Genesys Cloud Region',
		kind: 'option',
		description: 'The domain of your Genesys Cloud region (the login host without "login.")',
		default: 'mypurecloud.com',
		options: [
			{ name: 'Americas (US East) - mypurecloud.com', value: 'mypurecloud.com' },
			{
				name: 'Americas (US East 2, FedRAMP) - use2.us-gov-pure.cloud',
				value: 'use2.us-gov-pure.cloud',
			},
			{ name: 'Americas (US West) - usw2.pure.cloud', value: 'usw2.pure.cloud' },
			{ name: 'Americas (Canada) - cac1.pure.cloud', value: 'cac1.pure.cloud' },
			{ name: 'Americas (Mexico) - mxc1.pure.cloud', value: 'mxc1.pure.cloud' },
			{ name: 'Americas (São Paulo) - sae1.pure.cloud', value: 'sae1.pure.cloud' },
			{ name: 'EMEA (Dublin) - mypurecloud.ie', value: 'mypurecloud.ie' },
			{ name: 'EMEA (Frankfurt) - mypurecloud.de', value: 'mypurecloud.de' },
			{ name: 'EMEA (London) - euw2.pure.cloud', value: 'euw2.pure.cloud' },
			{ name: 'EMEA (Zurich) - euc2.pure.cloud', value: 'euc2.pure.cloud' },
			{ name: 'EMEA (UAE) - mec1.pure.cloud', value: 'mec1.pure.cloud' },
			{ name: 'Asia Pacific (Mumbai) - aps1.pure.cloud', value: 'aps1.pure.cloud' },
			{ name: 'Asia Pacific (Singapore) - apse1.pure.cloud', value: 'apse1.pure.cloud' },
			{ name: 'Asia Pacific (Seoul) - apne2.pure.cloud', value: 'apne2.pure.cloud' },
			{ name: 'Asia Pacific (Sydney) - mypurecloud.com.au', value: 'mypurecloud.com.au' },
			{ name: 'Asia Pacific (Tokyo) - mypurecloud.jp', value: 'mypurecloud.jp' },
			{ name: 'Asia Pacific (Osaka) - apne3.pure.cloud', value: 'apne3.pure.cloud' },
		],
		sample: 'mypurecloud.ie',
	},
	zohoDataCenter: {
		displayName: 'Zoho Data Centre',
		kind: 'option',
		description:
			'The accounts domain of the data centre your Zoho account lives in (where you sign in)',
		default: 'zoho.com',
		options: [
			{ name: 'United States (zoho.com)', value: 'zoho.com' },
			{ name: 'Europe (zoho.eu)', value: 'zoho.eu' },
			{ name: 'India (zoho.in)', value: 'zoho.in' },
			{ name: 'Australia (zoho.com.au)', value: 'zoho.com.au' },
			{ name: 'Japan (zoho.jp)', value: 'zoho.jp' },
			{ name: 'Canada (zohocloud.ca)', value: 'zohocloud.ca' },
			{ name: 'China (zoho.com.cn)', value: 'zoho.com.cn' },
			{ name: 'Saudi Arabia (zoho.sa)', value: 'zoho.sa' },
			{ name: 'United Kingdom (zoho.uk)', value: 'zoho.uk' },
		],
		sample: 'zoho.eu',
	},
	zohoApiDomain: {
		displayName: 'Zoho API Domain',
		kind: 'option',
		description:
			'The API domain of the same data centre, used when the token response has no api_domain; Canada signs in at zohocloud.ca but calls zohoapis.ca',
		default: 'zohoapis.com',
		options: [
			{ name: 'United States (zohoapis.com)', value: 'zohoapis.com' },
			{ name: 'Europe (zohoapis.eu)', value: 'zohoapis.eu' },
			{ name: 'India (zohoapis.in)', value: 'zohoapis.in' },
			{ name: 'Australia (zohoapis.com.au)', value: 'zohoapis.com.au' },
			{ name: 'Japan (zohoapis.jp)', value: 'zohoapis.jp' },
			{ name: 'Canada (zohoapis.ca)', value: 'zohoapis.ca' },
			{ name: 'China (zohoapis.com.cn)', value: 'zohoapis.com.cn' },
			{ name: 'Saudi Arabia (zohoapis.sa)', value: 'zohoapis.sa' },
			{ name: 'United Kingdom (zohoapis.uk)', value: 'zohoapis.uk' },
		],
		sample: 'zohoapis.eu',
	},
	apigeeOrganization: {
		displayName: 'Apigee Organization',
		kind: 'pathSegment',
		description: 'The Apigee organization name, usually your Google Cloud project ID',
		placeholder: 'e.g. my-gcp-project',
		default: '',
		sample: 'my-gcp-project',
	},
	auth0Domain: {
		displayName: 'Auth0 Domain',
		kind: 'hostname',
		description: 'Your Auth0 tenant domain or custom domain, without https://',
		placeholder: 'e.g. acme.us.auth0.com',
		default: '',
		sample: 'acme.us.auth0.com',
	},
	docuSignAccountHost: {
		displayName: 'DocuSign Environment',
		kind: 'option',
		description: 'The DocuSign account server: production or the developer (demo) environment',
		default: 'account.docusign.com',
		options: [
			{ name: 'Production (account.docusign.com)', value: 'account.docusign.com' },
			{ name: 'Developer / Demo (account-d.docusign.com)', value: 'account-d.docusign.com' },
		],
		sample: 'account-d.docusign.com',
	},
	gitlabHost: {
		displayName: 'GitLab Host',
		kind: 'hostname',
		description:
			'gitlab.com, or the host of your self-managed GitLab (with its port if it has one), without https://',
		placeholder: 'e.g. gitlab.example.com',
		default: 'gitlab.com',
		sample: 'gitlab.example.com',
	},
	keycloakHost: {
		displayName: 'Keycloak Host',
		kind: 'hostname',
		pathSuffixes: ['/auth'],
		description:
			'The host of your Keycloak server (with its port if it has one), without https://; for Keycloak 16 and older add the /auth path (e.g. sso.example.com:8443/auth)',
		placeholder: 'e.g. sso.example.com',
		default: '',
		sample: 'sso.example.com',
	},
	keycloakRealm: {
		displayName: 'Keycloak Realm',
		kind: 'pathSegment',
		description: 'The realm your client is registered in',
		placeholder: 'e.g. acme',
		default: '',
		sample: 'acme',
	},
	mailchimpDataCenter: {
		displayName: 'Mailchimp Data Center',
		kind: 'dnsLabel',
		description:
			'The prefix of your Mailchimp URL (us6 in us6.admin.mailchimp.com); also the dc of https://login.mailchimp.com/oauth2/metadata',
		placeholder: 'e.g. us6',
		default: '',
		sample: 'us6',
	},
	oktaAuthServerId: {
		displayName: 'Okta Authorization Server ID',
		kind: 'pathSegment',
		description:
			'The ID of your custom authorization server (Security > API > Authorization Servers); "default" is the one every Okta org has',
		placeholder: 'e.g. aus1a2b3c4d5e6f7g8h9',
		default: 'default',
		sample: 'aus1a2b3c4d5e6f7g8h9',
	},
	oktaDomain: {
		displayName: 'Okta Domain',
		kind: 'hostname',
		description: 'Your Okta org domain or custom domain, without https://',
		placeholder: 'e.g. dev-123456.okta.com',
		default: '',
		sample: 'dev-123456.okta.com',
	},
	dynamicsOrgHost: {
		displayName: 'Dynamics 365 / Dataverse Environment Host',
		kind: 'hostname',
		description:
			'Your environment URL host, without https:// (Power Platform admin center > Environments): e.g. contoso.crm.dynamics.com or contoso.crm4.dynamics.com; GCC High *.crm.microsoftdynamics.us, DoD *.crm.appsplatform.us, China *.crm.dynamics.cn',
		placeholder: 'e.g. contoso.crm.dynamics.com',
		default: '',
		sample: 'contoso.crm4.dynamics.com',
	},
	gorgiasSubdomain: {
		displayName: 'Gorgias Subdomain',
		kind: 'dnsLabel',
		description: 'The part before .gorgias.com in your helpdesk URL (acme for acme.gorgias.com)',
		placeholder: 'e.g. acme',
		default: '',
		sample: 'acme-support',
	},
	payPalEnvironment: {
		displayName: 'PayPal Environment',
		kind: 'option',
		description: 'Live or Sandbox; use the client ID and secret of the same environment',
		default: 'paypal.com',
		options: [
			{ name: 'Live (paypal.com)', value: 'paypal.com' },
			{ name: 'Sandbox (sandbox.paypal.com)', value: 'sandbox.paypal.com' },
		],
		sample: 'sandbox.paypal.com',
	},
	smartsheetRegion: {
		displayName: 'Smartsheet Region',
		kind: 'option',
		description:
			'The region your Smartsheet account is hosted in (apps and tokens are separate per region)',
		default: 'smartsheet.com',
		options: [
			{ name: 'US (smartsheet.com)', value: 'smartsheet.com' },
			{ name: 'Europe (smartsheet.eu)', value: 'smartsheet.eu' },
			{ name: 'Australia (smartsheet.au)', value: 'smartsheet.au' },
			{ name: 'Smartsheet Gov (smartsheetgov.com)', value: 'smartsheetgov.com' },
		],
		sample: 'smartsheet.eu',
	},
	squareEnvironment: {
		displayName: 'Square Environment',
		kind: 'option',
		description: 'Production or Sandbox; the application ID and secret differ per environment',
		default: 'squareup.com',
		options: [
			{ name: 'Production (squareup.com)', value: 'squareup.com' },
			{ name: 'Sandbox (squareupsandbox.com)', value: 'squareupsandbox.com' },
		],
		sample: 'squareupsandbox.com',
	},
	zendeskSubdomain: {
		displayName: 'Zendesk Subdomain',
		kind: 'dnsLabel',
		description: 'The part before .zendesk.com in your Zendesk URL (acme for acme.zendesk.com)',
		placeholder: 'e.g. acme',
		default: '',
		sample: 'acme-help',
	},
	shopifyShop: {
		displayName: 'Shopify Shop',
		kind: 'dnsLabel',
		description: 'The shop name: the part before .myshopify.com',
		placeholder: 'e.g. acme-store',
		default: '',
		sample: 'acme-store',
	},
} satisfies Record<string, PresetField>;

export type PresetFieldKey = keyof typeof PRESET_FIELDS;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = `${LABEL}(?:\\.${LABEL})*`;
/** A self-hosted server on a port of its own (Keycloak's 8443) is still the same host. */
const PORT = '(?::[1-9][0-9]{0,4})?';

/** What each kind of field may hold; the nodes refuse anything else, and no URL is built from it. */
export const FIELD_KIND_PATTERNS: Record<PresetFieldKind, RegExp> = {
	dnsLabel: new RegExp(`^${LABEL}$`, 'i'),
	hostname: new RegExp(`^${HOSTNAME}${PORT}$`, 'i'),
	tenant: /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i,
	pathSegment: /^[a-z0-9._~-]+$/i,
	option: /^[a-z0-9.-]+$/i,
};

/** Characters that would move a value out of its place in a URL (a port's `:` only as the patterns allow). */
export const URL_BREAKING = /[/?#@,\\\s%]/;

/** A field's value as a template uses it: trimmed, without a trailing slash. */
export function cleanFieldValue(raw: unknown): string {
	return String(raw ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/** The value without an allowed path suffix (Keycloak's `/auth`): what must be a host name. */
export function withoutPathSuffix(field: PresetField, value: string): string {
	const suffix = field.pathSuffixes?.find((candidate) => value.endsWith(candidate));
	return suffix ? value.slice(0, -suffix.length) : value;
}

/** Whether a non-empty value is one the field may hold (an option exactly as listed). */
export function isValidFieldValue(key: PresetFieldKey, raw: unknown): boolean {
	const field: PresetField = PRESET_FIELDS[key];
	if (field.options) return field.options.some((option) => option.value === String(raw ?? ''));
	const checked = withoutPathSuffix(field, cleanFieldValue(raw));
	return !URL_BREAKING.test(checked) && FIELD_KIND_PATTERNS[field.kind].test(checked);
}

/**
 * What a placeholder becomes when the user's value is not one the field may hold: no host can be
 * built from it (`<` is not allowed in a host name), so the URL fails instead of reaching another host.
 */
export const UNUSABLE_VALUE = '<invalid>';

export const DERIVED_PLACEHOLDERS = {
	microsoftLoginHost: {
		field: 'microsoftCloud',
		values: Object.fromEntries(MICROSOFT_CLOUDS.map((cloud) => [cloud.value, cloud.loginHost])),
	},
	microsoftGraphHost: {
		field: 'microsoftCloud',
		values: Object.fromEntries(MICROSOFT_CLOUDS.map((cloud) => [cloud.value, cloud.graphHost])),
	},
} satisfies Record<string, { field: PresetFieldKey; values: Record<string, string> }>;

export type DerivedPlaceholder = keyof typeof DERIVED_PLACEHOLDERS;

/** Every string of a preset that may hold placeholders. */
export function presetTemplates(preset: ProviderPreset): string[] {
	return [
		preset.authUrl,
		preset.tokenUrl,
		preset.apiBaseUrl,
		...preset.allowedDomains,
		...preset.defaultScopes,
		...(preset.refreshScopes ?? []),
		...(preset.scopeResource ? [preset.scopeResource] : []),
		...Object.values(preset.tokenBodyParameters ?? {}),
		...(preset.checkUrl ? [preset.checkUrl] : []),
	];
}

function placeholdersOf(templates: string[]): string[] {
	return [
		...new Set(
			templates.flatMap((template) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1])),
		),
	];
}

/** The fields a preset needs, in PRESET_FIELDS order (directly or through a derived placeholder). */
export function presetFieldKeys(preset: ProviderPreset): PresetFieldKey[] {
	const used = placeholdersOf(presetTemplates(preset)).map((key) =>
		key in DERIVED_PLACEHOLDERS ? DERIVED_PLACEHOLDERS[key as DerivedPlaceholder].field : key,
	);
	return (Object.keys(PRESET_FIELDS) as PresetFieldKey[]).filter((key) => used.includes(key));
}

/**
 * Fields the preset needs only for the API host when the token response names it (Salesforce
 * Instance): they may stay empty while the token response has the host.
 */
export function fieldsReplacedByTokenResponse(preset: ProviderPreset): PresetFieldKey[] {
	if (!preset.tokenResponseApiHost) return [];
	const signIn = placeholdersOf([
		preset.authUrl,
		preset.tokenUrl,
		...preset.defaultScopes,
		...(preset.refreshScopes ?? []),
		...Object.values(preset.tokenBodyParameters ?? {}),
	]);
	return presetFieldKeys(preset).filter((key) => !signIn.includes(key));
}

/** Zoho's data-centre API hosts, the ones its token response's api_domain names. */
const ZOHO_API_HOSTS = PRESET_FIELDS.zohoApiDomain.options.map((option) => `www.${option.value}`);

const GOOGLE_AUTH_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const MICROSOFT_AUTH_URL = 'https://{microsoftLoginHost}/{tenant}/oauth2/v2.0/authorize';
const MICROSOFT_TOKEN_URL = 'https://{microsoftLoginHost}/{tenant}/oauth2/v2.0/token';

/** Sorted by display name; Custom is not a preset. */
export const PROVIDER_PRESETS: ProviderPreset[] = [
	{
		id: 'adobeIms',
		displayName: 'Adobe (IMS)',
		authUrl: 'https://ims-na1.adobelogin.com/ims/authorize/v2',
		tokenUrl: 'https://ims-na1.adobelogin.com/ims/token/v3',
		defaultScopes: ['openid', 'AdobeID'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ',',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://ims-na1.adobelogin.com',
		allowedDomains: ['ims-na1.adobelogin.com', '*.adobe.io'],
		checkUrl: 'https://ims-na1.adobelogin.com/ims/userinfo/v2',
		docsUrl:
			'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/implementation',
		notes:
			'Product APIs (e.g. lr.adobe.io) also need an x-api-key header with your client ID. Scopes depend on the API added to the project. Client credentials need an OAuth Server-to-Server credential.',
		setupHint:
			'In Adobe Developer Console (developer.adobe.com/console) create a project, Add API (e.g. Lightroom, Creative Cloud Libraries), choose User Authentication > OAuth Web App; set Default redirect URI and Redirect URI pattern to the n8n OAuth Redirect URL; copy Client ID and Client Secret from the credential.',
		setupDocsUrl:
			'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/implementation',
		sources: [
			'https://experienceleague.adobe.com/en/docs/experience-manager-learn/cloud-service/aem-apis/openapis/invoke-api-using-oauth-web-app',
			'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims',
			'https://developer.adobe.com/commerce/services/cloud/guides/rest/authentication/user',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'scopeSeparator (Adobe examples use commas; spaces are also seen)',
			'accessTokenLifetime (24 h) and 14-day refresh lifetime (not in an Adobe excerpt)',
			'pkce for OAuth Web App credentials',
			"whether body credentials are also accepted (Adobe's tutorial uses the Basic header)",
		],
	},
	{
		id: 'airtable',
		displayName: 'Airtable',
		authUrl: 'https://airtable.com/oauth2/v1/authorize',
		tokenUrl: 'https://airtable.com/oauth2/v1/token',
		defaultScopes: ['data.records:read', 'data.records:write', 'schema.bases:read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'required',
		clientCredentials: false,
		apiBaseUrl: 'https://api.airtable.com/v0',
		allowedDomains: ['api.airtable.com', 'content.airtable.com'],
		checkUrl: 'https://api.airtable.com/v0/meta/whoami',
		docsUrl: 'https://airtable.com/developers/web/api/oauth-reference',
		notes:
			'Every requested scope must be ticked in the integration. whoami needs no scope. Outside development the integration needs a Terms of Service URL, Support Email and Privacy Policy URL.',
		setupHint:
			'Open airtable.com/create/oauth > Register new OAuth integration; paste the n8n OAuth Redirect URL as the OAuth redirect URL; tick every scope you will request (at least one); click Generate client secret and copy the Client ID and Client Secret.',
		setupDocsUrl: 'https://airtable.com/developers/web/guides/oauth-integrations',
		sources: [
			'https://airtable.com/developers/web/api/oauth-reference',
			'https://airtable.com/developers/web/api/get-user-id-scopes',
			'https://github.com/Airtable/oauth-example/blob/main/index.js',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['accessTokenLifetime', 'refreshTokenNotes'],
	},
	{
		id: 'apigee',
		displayName: 'Apigee',
		authUrl: GOOGLE_AUTH_URL,
		tokenUrl: GOOGLE_TOKEN_URL,
		defaultScopes: ['https://www.googleapis.com/auth/cloud-platform'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		authQueryParameters: { access_type: 'offline', prompt: 'consent' },
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://apigee.googleapis.com/v1/organizations/{apigeeOrganization}',
		allowedDomains: ['apigee.googleapis.com'],
		checkUrl: 'https://apigee.googleapis.com/v1/organizations/{apigeeOrganization}',
		docsUrl: 'https://cloud.google.com/apigee/docs/reference/apis/apigee/rest',
		notes:
			'Apigee X/hybrid management API with a Google OAuth client; the user needs apigee.organizations.get on the org for the check call.',
		setupHint:
			'Google Cloud console: enable the Apigee API, set up the OAuth consent screen and publish it (in Testing, refresh tokens expire after 7 days), then APIs & Services > Credentials > Create credentials > OAuth client ID > Web application; add the n8n OAuth Redirect URL under Authorized redirect URIs; copy Client ID and Client secret.',
		setupDocsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server#creatingcred',
		sources: [
			'https://developers.google.com/identity/protocols/oauth2/web-server',
			'https://developers.google.com/identity/protocols/oauth2',
			'https://cloud.google.com/apigee/docs/reference/apis/apigee/rest/v1/organizations/get',
		],
		confirmedOn: '2026-12-01',
	},
	{
		id: 'asana',
		displayName: 'Asana',
		authUrl: 'https://app.asana.com/-/oauth_authorize',
		tokenUrl: 'https://app.asana.com/-/oauth_token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://app.asana.com/api/1.0',
		allowedDomains: ['app.asana.com'],
		checkUrl: 'https://app.asana.com/api/1.0/users/me',
		docsUrl: 'https://developers.asana.com/docs/oauth',
		notes:
			'Scopes are chosen in the app (full permissions, or the granular scopes you type); /users/me needs users:read with granular scopes.',
		setupHint:
			'In the Asana developer console (My apps) click Create new app; under OAuth add the n8n OAuth Redirect URL; pick Full permissions or the scopes you need; under Manage distribution allow your workspace; copy the Client ID and Client secret.',
		setupDocsUrl: 'https://developers.asana.com/docs/oauth',
		sources: [
			'https://developers.asana.com/docs/oauth',
			'https://developers.asana.com/docs/getting-started-with-asana-oauth',
			'https://github.com/Asana/devrel-examples/blob/master/javascript/pkce_oauth/server/index.js',
			'https://github.com/Asana/devrel-examples/blob/master/javascript/node-oauth-demo/index.js',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['refreshTokenNotes'],
	},
	{
		id: 'attio',
		displayName: 'Attio',
		authUrl: 'https://app.attio.com/authorize',
		tokenUrl: 'https://app.attio.com/oauth/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.attio.com/v2',
		allowedDomains: ['api.attio.com'],
		checkUrl: 'https://api.attio.com/v2/self',
		docsUrl: 'https://docs.attio.com/rest-api/tutorials/connect-an-app-through-oauth',
		notes:
			'Scopes are configured on the app, not requested. Unpublished apps can be installed in up to 25 workspaces; installs need a workspace admin.',
		setupHint:
			'In the Attio developer dashboard (build.attio.com) create an app; open the OAuth tab, toggle OAuth on, add the n8n OAuth Redirect URL under Redirect URIs; tick the scopes in the Scopes tab; copy Client ID and Client Secret.',
		setupDocsUrl: 'https://docs.attio.com/rest-api/tutorials/connect-an-app-through-oauth',
		sources: [
			'https://docs.attio.com/rest-api/guides/authentication',
			'https://docs.attio.com/docs/oauth/token',
			'https://docs.attio.com/rest-api/guides/configuring-oauth',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'authUrl path /authorize (Nango and docs menu; the authorize page itself not shown)',
			"accessTokenLifetime 'does not expire' (third-party guide)",
			'pkce',
			'checkUrl /v2/self',
		],
	},
	{
		id: 'auth0',
		displayName: 'Auth0',
		authUrl: 'https://{auth0Domain}/authorize',
		tokenUrl: 'https://{auth0Domain}/oauth/token',
		defaultScopes: ['openid', 'profile', 'email'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{auth0Domain}',
		allowedDomains: ['{auth0Domain}'],
		checkUrl: 'https://{auth0Domain}/userinfo',
		docsUrl: 'https://auth0.com/docs/api/authentication',
		notes:
			"To call an API (e.g. the Management API), add audience=<API identifier> to Extra Authorization Parameters and, for client credentials, to Extra Token Parameters. Refresh tokens need Allow Offline Access in the API's settings.",
		setupHint:
			'Auth0 Dashboard > Applications > Create Application > Regular Web Application; in Settings add the n8n OAuth Redirect URL to Allowed Callback URLs and copy Domain, Client ID, Client Secret. For client credentials, authorize the app for the API under APIs > Machine to Machine Applications.',
		setupDocsUrl:
			'https://auth0.com/docs/get-started/auth0-overview/create-applications/regular-web-apps',
		sources: [
			'https://auth0.com/docs/api-auth/config/asking-for-access-tokens',
			'https://auth0.com/docs/tokens/guides/get-access-tokens',
			'https://auth0.com/docs/refresh-token',
			'https://auth0.com/docs/tokens/guides/configure-refresh-token-rotation',
			'https://auth0.com/docs/get-started/applications/credentials',
			'https://auth0.com/docs/applications/view-application-type',
			'https://auth0.com/docs/api/authentication/user-profile/get-user-info',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['accessTokenLifetime (default value)'],
	},
	{
		id: 'basecamp',
		displayName: 'Basecamp',
		authUrl: 'https://launchpad.37signals.com/authorization/new',
		tokenUrl: 'https://launchpad.37signals.com/authorization/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://3.basecampapi.com',
		allowedDomains: [
			'3.basecampapi.com',
			'launchpad.37signals.com',
			'3.basecamp-static.com',
			'storage.3.basecamp.com',
		],
		checkUrl: 'https://launchpad.37signals.com/authorization.json',
		docsUrl: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md',
		notes:
			'No scopes. Paths start with the account ID from /authorization.json (e.g. /999999999/projects.json); a User-Agent with app name and contact is required.',
		setupHint:
			'Register your app at launchpad.37signals.com/integrations; enter name, company, website and paste the n8n OAuth Redirect URL as Redirect URI; save and copy Client ID and Client Secret.',
		setupDocsUrl: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md',
		sources: [
			'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md',
			'https://github.com/basecamp/bc3-api',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['pkce', 'refresh token rotation'],
	},
	{
		id: 'bitbucketCloud',
		displayName: 'Bitbucket Cloud',
		authUrl: 'https://bitbucket.org/site/oauth2/authorize',
		tokenUrl: 'https://bitbucket.org/site/oauth2/access_token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.bitbucket.org/2.0',
		allowedDomains: ['api.bitbucket.org'],
		checkUrl: 'https://api.bitbucket.org/2.0/user',
		docsUrl: 'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/',
		notes:
			'Not Atlassian 3LO: scopes are the permissions ticked on the OAuth consumer. Tokens must be sent as Bearer headers (no query/body tokens since May 2026).',
		setupHint:
			"Open your workspace > Settings (cog) > Workspace settings > Apps and features > OAuth consumers > Add consumer; paste the n8n OAuth Redirect URL into Callback URL; tick the permissions you need (Account: Read for the check); save and copy Key (Client ID) and Secret. Tick 'This is a private consumer' for client credentials.",
		setupDocsUrl:
			'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/',
		sources: [
			'https://developer.atlassian.com/cloud/bitbucket/oauth-2',
			'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/',
			'https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'pkce (not mentioned in Bitbucket Cloud docs; assumed unsupported)',
			"'private consumer' requirement for client credentials",
		],
	},
	{
		id: 'box',
		displayName: 'Box',
		authUrl: 'https://account.box.com/api/oauth2/authorize',
		tokenUrl: 'https://api.box.com/oauth2/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.box.com/2.0',
		allowedDomains: ['api.box.com', 'upload.box.com', 'dl.boxcloud.com'],
		checkUrl: 'https://api.box.com/2.0/users/me',
		docsUrl: 'https://developer.box.com/guides/authentication/oauth2/',
		notes:
			'Scopes are set in the app. Client credentials need a Server (CCG) app and body params box_subject_type=enterprise, box_subject_id=<enterprise ID>.',
		setupHint:
			'Box Developer Console > Create Platform App > User Authentication (OAuth 2.0); on Configuration add the n8n OAuth Redirect URL as OAuth 2.0 Redirect URI, tick Application Scopes, Save; copy Client ID and Client Secret. Client credentials need a Server Authentication (CCG) app authorized by an admin.',
		setupDocsUrl: 'https://developer.box.com/guides/authentication/oauth2/oauth2-setup/',
		sources: [
			'https://developer.box.com/guides/authentication/tokens/access-tokens/',
			'https://developer.box.com/guides/authentication/tokens/refresh',
			'https://developer.box.com/guides/authentication/client-credentials/',
			'https://developer.box.com/guides/tooling/postman/access-token/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['pkce'],
	},
	{
		id: 'calendly',
		displayName: 'Calendly',
		authUrl: 'https://auth.calendly.com/oauth/authorize',
		tokenUrl: 'https://auth.calendly.com/oauth/token',
		defaultScopes: ['users:read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.calendly.com',
		allowedDomains: ['api.calendly.com'],
		checkUrl: 'https://api.calendly.com/users/me',
		docsUrl: 'https://developer.calendly.com/docs/authentication/scopes',
		notes:
			'Apps created since March 2026 get no access until you request scopes (e.g. users:read event_types:read). PKCE is recommended but not enforced for web apps.',
		setupHint:
			'Sign in to developer.calendly.com (GitHub or Google) > My OAuth Apps > Create New App; kind Web, environment Sandbox or Production; paste the n8n OAuth Redirect URL as Redirect URI (HTTPS in production); select the scopes; copy Client ID and Client Secret (shown once).',
		setupDocsUrl: 'https://developer.calendly.com/creating-an-oauth-app',
		sources: [
			'https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/post-oauth-refresh-token',
			'https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/get-oauth-authorize',
			'https://developer.calendly.com/creating-an-oauth-app',
			'https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users',
			'https://developer.calendly.com/docs/authentication/scopes',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['scope needed by /users/me (users:read per third-party docs only)'],
	},
	{
		id: 'canva',
		displayName: 'Canva',
		authUrl: 'https://www.canva.com/api/oauth/authorize',
		tokenUrl: 'https://api.canva.com/rest/v1/oauth/token',
		defaultScopes: ['profile:read', 'design:meta:read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'required',
		clientCredentials: false,
		apiBaseUrl: 'https://api.canva.com/rest/v1',
		allowedDomains: ['api.canva.com'],
		checkUrl: 'https://api.canva.com/rest/v1/users/me',
		docsUrl: 'https://www.canva.dev/docs/connect/creating-integrations/',
		notes:
			'Authorization Code with PKCE (S256) is mandatory. Scopes requested must also be enabled on the integration.',
		setupHint:
			'In the Canva Developer Portal (canva.com/developers) > Your integrations > Create an integration; under Configuration generate and save the client secret, tick the scopes, and under Authentication add the n8n OAuth Redirect URL; copy the Client ID.',
		setupDocsUrl: 'https://www.canva.dev/docs/connect/creating-integrations/',
		sources: [
			'https://canva.dev/docs/connect/authentication',
			'https://canva.dev/docs/connect/api-reference/authentication/generate-access-token',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'authUrl (www.canva.com/api/oauth/authorize from Nango and memory; excerpt cut before it)',
			'refresh-token single use (third-party guides)',
			'setupDocsUrl path',
		],
	},
	{
		id: 'clickUp',
		displayName: 'ClickUp',
		authUrl: 'https://app.clickup.com/api',
		tokenUrl: 'https://api.clickup.com/api/v2/oauth/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.clickup.com/api/v2',
		allowedDomains: ['api.clickup.com'],
		checkUrl: 'https://api.clickup.com/api/v2/user',
		docsUrl: 'https://developer.clickup.com/docs/authentication',
		notes:
			'ClickUp has no scopes; the user picks the Workspaces to share. API tokens go in the Authorization header.',
		setupHint:
			'As Workspace owner/admin: avatar > Settings > Apps (ClickUp API) > Create new app; enter a name and the n8n OAuth Redirect URL; click Create App and copy the Client ID and Client Secret.',
		setupDocsUrl: 'https://help.clickup.com/hc/en-us/articles/6303426241687-Use-the-ClickUp-API',
		sources: [
			'https://developer.clickup.com/docs/authentication',
			'https://developer.clickup.com/reference/getaccesstoken',
			'https://help.clickup.com/hc/en-us/articles/6303426241687-Use-the-ClickUp-API',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'pkce',
			'accessTokenLifetime',
			'refreshTokenNotes',
			'tokenAuthMethod (reference lists client_id/client_secret/code as query parameters of the POST)',
		],
	},
	{
		id: 'close',
		displayName: 'Close',
		authUrl: 'https://app.close.com/oauth2/authorize/',
		tokenUrl: 'https://api.close.com/oauth2/token/',
		defaultScopes: ['all.full_access', 'offline_access'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.close.com/api/v1',
		allowedDomains: ['api.close.com'],
		checkUrl: 'https://api.close.com/api/v1/me/',
		docsUrl: 'https://developer.close.com/integrations/create-an-oauth-app',
		notes:
			'The user picks the organization on the consent screen. Keep the trailing slashes on the OAuth URLs.',
		setupHint:
			'In Close go to Settings > Developer > OAuth Apps > Create App; fill in the form and add the n8n OAuth Redirect URL as Redirect URI; save and copy Client ID and Client Secret.',
		setupDocsUrl: 'https://developer.close.com/integrations/create-an-oauth-app',
		sources: [
			'https://developer.close.com/api/overview/oauth-authentication',
			'https://developer.close.com/topics/authentication-oauth2',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'scopes (all.full_access / offline_access from Nango and memory; not in the excerpt)',
			'accessTokenLifetime',
			'pkce',
		],
	},
	{
		id: 'constantContact',
		displayName: 'Constant Contact',
		authUrl: 'https://authz.constantcontact.com/oauth2/default/v1/authorize',
		tokenUrl: 'https://authz.constantcontact.com/oauth2/default/v1/token',
		defaultScopes: ['account_read', 'contact_data', 'offline_access'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supportedNotDefault',
		clientCredentials: false,
		apiBaseUrl: 'https://api.cc.email/v3',
		allowedDomains: ['api.cc.email'],
		checkUrl: 'https://api.cc.email/v3/account/summary',
		docsUrl: 'https://developer.constantcontact.com/api_guide/server_flow.html',
		notes:
			"PKCE is Constant Contact's flow for public clients (no secret); use the secret-based Authorization Code Flow here. offline_access is what issues a refresh token.",
		setupHint:
			'In the V3 Developer Portal (app.constantcontact.com/pages/dma/portal) > My Applications > New Application; pick Authorization Code Flow and the refresh-token type; Generate Secret; add the n8n OAuth Redirect URL under Redirect URI; save; the API Key is the Client ID.',
		setupDocsUrl: 'https://developer.constantcontact.com/api_guide/server_flow.html',
		sources: [
			'https://developer.constantcontact.com/api_guide/server_flow.html',
			'https://developer.constantcontact.com/api_guide/auth_overview.html',
			'https://developer.constantcontact.com/api_guide/pkce_flow.html',
			'https://developer.constantcontact.com/api_guide/apps_create_archive.html',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenUrl path /v1/token (device-flow page shows the same authz host; token path from Nango)',
			'accessTokenLifetime',
			'refresh-token type options',
			'checkUrl',
		],
	},
	{
		id: 'discord',
		displayName: 'Discord',
		authUrl: 'https://discord.com/oauth2/authorize',
		tokenUrl: 'https://discord.com/api/oauth2/token',
		defaultScopes: ['identify', 'email', 'guilds'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://discord.com/api/v10',
		allowedDomains: ['discord.com'],
		checkUrl: 'https://discord.com/api/v10/oauth2/@me',
		docsUrl: 'https://discord.com/developers/docs/topics/oauth2',
		notes:
			"Client credentials give a token for the app's owner (mainly for testing); bots use a Bot token. PKCE is S256 only.",
		setupHint:
			'Discord Developer Portal > Applications > New Application; open OAuth2, add the n8n OAuth Redirect URL under Redirects and Save; copy the Client ID and click Reset Secret to get the Client Secret.',
		setupDocsUrl: 'https://discord.com/developers/docs/topics/oauth2',
		sources: [
			'https://discord.com/.well-known/oauth-authorization-server',
			'https://discord.com/developers/docs/topics/oauth2',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['accessTokenLifetime (604800 s seen only in secondary material)'],
	},
	{
		id: 'docuSign',
		displayName: 'DocuSign',
		authUrl: 'https://{docuSignAccountHost}/oauth/auth',
		tokenUrl: 'https://{docuSignAccountHost}/oauth/token',
		defaultScopes: ['signature', 'extended'],
		refreshScopes: ['extended'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://{docuSignAccountHost}',
		allowedDomains: ['{docuSignAccountHost}', '*.docusign.net'],
		checkUrl: 'https://{docuSignAccountHost}/oauth/userinfo',
		docsUrl: 'https://developers.docusign.com/platform/auth/authcode/',
		notes:
			'eSignature calls go to the base_uri of GET /oauth/userinfo (e.g. https://na3.docusign.net/restapi): use full URLs. userinfo has hourly call limits.',
		setupHint:
			'DocuSign admin > Apps and Keys > Add App and Integration Key; under User Application answer Yes to storing a client secret (Confidential ACG), Add Secret Key and copy it, add the n8n OAuth Redirect URL under Redirect URIs, Save; copy the Integration Key as Client ID.',
		setupDocsUrl: 'https://developers.docusign.com/platform/auth/confidential-authcode-get-token',
		sources: [
			'https://developers.docusign.com/platform/auth/reference/obtain-access-token',
			'https://developers.docusign.com/platform/auth/confidential-authcode-get-token',
			'https://developers.docusign.com/platform/auth/authcode',
			'https://developers.docusign.com/platform/auth/reference/user-info',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['accessTokenLifetime', 'refreshTokenNotes'],
	},
	{
		id: 'dropbox',
		displayName: 'Dropbox',
		authUrl: 'https://www.dropbox.com/oauth2/authorize',
		tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		authQueryParameters: { token_access_type: 'offline' },
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.dropboxapi.com/2',
		allowedDomains: ['api.dropboxapi.com', 'content.dropboxapi.com', 'notify.dropboxapi.com'],
		checkUrl: 'https://api.dropboxapi.com/2/users/get_current_account',
		docsUrl: 'https://developers.dropbox.com/oauth-guide',
		notes:
			"With no scopes typed, the token gets every scope ticked in the app's Permissions tab. The check call users/get_current_account is a POST (account_info.read).",
		setupHint:
			'dropbox.com/developers/apps > Create app > Scoped access, App folder or Full Dropbox; on Settings add the n8n OAuth Redirect URL under OAuth 2 Redirect URIs and copy App key (Client ID) and App secret; tick the scopes you need on Permissions and Submit.',
		setupDocsUrl: 'https://developers.dropbox.com/oauth-guide',
		sources: [
			'https://developers.dropbox.com/oauth-guide',
			'https://dropbox.tech/developers/using-oauth-2-0-with-offline-access',
			'https://www.dropbox.com/developers/documentation/http/documentation#users-get_current_account',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime (4 h seen in Dropbox forum/secondary posts)',
			'checkUrl method: Dropbox RPC endpoints are POST-only (POST with no body)',
		],
	},
	{
		id: 'etsy',
		displayName: 'Etsy',
		authUrl: 'https://www.etsy.com/oauth/connect',
		tokenUrl: 'https://api.etsy.com/v3/public/oauth/token',
		defaultScopes: ['shops_r', 'listings_r'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'required',
		clientCredentials: false,
		apiBaseUrl: 'https://openapi.etsy.com/v3',
		allowedDomains: ['openapi.etsy.com', 'api.etsy.com'],
		checkUrl: 'https://openapi.etsy.com/v3/application/users/me',
		docsUrl: 'https://developers.etsy.com/documentation/essentials/authentication/',
		notes:
			'Every API request also needs an x-api-key header (keystring, now keystring:shared_secret). The token request needs only client_id + code_verifier; the secret is not used there.',
		setupHint:
			"Create an app at etsy.com/developers/your-apps (wait for approval); under the app's details add the n8n OAuth Redirect URL as a callback URL; use the keystring as Client ID and the shared secret as Client Secret.",
		setupDocsUrl: 'https://developers.etsy.com/documentation/essentials/authentication/',
		sources: ['https://developers.etsy.com/documentation/essentials/authentication/'],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime / 90-day refresh lifetime (not in the excerpt)',
			"x-api-key must be 'keystring:shared_secret' (seen in code and Nango, not in Etsy docs excerpt)",
			'checkUrl path /v3/application/users/me',
		],
	},
	{
		id: 'fortnox',
		displayName: 'Fortnox',
		authUrl: 'https://apps.fortnox.se/oauth-v1/auth',
		tokenUrl: 'https://apps.fortnox.se/oauth-v1/token',
		defaultScopes: ['companyinformation'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		authQueryParameters: { access_type: 'offline' },
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.fortnox.se/3',
		allowedDomains: ['api.fortnox.se'],
		checkUrl: 'https://api.fortnox.se/3/companyinformation',
		docsUrl: 'https://www.fortnox.se/developer/authorization',
		notes:
			'Needs a Swedish organisation to register. Client credentials only after a service-account consent (account_type=service) and need the tenantId: use Custom for that, with Service account enabled for the app in the Developer Portal.',
		setupHint:
			'Register as a developer at apps.fortnox.se/integration-developer, open the Developer Portal > Create app; enable the scopes you need (e.g. companyinformation, invoice); add the n8n OAuth Redirect URL under Redirect URIs; copy Client ID and Client Secret.',
		setupDocsUrl: 'https://www.fortnox.se/developer/authorization',
		sources: [
			'https://www.fortnox.se/developer/authorization/get-authorization-code',
			'https://www.fortnox.se/developer/authorization/get-access-token',
			'https://www.fortnox.se/developer/authorization/get-refresh-token',
			'https://www.fortnox.se/developer/authorization/get-access-token-using-client-credentials',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			"45-day refresh lifetime and rotation (API-catalogue digest of Fortnox's page; the refresh response does return a new refresh_token)",
			'pkce',
			'setupHint portal wording',
		],
	},
	{
		id: 'freshBooks',
		displayName: 'FreshBooks',
		authUrl: 'https://auth.freshbooks.com/oauth/authorize',
		tokenUrl: 'https://api.freshbooks.com/auth/oauth/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.freshbooks.com',
		allowedDomains: ['api.freshbooks.com'],
		checkUrl: 'https://api.freshbooks.com/auth/api/v1/users/me',
		docsUrl: 'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api',
		notes:
			'Scopes are set on the app. Accounting calls need the account id from /auth/api/v1/users/me (e.g. /accounting/account/{accountId}/...).',
		setupHint:
			'Sign in to FreshBooks, open the developer page (my.freshbooks.com/#/developer) > Create New App; add the n8n OAuth Redirect URL (HTTPS, no query string) under Redirect URIs; tick the scopes (user:profile:read for the check, plus what you need); save and copy Client ID and Client Secret.',
		setupDocsUrl: 'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api',
		sources: [
			'https://www.freshbooks.com/developers/authentication',
			'https://www.freshbooks.com/api/authentication',
			'https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['pkce', 'scopeSeparator (scopes are normally ticked on the app)'],
	},
	{
		id: 'front',
		displayName: 'Front',
		authUrl: 'https://app.frontapp.com/oauth/authorize',
		tokenUrl: 'https://app.frontapp.com/oauth/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api2.frontapp.com',
		allowedDomains: ['api2.frontapp.com', '*.api.frontapp.com'],
		checkUrl: 'https://api2.frontapp.com/me',
		docsUrl: 'https://dev.frontapp.com/docs/create-and-manage-apps',
		notes:
			"Scopes are set on the app's OAuth settings. Only admins can authorize OAuth apps; tokens are company-level.",
		setupHint:
			"In Front go to Settings > Developers > Create app; open the app's OAuth tab, enable OAuth, paste the n8n OAuth Redirect URL as Redirect URL and select the scopes (features/namespaces); copy Client ID and Client Secret. The person connecting must be a Front admin.",
		setupDocsUrl: 'https://dev.frontapp.com/docs/create-and-manage-apps',
		sources: [
			'https://dev.frontapp.com/docs/oauth',
			'https://dev.frontapp.com/docs/create-and-manage-apps',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenAuthMethod (Basic header from memory of the Front OAuth page; excerpt cut before the token step)',
			"refresh-token details (API-catalogue digest of Front's page)",
			'pkce',
		],
	},
	{
		id: 'genesysCloud',
		displayName: 'Genesys Cloud',
		authUrl: 'https://login.{genesysRegion}/oauth/authorize',
		tokenUrl: 'https://login.{genesysRegion}/oauth/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.{genesysRegion}',
		allowedDomains: ['api.{genesysRegion}'],
		checkUrl: 'https://api.{genesysRegion}/api/v2/tokens/me',
		docsUrl: 'https://developer.genesys.cloud/api/rest/authorization/use-authorization-code',
		notes:
			'Scopes are assigned to the OAuth client in Admin > Integrations > OAuth. Pick the region your org lives in.',
		setupHint:
			'Genesys Cloud Admin > Integrations > OAuth > Add Client; Grant Type Code Authorization (or Client Credentials with roles); add the n8n OAuth Redirect URL under Authorized redirect URIs; pick the scopes; Save and copy Client ID and Client Secret.',
		setupDocsUrl: 'https://help.mypurecloud.com/articles/create-an-oauth-client/',
		sources: [
			'https://developer.genesys.cloud/api/rest/authorization/use-authorization-code',
			'https://github.com/MyPureCloud/platform-client-sdk-javascript/blob/master/build/src/purecloud-platform-client-v2/PureCloudRegionHosts.js',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime (default value)',
			'checkUrl permissions (/api/v2/tokens/me)',
			'EU Sovereign region edee1.eusc-pure.cloud (alpha) seen only in third-party code; not added',
		],
	},
	{
		id: 'gitHub',
		displayName: 'GitHub',
		authUrl: 'https://github.com/login/oauth/authorize',
		tokenUrl: 'https://github.com/login/oauth/access_token',
		defaultScopes: ['repo', 'read:user', 'user:email'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.github.com',
		allowedDomains: ['api.github.com', 'uploads.github.com'],
		checkUrl: 'https://api.github.com/user',
		docsUrl:
			'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
		notes:
			"GitHub Apps ignore scopes (permissions are set in the app); OAuth apps use them. PKCE: S256 only, optional. Keep a GitHub App's User-to-server token expiration on, or no refresh token is issued.",
		setupHint:
			'GitHub > Settings > Developer settings > OAuth Apps > New OAuth App (or GitHub Apps > New GitHub App); paste the n8n OAuth Redirect URL as Authorization callback URL; Register; copy the Client ID and click Generate a new client secret.',
		setupDocsUrl:
			'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/creating-an-oauth-app',
		sources: [
			'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
			'https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime / refreshTokenNotes for GitHub Apps (8 h / 6 months not re-checked this round)',
		],
	},
	{
		id: 'gitLab',
		displayName: 'GitLab',
		authUrl: 'https://{gitlabHost}/oauth/authorize',
		tokenUrl: 'https://{gitlabHost}/oauth/token',
		defaultScopes: ['read_user', 'read_api'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://{gitlabHost}/api/v4',
		allowedDomains: ['{gitlabHost}'],
		checkUrl: 'https://{gitlabHost}/api/v4/user',
		docsUrl: 'https://docs.gitlab.com/api/oauth2/',
		notes:
			'Works with gitlab.com and self-managed GitLab (set the host). Use the api scope to write.',
		setupHint:
			'GitLab: avatar > Edit profile > Applications > Add new application (or a group/instance application); enter a Name, paste the n8n OAuth Redirect URL as Redirect URI, keep Confidential ticked, tick read_user and read_api (or api), Save; copy Application ID and Secret.',
		setupDocsUrl: 'https://docs.gitlab.com/integration/oauth_provider/',
		sources: [
			'https://docs.gitlab.com/api/oauth2/',
			'https://docs.gitlab.com/integration/oauth_provider/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['refreshTokenNotes (rotation)'],
	},
	{
		id: 'google',
		displayName: 'Google',
		authUrl: GOOGLE_AUTH_URL,
		tokenUrl: GOOGLE_TOKEN_URL,
		defaultScopes: ['openid', 'email', 'profile'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		authQueryParameters: { access_type: 'offline', prompt: 'consent' },
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://www.googleapis.com',
		allowedDomains: ['*.googleapis.com'],
		scopeSets: [
			{ name: 'Google Calendar', scopes: ['https://www.googleapis.com/auth/calendar'] },
			{ name: 'Google Drive', scopes: ['https://www.googleapis.com/auth/drive'] },
			{ name: 'Google Sheets', scopes: ['https://www.googleapis.com/auth/spreadsheets'] },
			{ name: 'Gmail', scopes: ['https://www.googleapis.com/auth/gmail.modify'] },
			{ name: 'Google Docs', scopes: ['https://www.googleapis.com/auth/documents'] },
			{ name: 'Google Contacts', scopes: ['https://www.googleapis.com/auth/contacts'] },
		],
		checkUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
		docsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server',
		notes:
			'Enable each API (Calendar, Drive, ...) in your Google Cloud project. access_type=offline&prompt=consent is what yields the refresh token.',
		setupHint:
			'Google Cloud console > APIs & Services: enable each API you need, configure the OAuth consent screen and publish it (in Testing, refresh tokens expire after 7 days), then Credentials > Create credentials > OAuth client ID > Web application; add the n8n OAuth Redirect URL under Authorized redirect URIs; copy Client ID and Client secret.',
		setupDocsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server#creatingcred',
		sources: [
			'https://developers.google.com/identity/protocols/oauth2/web-server',
			'https://developers.google.com/identity/protocols/oauth2',
			'https://developers.google.com/identity/protocols/oauth2/openid-connect',
		],
		confirmedOn: '2026-12-01',
	},
	{
		id: 'gorgias',
		displayName: 'Gorgias',
		authUrl: 'https://{gorgiasSubdomain}.gorgias.com/oauth/authorize',
		tokenUrl: 'https://{gorgiasSubdomain}.gorgias.com/oauth/token',
		defaultScopes: ['openid', 'offline', 'account:read'],
		refreshScopes: ['offline'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://{gorgiasSubdomain}.gorgias.com/api',
		allowedDomains: ['{gorgiasSubdomain}.gorgias.com'],
		checkUrl: 'https://{gorgiasSubdomain}.gorgias.com/api/account',
		docsUrl: 'https://developers.gorgias.com/docs/set-up-oauth2-app-store',
		notes:
			'OAuth is meant for public App Store apps; for your own helpdesk an API key (Basic auth) is simpler. The offline scope is what issues a refresh token.',
		setupHint:
			'In the Gorgias Developer Portal (developers.gorgias.com) create a Draft App; set the App URL and add the n8n OAuth Redirect URL under Redirect URLs; choose the scopes (keep offline); copy Client ID and Client Secret from the app credentials.',
		setupDocsUrl: 'https://developers.gorgias.com/docs/set-up-oauth2-app-store',
		sources: [
			'https://developers.gorgias.com/docs/oauth2-authentication-for-creating-apps-with-gorgias',
			'https://developers.gorgias.com/docs/oauth2-scopes',
			'https://developers.gorgias.com/docs/oauth2-bearer-token',
			'https://developers.gorgias.com/docs/set-up-oauth2-app-store',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenUrl path /oauth/token (Nango; the excerpt showed only the authorize URL)',
			'tokenAuthMethod (Basic per Nango)',
			'pkce',
			'whether unapproved draft apps can be installed on your own helpdesk',
		],
	},
	{
		id: 'harvest',
		displayName: 'Harvest',
		authUrl: 'https://id.getharvest.com/oauth2/authorize',
		tokenUrl: 'https://id.getharvest.com/api/v2/oauth2/token',
		defaultScopes: ['harvest:all'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.harvestapp.com/v2',
		allowedDomains: ['api.harvestapp.com', 'id.getharvest.com'],
		checkUrl: 'https://id.getharvest.com/api/v2/accounts',
		docsUrl: 'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/',
		notes:
			'API calls also need Harvest-Account-Id (from /api/v2/accounts) and a User-Agent header naming your app and contact.',
		setupHint:
			'Sign in at id.getharvest.com > Developers > Create new OAuth2 application; enter a name, paste the n8n OAuth Redirect URL as Redirect URL, choose Multi Account and the products (Harvest/Forecast); save and copy Client ID and Client Secret.',
		setupDocsUrl:
			'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/',
		sources: [
			'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/',
			'https://help.getharvest.com/api-v2/introduction/overview/general/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenUrl (id.getharvest.com/api/v2/oauth2/token from Nango; the v2 page excerpt stopped before it)',
			'accessTokenLifetime',
			'tokenAuthMethod (v1 docs send client_id/secret in the form body)',
			'pkce',
		],
	},
	{
		id: 'helpScout',
		displayName: 'Help Scout',
		authUrl: 'https://secure.helpscout.net/authentication/authorizeClientApplication',
		tokenUrl: 'https://api.helpscout.net/v2/oauth2/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.helpscout.net/v2',
		allowedDomains: ['api.helpscout.net'],
		checkUrl: 'https://api.helpscout.net/v2/users/me',
		docsUrl: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
		notes:
			'Mailbox API 2.0; no scopes. Client credentials are meant for internal integrations. The Docs API uses API keys instead.',
		setupHint:
			'In Help Scout open Your Profile > My Apps > Create My App; enter a name and paste the n8n OAuth Redirect URL as Redirection URL; save and copy App ID (Client ID) and App Secret (Client Secret).',
		setupDocsUrl: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
		sources: ['https://developer.helpscout.com/mailbox-api/overview/authentication/'],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'authUrl and tokenUrl (the docs excerpt was cut at the redirect URL; both from Nango and client libraries)',
			'accessTokenLifetime (48 h per third-party tools)',
			'refresh rotation',
			'pkce',
		],
	},
	{
		id: 'hubSpot',
		displayName: 'HubSpot',
		authUrl: 'https://app.hubspot.com/oauth/authorize',
		tokenUrl: 'https://api.hubapi.com/oauth/2026-03/token',
		defaultScopes: ['oauth'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.hubapi.com',
		allowedDomains: ['api.hubapi.com'],
		checkUrl: 'https://api.hubapi.com/account-info/2026-03/details',
		docsUrl: 'https://developers.hubspot.com/docs/api/oauth-quickstart-guide',
		notes:
			'Request exactly the scopes your app marks as required (e.g. oauth crm.objects.contacts.read). The older /oauth/v3/token also exists, but the migration guide points to 2026-03.',
		setupHint:
			'In a HubSpot developer account create an app (Development > Projects, or Legacy apps > Create app > Public app); choose OAuth, add the n8n OAuth Redirect URL, add the scopes you need (keep oauth); copy Client ID and Client secret from the Auth tab.',
		setupDocsUrl:
			'https://developers.hubspot.com/docs/apps/developer-platform/build-apps/create-an-app',
		sources: [
			'https://developers.hubspot.com/changelog/v1-oauth-api-deprecation',
			'https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide',
			'https://developers.hubspot.com/docs/api-reference/2026-03/authentication/manage-oauth-tokens',
			'https://developers.hubspot.com/docs/api-reference/2026-03/authentication/oauth-tokens/refresh-oauth-token',
			'https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details',
			'https://developers.hubspot.com/docs/api-reference/latest/account/account-information/guide',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'pkce (token endpoint documents code_verifier; authorize-side code_challenge not seen in the excerpts)',
		],
	},
	{
		id: 'intercom',
		displayName: 'Intercom',
		authUrl: 'https://app.intercom.com/oauth',
		tokenUrl: 'https://api.intercom.io/auth/eagle/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.intercom.io',
		allowedDomains: ['api.intercom.io', 'api.eu.intercom.io', 'api.au.intercom.io'],
		checkUrl: 'https://api.intercom.io/me',
		docsUrl:
			'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
		notes:
			'Permissions are set in the app. EU and Australian workspaces call https://api.eu.intercom.io or https://api.au.intercom.io.',
		setupHint:
			'Intercom Developer Hub > Your apps > New app (pick a development workspace); on Configure > Authentication click Edit, tick Use OAuth, add the n8n OAuth Redirect URL (HTTPS) and the permissions; Save; copy Client ID and Client secret from Basic information.',
		setupDocsUrl:
			'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
		sources: [
			'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
			'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
			'https://developers.intercom.com/docs/references/2.15/rest-api/api.intercom.io/admins/identifyadmin',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime (non-expiry seen in secondary index only)',
			'pkce',
			'whether EU/AU workspaces need regional authorize/token hosts',
		],
	},
	{
		id: 'atlassian',
		displayName: 'Jira / Atlassian',
		authUrl: 'https://auth.atlassian.com/authorize',
		tokenUrl: 'https://auth.atlassian.com/oauth/token',
		defaultScopes: [
			'offline_access',
			'read:me',
			'read:jira-work',
			'write:jira-work',
			'read:jira-user',
		],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		authQueryParameters: { audience: 'api.atlassian.com', prompt: 'consent' },
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.atlassian.com',
		allowedDomains: ['api.atlassian.com'],
		scopeSets: [
			{
				name: 'Jira',
				scopes: [
					'offline_access',
					'read:me',
					'read:jira-work',
					'write:jira-work',
					'read:jira-user',
				],
			},
			{
				name: 'Confluence',
				scopes: [
					'offline_access',
					'read:me',
					'read:confluence-content.all',
					'write:confluence-content',
					'read:confluence-space.summary',
					'search:confluence',
				],
			},
		],
		checkUrl: 'https://api.atlassian.com/me',
		docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
		notes:
			'Calls go to /ex/jira/{cloudId}/rest/api/3/... (or /ex/confluence/...); GET /oauth/token/accessible-resources lists the cloud IDs.',
		setupHint:
			'developer.atlassian.com > Developer console > Create > OAuth 2.0 integration; under Permissions add Jira (or Confluence) API and the User identity API scopes; under Authorization add OAuth 2.0 (3LO) with the n8n OAuth Redirect URL as Callback URL; copy Client ID and Secret from Settings.',
		setupDocsUrl: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
		sources: [
			'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
			'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'pkce',
			'accessTokenLifetime (3600 s from token responses in secondary material)',
			'exact refresh-token inactivity/absolute expiry values',
		],
	},
	{
		id: 'keycloak',
		displayName: 'Keycloak',
		authUrl: 'https://{keycloakHost}/realms/{keycloakRealm}/protocol/openid-connect/auth',
		tokenUrl: 'https://{keycloakHost}/realms/{keycloakRealm}/protocol/openid-connect/token',
		defaultScopes: ['openid', 'profile', 'email'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{keycloakHost}/realms/{keycloakRealm}',
		allowedDomains: ['{keycloakHost}'],
		checkUrl: 'https://{keycloakHost}/realms/{keycloakRealm}/protocol/openid-connect/userinfo',
		docsUrl: 'https://www.keycloak.org/securing-apps/oidc-layers',
		notes:
			'Client credentials need "Service accounts roles" enabled on the client. userinfo needs the openid scope. offline_access (an optional client scope by default) gives a refresh token that outlives the SSO session (Offline Session Idle, 30 days by default).',
		setupHint:
			'Keycloak admin console > your realm > Clients > Create client (OpenID Connect); turn on Client authentication, tick Standard flow (and Service accounts roles for client credentials); add the n8n OAuth Redirect URL to Valid redirect URIs; Save; copy the secret from the Credentials tab.',
		setupDocsUrl: 'https://www.keycloak.org/docs/latest/server_admin/#_oidc_clients',
		sources: ['https://www.keycloak.org/securing-apps/oidc-layers'],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime default (5 min)',
			'refreshTokenNotes defaults',
			"tokenAuthMethod: both Basic and body accepted by the 'Client Id and Secret' authenticator; which is documented first not re-checked",
		],
	},
	{
		id: 'linear',
		displayName: 'Linear',
		authUrl: 'https://linear.app/oauth/authorize',
		tokenUrl: 'https://api.linear.app/oauth/token',
		defaultScopes: ['read', 'write'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.linear.app',
		allowedDomains: ['api.linear.app'],
		docsUrl: 'https://linear.app/developers/oauth-2-0-authentication',
		notes:
			'The API is GraphQL: POST /graphql. No GET identity endpoint; check with POST /graphql {"query":"{ viewer { id name } }"}. actor=app makes changes as the app.',
		setupHint:
			'In a Linear workspace (a dedicated one is recommended): Settings > API > OAuth applications > New; add the n8n OAuth Redirect URL under Callback URLs, toggle Public to allow other workspaces; Create; copy Client ID and Client Secret.',
		setupDocsUrl: 'https://linear.app/developers/oauth-2-0-authentication',
		sources: [
			'https://linear.app/developers/oauth-2-0-authentication',
			'https://linear.app/docs/oauth/authentication',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime (24 h from secondary sources)',
			'refresh-token rotation',
			'clientCredentials (a client credentials option for app actors is mentioned only in secondary material)',
		],
	},
	{
		id: 'linkedIn',
		displayName: 'LinkedIn',
		authUrl: 'https://www.linkedin.com/oauth/v2/authorization',
		tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
		defaultScopes: ['openid', 'profile', 'email'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.linkedin.com',
		allowedDomains: ['api.linkedin.com'],
		checkUrl: 'https://api.linkedin.com/v2/userinfo',
		docsUrl:
			'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow',
		notes:
			'Scopes come with the products added to the app (e.g. w_member_social with Share on LinkedIn). Client credentials only for approved partner APIs. Refresh tokens only for approved apps.',
		setupHint:
			'LinkedIn Developer Portal > My apps > Create app (link a company page); on Products add Sign In with LinkedIn using OpenID Connect (and e.g. Share on LinkedIn); on Auth add the n8n OAuth Redirect URL under Authorized redirect URLs; copy Client ID and Primary Client Secret.',
		setupDocsUrl:
			'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow',
		sources: [
			'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow',
			'https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'pkce (LinkedIn documents PKCE only for approved native clients; not re-checked)',
			'checkUrl /v2/userinfo not re-checked this round',
		],
	},
	{
		id: 'loginWithAmazon',
		displayName: 'Login with Amazon',
		authUrl: 'https://www.amazon.com/ap/oa',
		tokenUrl: 'https://api.amazon.com/auth/o2/token',
		defaultScopes: ['profile'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.amazon.com',
		allowedDomains: ['api.amazon.com'],
		checkUrl: 'https://api.amazon.com/user/profile',
		docsUrl: 'https://developer.amazon.com/docs/login-with-amazon/register-web.html',
		notes:
			'Scopes: profile, profile:user_id, postal_code. For Alexa or Selling Partner APIs use their own scopes/flows (SP-API uses a different consent URL).',
		setupHint:
			'In the Amazon Developer Console open Login with Amazon > Create a New Security Profile; then Manage > Web Settings > Edit and add the n8n OAuth Redirect URL under Allowed Return URLs; copy Client ID and Client Secret from the security profile.',
		setupDocsUrl: 'https://developer.amazon.com/docs/login-with-amazon/register-web.html',
		sources: [
			'https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html',
			'https://developer.amazon.com/docs/login-with-amazon/authorization-grants.html',
			'https://developer.amazon.com/docs/amazon-drive/ad-restful-api-getting-started.html',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenAuthMethod (docs allow the body or a Basic header; body assumed default)',
			'EU/FE regional endpoints (api.amazon.co.uk / api.amazon.co.jp) not checked',
			'setupHint console wording',
		],
	},
	{
		id: 'mailchimp',
		displayName: 'Mailchimp',
		authUrl: 'https://login.mailchimp.com/oauth2/authorize',
		tokenUrl: 'https://login.mailchimp.com/oauth2/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://{mailchimpDataCenter}.api.mailchimp.com/3.0',
		allowedDomains: ['{mailchimpDataCenter}.api.mailchimp.com', 'login.mailchimp.com'],
		checkUrl: 'https://{mailchimpDataCenter}.api.mailchimp.com/3.0/',
		docsUrl: 'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/',
		notes:
			"No scopes; tokens do not expire. Get the dc from https://login.mailchimp.com/oauth2/metadata (expects 'Authorization: OAuth <token>').",
		setupHint:
			'Mailchimp: Account & billing > Extras > API keys > Register and manage your apps (Registered Apps) > Register An App; fill in the app details and the n8n OAuth Redirect URL as Redirect URI; Create; copy the Client ID and Client Secret shown at the bottom.',
		setupDocsUrl: 'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/',
		sources: [
			'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/',
			'https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['pkce', "tokenAuthMethod (body per the guide's example, not re-read this round)"],
	},
	{
		id: 'meta',
		displayName: 'Meta (Facebook Graph API)',
		authUrl: 'https://www.facebook.com/v26.0/dialog/oauth',
		tokenUrl: 'https://graph.facebook.com/v26.0/oauth/access_token',
		defaultScopes: ['public_profile', 'email'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		pkce: 'supportedNotDefault',
		clientCredentials: true,
		apiBaseUrl: 'https://graph.facebook.com/v26.0',
		allowedDomains: ['graph.facebook.com'],
		checkUrl: 'https://graph.facebook.com/v26.0/me?fields=id,name',
		docsUrl: 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow',
		notes:
			"No refresh token: user tokens are short-lived; exchange for a ~60-day token (fb_exchange_token). Client credentials give an app access token. PKCE only in Meta's OIDC flow (testing).",
		setupHint:
			"developers.facebook.com/apps > Create App; add the Facebook Login (for Business) product; Facebook Login > Settings: paste the n8n OAuth Redirect URL into 'Valid OAuth Redirect URIs'; App settings > Basic: copy App ID (Client ID) and App Secret.",
		setupDocsUrl:
			'https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow',
		sources: [
			'https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow',
			'https://developers.facebook.com/documentation/facebook-login/guides/advanced/oidc-token',
			'https://developers.facebook.com/docs/graph-api/changelog',
			'https://developers.facebook.com/blog/post/2026/07/29/introducing-graph-api-v26-and-marketing-api-v26/',
			'https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived',
			'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenAuthMethod (docs show client_id/client_secret as GET query parameters on oauth/access_token; POST body assumed to work)',
		],
	},
	{
		id: 'microsoftOutlook',
		displayName: 'Microsoft 365 Outlook',
		authUrl: MICROSOFT_AUTH_URL,
		tokenUrl: MICROSOFT_TOKEN_URL,
		defaultScopes: [
			'User.Read',
			'Mail.ReadWrite',
			'Mail.Send',
			'Calendars.ReadWrite',
			'Contacts.ReadWrite',
		],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		scopeResource: 'https://{microsoftGraphHost}',
		tokenAuthMethod: 'body',
		privateKeyJwt: true,
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{microsoftGraphHost}/v1.0',
		allowedDomains: ['{microsoftGraphHost}'],
		scopeSets: [
			{ name: 'Mail', scopes: ['offline_access', 'User.Read', 'Mail.ReadWrite', 'Mail.Send'] },
			{ name: 'Calendar', scopes: ['offline_access', 'User.Read', 'Calendars.ReadWrite'] },
			{ name: 'Contacts', scopes: ['offline_access', 'User.Read', 'Contacts.ReadWrite'] },
		],
		checkUrl: 'https://{microsoftGraphHost}/v1.0/me',
		docsUrl: 'https://learn.microsoft.com/en-us/graph/outlook-mail-concept-overview',
		notes:
			'Microsoft Graph: /me/messages, /me/events, ... For client credentials use your tenant ID and the scope .default.',
		setupHint:
			'Entra admin center > App registrations > New registration; under Authentication add a Web platform with the n8n OAuth Redirect URL; copy Application (client) ID and Directory (tenant) ID; Certificates & secrets > New client secret (copy the Value); API permissions: add the scopes.',
		setupDocsUrl:
			'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
			'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens',
			'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens',
			'https://learn.microsoft.com/en-us/graph/deployments',
		],
		confirmedOn: '2026-12-01',
	},
	{
		id: 'microsoftDynamics365',
		displayName: 'Microsoft Dynamics 365 / Dataverse',
		authUrl: MICROSOFT_AUTH_URL,
		tokenUrl: MICROSOFT_TOKEN_URL,
		defaultScopes: ['user_impersonation'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		scopeResource: 'https://{dynamicsOrgHost}',
		tokenAuthMethod: 'body',
		privateKeyJwt: true,
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{dynamicsOrgHost}/api/data/v9.2',
		allowedDomains: ['{dynamicsOrgHost}'],
		checkUrl: 'https://{dynamicsOrgHost}/api/data/v9.2/WhoAmI',
		docsUrl:
			'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/walkthrough-register-app-azure-active-directory',
		notes:
			'Scope user_impersonation (delegated) or .default (client credentials, needs an Application User), both on your environment host. Tokens are per environment. Use a Web redirect platform: SPA refresh tokens last 24 hours.',
		setupHint:
			'Entra admin center > App registrations > New registration; add a Web redirect URI (the n8n OAuth Redirect URL); Certificates & secrets > New client secret; API permissions > Add > Dynamics CRM > Delegated user_impersonation. For client credentials add an Application User in Power Platform admin center with a security role.',
		setupDocsUrl:
			'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/walkthrough-register-app-azure-active-directory',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
			'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens',
			'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens',
			'https://learn.microsoft.com/en-us/graph/deployments',
			'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/authenticate-oauth',
			'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/samples/global-discovery-service-csharp',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			"Dataverse regional host list (crm2..crm21) only from secondary sources; sovereign hosts from Microsoft's Global Discovery sample",
		],
	},
	{
		id: 'microsoftEntraId',
		displayName: 'Microsoft Entra ID',
		authUrl: MICROSOFT_AUTH_URL,
		tokenUrl: MICROSOFT_TOKEN_URL,
		defaultScopes: ['openid', 'profile', 'email', 'User.Read'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		scopeResource: 'https://{microsoftGraphHost}',
		tokenAuthMethod: 'body',
		privateKeyJwt: true,
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{microsoftGraphHost}/v1.0',
		allowedDomains: ['{microsoftGraphHost}'],
		checkUrl: 'https://{microsoftGraphHost}/v1.0/me',
		docsUrl: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
		notes:
			'Microsoft identity platform v2 for Graph or your own API (scope api://<app ID>/.default). For client credentials use your tenant ID and the scope .default.',
		setupHint:
			'Entra admin center > App registrations > New registration; under Authentication add a Web platform with the n8n OAuth Redirect URL; copy Application (client) ID and Directory (tenant) ID; Certificates & secrets > New client secret (copy the Value); API permissions: add the scopes.',
		setupDocsUrl:
			'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
			'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens',
			'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens',
			'https://learn.microsoft.com/en-us/graph/deployments',
		],
		confirmedOn: '2026-12-01',
	},
	{
		id: 'microsoftSharePoint',
		displayName: 'Microsoft SharePoint',
		authUrl: MICROSOFT_AUTH_URL,
		tokenUrl: MICROSOFT_TOKEN_URL,
		defaultScopes: ['User.Read', 'Sites.ReadWrite.All', 'Files.ReadWrite.All'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		scopeResource: 'https://{microsoftGraphHost}',
		tokenAuthMethod: 'body',
		privateKeyJwt: true,
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{microsoftGraphHost}/v1.0',
		allowedDomains: ['{microsoftGraphHost}'],
		checkUrl: 'https://{microsoftGraphHost}/v1.0/me',
		docsUrl: 'https://learn.microsoft.com/en-us/graph/api/resources/sharepoint',
		notes:
			'Via Graph (/sites, /drives). SharePoint REST (/_api) needs the scope https://<tenant>.sharepoint.com/.default (GCC High: sharepoint.us) and that host in Allowed Domains. Use a Web redirect platform (SPA refresh tokens last 24 hours); application permissions need admin consent.',
		setupHint:
			'Entra admin center > App registrations > New registration; under Authentication add a Web platform with the n8n OAuth Redirect URL; copy Application (client) ID and Directory (tenant) ID; Certificates & secrets > New client secret (copy the Value); API permissions: add the scopes.',
		setupDocsUrl:
			'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app',
		sources: [
			'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
			'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens',
			'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens',
			'https://learn.microsoft.com/en-us/graph/deployments',
			'https://pnp.github.io/powershell/articles/nationalclouds.html',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'SharePoint hosts for DoD (dps.mil) and China (sharepoint.cn) not confirmed in Microsoft docs',
		],
	},
	{
		id: 'miro',
		displayName: 'Miro',
		authUrl: 'https://miro.com/oauth/authorize',
		tokenUrl: 'https://api.miro.com/v1/oauth/token',
		defaultScopes: ['boards:read', 'boards:write'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.miro.com/v2',
		allowedDomains: ['api.miro.com'],
		checkUrl: 'https://api.miro.com/v1/oauth-token',
		docsUrl: 'https://developers.miro.com/docs/getting-started-with-oauth',
		notes:
			"Refresh tokens only if 'Expire user authorization token' was ticked when the app was created (can't change later): access 1 h, refresh 60 days, rotating.",
		setupHint:
			"Miro: Profile settings > Your apps > Create new app (in a Developer team) and tick 'Expire user authorization token'; under 'Redirect URI for OAuth2.0' add the n8n OAuth Redirect URL; tick the permissions (boards:read, boards:write); copy Client ID and Client secret.",
		setupDocsUrl: 'https://developers.miro.com/docs/getting-started-with-oauth',
		sources: [
			'https://developers.miro.com/docs/getting-started-with-oauth',
			'https://developers.miro.com/reference/create-authorization-request-link',
			'https://developers.miro.com/reference/get-new-access-token-using-refresh-token',
			'https://developers.miro.com/reference/oauth-20-authorization-v2',
			'https://developers.miro.com/reference/ne-use-access-token-for-rest-api-requests',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			"pkce (not mentioned in Miro's OAuth docs; kept unsupported)",
			"scope authorize parameter (scopes are ticked in the app; docs' authorize link has no scope parameter)",
		],
	},
	{
		id: 'mondayCom',
		displayName: 'monday.com',
		authUrl: 'https://auth.monday.com/oauth2/authorize',
		tokenUrl: 'https://auth.monday.com/oauth_ms/oauth/token',
		defaultScopes: ['me:read', 'boards:read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'required',
		clientCredentials: false,
		apiBaseUrl: 'https://api.monday.com/v2',
		allowedDomains: ['api.monday.com'],
		docsUrl: 'https://developer.monday.com/apps/docs/oauth',
		notes:
			'New apps use OAuth 2.1: PKCE, expiring access tokens, refresh tokens. The API is GraphQL (POST to the base URL, e.g. query { me { id name } }). An admin must install the app first. Apps made before OAuth 2.1: turn on the New OAuth Flow toggle in the app version.',
		setupHint:
			'monday.com: avatar > Developers > Create app; General settings > App credentials: copy Client ID and Client Secret; OAuth & Permissions: tick scopes (me:read, boards:read) and add the n8n OAuth Redirect URL under Redirect URLs. An account admin must install the app before users can authorize.',
		setupDocsUrl: 'https://developer.monday.com/apps/docs/oauth-2-1',
		sources: [
			'https://developer.monday.com/apps/docs/oauth-2-1',
			'https://developer.monday.com/apps/docs/migrating-to-the-new-oauth-flow',
			'https://developer.monday.com/apps/docs/oauth-2-0',
			'https://developer.monday.com/apps/docs/oauth',
			'https://developer-community.monday.com/product-updates/join-the-beta-oauth-2-1-for-monday-apps-5273',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime (exact value)',
			'tokenAuthMethod for the OAuth 2.1 token endpoint (body assumed, as in the legacy flow)',
			"pkce 'required' vs optional for confidential apps (docs' flow always sends a code challenge; a migration skill calls it optional)",
		],
	},
	{
		id: 'mural',
		displayName: 'Mural',
		authUrl: 'https://app.mural.co/api/public/v1/authorization/oauth2/',
		tokenUrl: 'https://app.mural.co/api/public/v1/authorization/oauth2/token',
		defaultScopes: ['identity:read', 'murals:read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://app.mural.co/api/public/v1',
		allowedDomains: ['app.mural.co'],
		checkUrl: 'https://app.mural.co/api/public/v1/users/me',
		docsUrl: 'https://developers.mural.co/public/docs/register-your-new-app',
		notes:
			'Mural supports PKCE alongside the client secret. Enterprise (Mural for enterprise) APIs use a different base.',
		setupHint:
			'Go to developers.mural.co > My apps > Register new app; on the Access page add the n8n OAuth Redirect URL under Redirect URLs and pick the scopes; copy Client ID and Client secret from App credentials.',
		setupDocsUrl: 'https://developers.mural.co/public/docs/register-your-new-app',
		sources: [
			'https://developers.mural.co/public/docs/oauth',
			'https://developers.mural.co/public/docs/scopes',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'authUrl/tokenUrl paths (Nango; the docs excerpt stopped before the URLs)',
			'tokenAuthMethod (a user report says refresh needs Basic and rejects body credentials)',
			'accessTokenLifetime (15 min per third-party)',
			'checkUrl',
			'setupDocsUrl path',
		],
	},
	{
		id: 'notion',
		displayName: 'Notion',
		authUrl: 'https://api.notion.com/v1/oauth/authorize',
		tokenUrl: 'https://api.notion.com/v1/oauth/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		authQueryParameters: { owner: 'user' },
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.notion.com/v1',
		allowedDomains: ['api.notion.com'],
		checkUrl: 'https://api.notion.com/v1/users/me',
		docsUrl: 'https://developers.notion.com/docs/authorization',
		notes:
			'Capabilities are set in the connection; requests need a Notion-Version header (e.g. 2026-03-11). Users pick the pages to share when they authorize.',
		setupHint:
			'notion.so/developers/connections > New connection, type Public (chosen at creation); under OAuth Domain & URIs add the n8n OAuth Redirect URL; set Capabilities; copy OAuth Client ID and Client Secret from Configuration. Users share pages with the connection when authorizing.',
		setupDocsUrl: 'https://developers.notion.com/guides/get-started/authorization',
		sources: [
			'https://developers.notion.com/guides/get-started/authorization',
			'https://developers.notion.com/reference/create-a-token',
			'https://developers.notion.com/reference/refresh-a-token',
			'https://developers.notion.com/reference/authentication',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['accessTokenLifetime', 'pkce (not mentioned; kept unsupported)'],
	},
	{
		id: 'okta',
		displayName: 'Okta',
		authUrl: 'https://{oktaDomain}/oauth2/v1/authorize',
		tokenUrl: 'https://{oktaDomain}/oauth2/v1/token',
		defaultScopes: ['openid', 'profile', 'email', 'offline_access'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		privateKeyJwt: true,
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://{oktaDomain}/api/v1',
		allowedDomains: ['{oktaDomain}'],
		checkUrl: 'https://{oktaDomain}/oauth2/v1/userinfo',
		docsUrl: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/',
		notes:
			'Org authorization server (Okta API, okta.* scopes). Client credentials here need private_key_jwt (a service app); with a client secret use Okta (Custom Authorization Server). Refresh tokens of the org server end 90 days after sign-in, however often used.',
		setupHint:
			'Okta Admin Console > Applications > Create App Integration > OIDC - OpenID Connect > Web Application; tick grant types Authorization Code and Refresh Token; paste the n8n OAuth Redirect URL into Sign-in redirect URIs; assign users; copy Client ID and Client secret (client auth: Client secret).',
		setupDocsUrl: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/',
		sources: [
			'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/',
			'https://developer.okta.com/docs/guides/oauth-for-okta/use-client-credentials-grant-flow/',
			'https://developer.okta.com/docs/guides/implement-client-creds/overview/',
			'https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth',
			'https://developer.okta.com/docs/api/openapi/okta-oauth/oauth/customas',
			'https://developer.okta.com/docs/reference/api/authorization-servers/',
			'https://support.okta.com/help/s/article/What-is-the-lifetime-of-the-JWT-tokens',
			'https://support.okta.com/help/s/article/refresh-token-expiration-behavior',
			'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/create-publicprivate-keypair/',
			'https://support.okta.com/help/s/article/creating-a-private-key-jwt-when-a-client-has-multiple-public-private-key-pairs',
		],
		confirmedOn: '2026-12-01',
	},
	{
		id: 'oktaCustomAuthServer',
		displayName: 'Okta (Custom Authorization Server)',
		authUrl: 'https://{oktaDomain}/oauth2/{oktaAuthServerId}/v1/authorize',
		tokenUrl: 'https://{oktaDomain}/oauth2/{oktaAuthServerId}/v1/token',
		defaultScopes: ['openid', 'profile', 'email'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		privateKeyJwt: true,
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{oktaDomain}/oauth2/{oktaAuthServerId}',
		allowedDomains: ['{oktaDomain}'],
		checkUrl: 'https://{oktaDomain}/oauth2/{oktaAuthServerId}/v1/userinfo',
		docsUrl: 'https://developer.okta.com/docs/guides/implement-grant-type/clientcreds/main/',
		notes:
			"Tokens for your own APIs (custom scopes; okta.* scopes are not issued here). Client credentials work with a client secret. Add your API host to Allowed Domains. The server's access policy and rule must allow the grant and scopes (client credentials: a custom scope).",
		setupHint:
			'Okta Admin Console > Applications > Create App Integration > OIDC - OpenID Connect > Web Application; tick grant types Authorization Code and Refresh Token; paste the n8n OAuth Redirect URL into Sign-in redirect URIs; assign users; copy Client ID and Client secret (client auth: Client secret).',
		setupDocsUrl: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/',
		sources: [
			'https://developer.okta.com/docs/guides/implement-client-creds/overview/',
			'https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth',
			'https://developer.okta.com/docs/api/openapi/okta-oauth/oauth/customas',
			'https://developer.okta.com/docs/reference/api/authorization-servers/',
		],
		confirmedOn: '2026-12-01',
	},
	{
		id: 'outreach',
		displayName: 'Outreach',
		authUrl: 'https://api.outreach.io/oauth/authorize',
		tokenUrl: 'https://api.outreach.io/oauth/token',
		defaultScopes: ['users.read', 'prospects.read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.outreach.io/api/v2',
		allowedDomains: ['api.outreach.io'],
		checkUrl: 'https://api.outreach.io/api/v2',
		docsUrl: 'https://developers.outreach.io/api/oauth',
		notes:
			'Scopes are resource.action (e.g. prospects.read, sequences.all), space-separated. Server-to-server access uses a separate S2S token, not client credentials. Development credentials are for development and testing; production credentials come after publishing.',
		setupHint:
			'In the Outreach Developer Portal (developers.outreach.io) create an app and open its API access tab; add the n8n OAuth Redirect URL under redirect URIs and select the OAuth scopes (e.g. users.read, prospects.read); save and copy the client ID and secret (the secret is shown once).',
		setupDocsUrl: 'https://developers.outreach.io/api/oauth',
		sources: [
			'https://developers.outreach.io/api/oauth/',
			'https://developers.outreach.io/api/getting-started/',
			'https://developers.outreach.io/api/s2s-access',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenUrl (https://api.outreach.io/oauth/token from Nango and third-party clients; the docs excerpt stopped before it)',
			'tokenAuthMethod (body)',
			'accessTokenLifetime (2 h per a third-party client; docs only say short-lived)',
			'checkUrl (API root returning token meta)',
		],
	},
	{
		id: 'payPal',
		displayName: 'PayPal',
		authUrl: 'https://www.{payPalEnvironment}/signin/authorize',
		tokenUrl: 'https://api-m.{payPalEnvironment}/v1/oauth2/token',
		defaultScopes: ['openid', 'profile', 'email'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		authQueryParameters: { flowEntry: 'static' },
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://api-m.{payPalEnvironment}',
		allowedDomains: ['api-m.{payPalEnvironment}'],
		checkUrl: 'https://api-m.{payPalEnvironment}/v1/identity/oauth2/userinfo?schema=paypalv1.1',
		docsUrl: 'https://developer.paypal.com/docs/log-in-with-paypal/integrate/',
		notes:
			'Log in with PayPal (Identity API); scopes must include openid. For your own REST API calls without a user, client credentials work with the same app.',
		setupHint:
			"In the PayPal Developer Dashboard > Apps & Credentials (Sandbox or Live) create or open your app; under Other features tick 'Log in with PayPal' > Advanced Settings, enter the n8n OAuth Redirect URL as Return URL, pick the user info to share, add privacy/user-agreement URLs; copy Client ID and Secret.",
		setupDocsUrl: 'https://developer.paypal.com/docs/log-in-with-paypal/integrate/',
		sources: [
			'https://developer.paypal.com/docs/log-in-with-paypal/integrate/',
			'https://developer.paypal.com/docs/log-in-with-paypal/integrate/build-button/',
			'https://developer.paypal.com/log-in/build',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenAuthMethod (the token-step table was cut off; Basic header per PayPal REST auth and Nango)',
			'accessTokenLifetime',
			'refresh token lifetime',
			'pkce',
			'userinfo schema parameter',
		],
	},
	{
		id: 'pinterest',
		displayName: 'Pinterest',
		authUrl: 'https://www.pinterest.com/oauth/',
		tokenUrl: 'https://api.pinterest.com/v5/oauth/token',
		defaultScopes: ['user_accounts:read', 'boards:read', 'pins:read'],
		scopeSeparator: ',',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.pinterest.com/v5',
		allowedDomains: ['api.pinterest.com'],
		checkUrl: 'https://api.pinterest.com/v5/user_account',
		docsUrl:
			'https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/',
		notes:
			'New apps start with Trial access (limited, sandbox-like) until Standard access is approved. client_credentials is not generally available.',
		setupHint:
			'At developers.pinterest.com > My apps > Connect app (request Trial access); in the app settings add the n8n OAuth Redirect URL under Redirect URIs; copy the App ID (Client ID) and App secret key (Client Secret).',
		setupDocsUrl:
			'https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/',
		sources: [
			'https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/',
			'https://github.com/pinterest/pinterest-python-generated-api-client/blob/main/docs/OauthApi.md',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'scopeSeparator (comma per Pinterest docs from memory; not in excerpt)',
			'accessTokenLifetime and refresh lifetime (third-party tool descriptions)',
			'pkce',
			'authUrl trailing slash',
		],
	},
	{
		id: 'pipedrive',
		displayName: 'Pipedrive',
		authUrl: 'https://oauth.pipedrive.com/oauth/authorize',
		tokenUrl: 'https://oauth.pipedrive.com/oauth/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.pipedrive.com',
		tokenResponseApiHost: 'api_domain',
		tokenResponseApiHosts: ['*.pipedrive.com'],
		allowedDomains: ['api.pipedrive.com', '*.pipedrive.com'],
		checkUrl: 'https://api.pipedrive.com/v1/users/me',
		docsUrl: 'https://pipedrive.readme.io/docs/marketplace-oauth-authorization',
		notes:
			"Scopes are set in the app. Paths start with /v1 or /api/v2; the token's api_domain (your company host) works too.",
		setupHint:
			'Pipedrive Developer Hub (sandbox account) > Create an app > Private or Public app; OAuth & access scopes: paste the n8n OAuth Redirect URL as Callback URL and tick the scopes; save, then copy Client ID and Client secret.',
		setupDocsUrl: 'https://pipedrive.readme.io/docs/marketplace-registering-the-app',
		sources: [
			'https://pipedrive.readme.io/docs/marketplace-oauth-authorization',
			'https://developers.pipedrive.com/docs/api/v1/Oauth',
			'https://developers.pipedrive.com/changelog/post/new-parameter-in-oauth-oauthtoken-responses',
			'https://pipedrive.readme.io/docs/marketplace-oauth-api',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'refresh token lifetime',
			'pkce (not documented; kept unsupported)',
			'setupHint menu names (Developer Hub wording)',
		],
	},
	{
		id: 'quickBooks',
		displayName: 'QuickBooks Online (Intuit)',
		authUrl: 'https://appcenter.intuit.com/connect/oauth2',
		tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
		defaultScopes: ['com.intuit.quickbooks.accounting', 'openid', 'email'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://quickbooks.api.intuit.com/v3/company',
		allowedDomains: [
			'quickbooks.api.intuit.com',
			'sandbox-quickbooks.api.intuit.com',
			'accounts.platform.intuit.com',
			'sandbox-accounts.platform.intuit.com',
		],
		checkUrl: 'https://accounts.platform.intuit.com/v1/openid_connect/userinfo',
		docsUrl:
			'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0',
		notes:
			"Paths start with your company (realm) ID, returned as realmId on the redirect; sandbox companies use https://sandbox-quickbooks.api.intuit.com. Development keys work only in the sandbox; fill in the app's Reconnect URL (mandatory since 2026).",
		setupHint:
			'developer.intuit.com > Dashboard > Create an app > QuickBooks Online and Payments; choose scope Accounting; Keys & credentials (Development or Production): add the n8n OAuth Redirect URL under Redirect URIs, copy Client ID and Client Secret.',
		setupDocsUrl:
			'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0',
		sources: [
			'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0',
			'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/faq',
			'https://github.com/intuit/QuickBooks-V3-Java-SDK/releases/tag/v6.5.4',
			'https://github.com/IntuitDeveloper/OAuth2-Dotnet_UsingSDK/blob/master/docs/help/Tokens.md',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'checkUrl (userinfo URL from memory; needs the openid scope - without it use GET /v3/company/{realmId}/companyinfo/{realmId})',
			'pkce (not documented; kept unsupported)',
		],
	},
	{
		id: 'reddit',
		displayName: 'Reddit',
		authUrl: 'https://www.reddit.com/api/v1/authorize',
		tokenUrl: 'https://www.reddit.com/api/v1/access_token',
		defaultScopes: ['identity', 'read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		authQueryParameters: { duration: 'permanent' },
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://oauth.reddit.com',
		allowedDomains: ['oauth.reddit.com'],
		checkUrl: 'https://oauth.reddit.com/api/v1/me',
		docsUrl: 'https://github.com/reddit-archive/reddit/wiki/OAuth2',
		notes:
			'Reddit requires a unique, descriptive User-Agent header on every request. The identity scope is needed for /api/v1/me.',
		setupHint:
			"Go to https://www.reddit.com/prefs/apps > 'are you a developer? create an app...'; pick type 'web app'; paste the n8n OAuth Redirect URL into 'redirect uri'; create; the string under the app name is the Client ID and 'secret' is the Client Secret.",
		setupDocsUrl: 'https://github.com/reddit-archive/reddit/wiki/OAuth2',
		sources: [
			'https://github.com/reddit-archive/reddit/wiki/OAuth2',
			'https://www.reddit.com/r/redditdev/wiki/oauth2/scopes',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: ['pkce', 'current API-access approval requirements for new apps (not checked)'],
	},
	{
		id: 'sageAccounting',
		displayName: 'Sage Accounting',
		authUrl: 'https://www.sageone.com/oauth2/auth/central',
		tokenUrl: 'https://oauth.accounting.sage.com/token',
		defaultScopes: ['full_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		authQueryParameters: { filter: 'apiv3.1' },
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.accounting.sage.com/v3.1',
		allowedDomains: ['api.accounting.sage.com'],
		checkUrl: 'https://api.accounting.sage.com/v3.1/user',
		docsUrl: 'https://developer.sage.com/accounting/quick-start/set-up-the-basics/',
		notes:
			'Sage Business Cloud Accounting (UK/IE/CA/US...). Set an X-Business header to pick a business; without it the lead business is used. Scopes: full_access or readonly.',
		setupHint:
			'Sign in to the Sage Developer Self Service / App Registry (developerselfservice.sageone.com), Create App; paste the n8n OAuth Redirect URL into Callback URL(s); save and copy Client ID and Client Secret.',
		setupDocsUrl: 'https://developer.sage.com/accounting/quick-start/set-up-the-basics/',
		sources: [
			'https://developer.sage.com/accounting/guides/authenticating/authentication',
			'https://developer.sage.com/accounting/V3.0_docs/authentication/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenUrl (in Nango; the Sage page excerpt stopped before the token step)',
			'filter=apiv3.1 (Nango; Sage docs not shown)',
			'accessTokenLifetime and 31-day refresh expiry (third-party guides)',
			'pkce',
			'setupHint console names',
		],
	},
	{
		id: 'salesforce',
		displayName: 'Salesforce',
		authUrl: 'https://{salesforceLoginHost}/services/oauth2/authorize',
		tokenUrl: 'https://{salesforceLoginHost}/services/oauth2/token',
		defaultScopes: ['api'],
		refreshScopes: ['refresh_token'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'required',
		clientCredentials: true,
		apiBaseUrl: 'https://{salesforceInstance}',
		tokenResponseApiHost: 'instance_url',
		// My Domain hosts (sandboxes: *.sandbox.my.salesforce.com), legacy instance hosts, Government Cloud and China.
		tokenResponseApiHosts: [
			'*.my.salesforce.com',
			'*.salesforce.com',
			'*.my.salesforce.mil',
			'*.my.sfcrmproducts.cn',
		],
		allowedDomains: ['{salesforceInstance}'],
		checkUrl: 'https://{salesforceInstance}/services/oauth2/userinfo',
		docsUrl:
			'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm&type=5',
		notes:
			"API calls go to your instance (instance_url of the token response), not the login host. Client credentials need your My Domain as the login host and a run-as user. The app's refresh token policy (and rotation, if on) decide how long the connection lasts.",
		setupHint:
			"Setup > External Client App Manager > New External Client App (new Connected Apps can't be created since Spring '26); enable OAuth, paste the n8n OAuth Redirect URL as Callback URL, add scopes api and refresh_token; keep 'Require PKCE' on; copy Consumer Key and Secret.",
		setupDocsUrl:
			'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_web_server_flow.htm&type=5',
		sources: [
			'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_web_server_flow.htm&type=5',
			'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_pkce.htm&type=5',
			'https://developer.salesforce.com/docs/platform/isvforce/guide/secure-code-ac-eca.md',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime (session-timeout based; not read on a Salesforce page this session)',
			'refresh token policy default',
			'instance_url in the token response (seen in Salesforce SDK types, not on a help page read this session)',
		],
	},
	{
		id: 'serviceNow',
		displayName: 'ServiceNow',
		authUrl: 'https://{serviceNowInstance}.service-now.com/oauth_auth.do',
		tokenUrl: 'https://{serviceNowInstance}.service-now.com/oauth_token.do',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{serviceNowInstance}.service-now.com',
		allowedDomains: ['{serviceNowInstance}.service-now.com'],
		checkUrl:
			'https://{serviceNowInstance}.service-now.com/api/now/table/sys_user?sysparm_query=sys_id=javascript:gs.getUserID()&sysparm_limit=1&sysparm_fields=user_name,name,email',
		docsUrl:
			'https://www.servicenow.com/docs/r/platform-security/authentication/oauth-inbound.html',
		notes:
			"API base is your instance (e.g. /api/now/table/incident). Client credentials must be enabled on the instance (system property) and need an OAuth Application User. Refresh tokens end after the registry entry's Refresh Token Lifespan (100 days by default), not extended by refreshing.",
		setupHint:
			"System OAuth > Application Registry > New > 'Create an OAuth API endpoint for external clients' (or a Machine Identity Console inbound integration); paste the n8n OAuth Redirect URL; copy Client ID and Client Secret. Client credentials: set glide.oauth.inbound.client.credential.grant_type.enabled=true and an OAuth Application User.",
		setupDocsUrl:
			'https://www.servicenow.com/docs/r/platform-security/authentication/oauth-inbound.html',
		sources: [
			'https://www.servicenow.com/docs/r/zurich/platform-security/authentication/oauth-inbound.html',
			'https://www.servicenow.com/docs/r/zurich/platform-security/authentication/authorization-workflow.html',
			'https://www.servicenow.com/docs/r/platform-security/authentication/client-credentials.html',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			"pkce for confidential clients (docs: PKCE for public clients; private clients 'do not require PKCE' - whether they accept code_challenge was not confirmed)",
			'accessTokenLifetime / refresh lifetime default values',
			'checkUrl (sys_user query with gs.getUserID(); not read on a ServiceNow page)',
		],
	},
	{
		id: 'shopify',
		displayName: 'Shopify',
		authUrl: 'https://{shopifyShop}.myshopify.com/admin/oauth/authorize',
		tokenUrl: 'https://{shopifyShop}.myshopify.com/admin/oauth/access_token',
		defaultScopes: ['read_products', 'read_orders'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		tokenBodyParameters: { expiring: '1' },
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://{shopifyShop}.myshopify.com/admin/api',
		allowedDomains: ['{shopifyShop}.myshopify.com'],
		checkUrl: 'https://{shopifyShop}.myshopify.com/admin/oauth/access_scopes.json',
		docsUrl:
			'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
		notes:
			'The Admin API reads the token from the X-Shopify-Access-Token header. expiring=1 gives 1-hour tokens with rotating refresh tokens (required for public apps).',
		setupHint:
			"Dev Dashboard (dev.shopify.com) > Apps > Create app; in the app version set Access scopes and add the n8n OAuth Redirect URL under Redirect URLs; release the version and install the app on your store; Settings: copy Client ID and Secret. Client credentials only for your own organization's stores.",
		setupDocsUrl:
			'https://shopify.dev/docs/apps/build/authentication-authorization/authenticate-standalone-apps',
		sources: [
			'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant',
			'https://shopify.dev/docs/apps/build/authentication-authorization/client-credentials-grant',
			'https://shopify.dev/docs/apps/build/authentication-authorization/client-secrets',
			'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens',
			'https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh',
			'https://shopify.dev/docs/apps/build/authentication-authorization/migrate-to-expiring-offline-access-tokens',
			'https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens',
			'https://shopify.dev/docs/apps/build/authentication-authorization/authenticate-standalone-apps',
			'https://github.com/Shopify/shopify-app-php/issues/12',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			"expiring=1 token-body parameter name/value (seen in Shopify's own shopify-app-php code/issue, not on a docs page read this session)",
			'refresh token lifetime',
			'checkUrl access_scopes.json (not read this session)',
		],
	},
	{
		id: 'slack',
		displayName: 'Slack',
		authUrl: 'https://slack.com/oauth/v2/authorize',
		tokenUrl: 'https://slack.com/api/oauth.v2.access',
		defaultScopes: ['channels:read', 'chat:write'],
		scopeSeparator: ',',
		tokenAuthMethod: 'header',
		pkce: 'supportedNotDefault',
		clientCredentials: false,
		apiBaseUrl: 'https://slack.com/api',
		allowedDomains: ['slack.com'],
		checkUrl: 'https://slack.com/api/auth.test',
		docsUrl: 'https://docs.slack.dev/authentication/installing-with-oauth',
		notes:
			"Scopes are bot scopes; for a user token add user_scope=... to the extra authorization parameters. Refresh tokens need token rotation on. Don't enable PKCE (public client, 30-day refresh).",
		setupHint:
			'api.slack.com/apps > Create New App; OAuth & Permissions: add the n8n OAuth Redirect URL under Redirect URLs and the Bot Token Scopes; optionally opt in to token rotation; Basic Information: copy Client ID and Client Secret. Do not enable PKCE for n8n.',
		setupDocsUrl: 'https://docs.slack.dev/authentication/installing-with-oauth',
		sources: [
			'https://docs.slack.dev/authentication/installing-with-oauth',
			'https://docs.slack.dev/authentication/using-pkce',
			'https://docs.slack.dev/changelog/2026/03/30/pkce',
			'https://docs.slack.dev/authentication/using-token-rotation',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			"tokenAuthMethod (Basic recommended in Slack's oauth.v2.access reference; not re-read this session)",
		],
	},
	{
		id: 'smartsheet',
		displayName: 'Smartsheet',
		authUrl: 'https://app.{smartsheetRegion}/b/authorize',
		tokenUrl: 'https://api.{smartsheetRegion}/2.0/token',
		defaultScopes: ['READ_SHEETS'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.{smartsheetRegion}/2.0',
		allowedDomains: ['api.{smartsheetRegion}'],
		checkUrl: 'https://api.{smartsheetRegion}/2.0/users/me',
		docsUrl: 'https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth',
		notes:
			'Smartsheet historically expects a hash (SHA-256 of secret|code) instead of client_secret at the token endpoint; verify the standard flow works before relying on it.',
		setupHint:
			'Register for Developer Tools (developers.smartsheet.com/register), then in Smartsheet click your Account icon > Developer Tools > Create Developer Profile > Create New App; paste the n8n OAuth Redirect URL as App Redirect URL; save and copy App client id and App secret.',
		setupDocsUrl: 'https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth',
		sources: [
			'https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth',
			'https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication',
			'https://github.com/smartsheet-samples/oauth-flow-sample-node',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			"tokenAuthMethod: Smartsheet's sample sends hash=SHA-256(secret|code) instead of client_secret; that a plain client_secret in the body is accepted is only inferred (Nango uses standard params)",
			'accessTokenLifetime',
			'region hosts for .au and Gov auth URLs',
			'scopeSeparator',
		],
	},
	{
		id: 'spotify',
		displayName: 'Spotify',
		authUrl: 'https://accounts.spotify.com/authorize',
		tokenUrl: 'https://accounts.spotify.com/api/token',
		defaultScopes: ['user-read-private', 'user-read-email'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.spotify.com/v1',
		allowedDomains: ['api.spotify.com'],
		checkUrl: 'https://api.spotify.com/v1/me',
		docsUrl: 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow',
		notes:
			'Refresh tokens expire 6 months after the user authorized (re-authorize then). Client credentials give app-only tokens (no user data).',
		setupHint:
			'developer.spotify.com/dashboard > Create app; select Web API; add the n8n OAuth Redirect URL under Redirect URIs (HTTPS, or loopback IP for local); Settings: copy Client ID and Client secret; in development mode add users under User Management.',
		setupDocsUrl: 'https://developer.spotify.com/documentation/web-api/concepts/apps',
		sources: [
			'https://developer.spotify.com/documentation/web-api/tutorials/code-flow',
			'https://developer.spotify.com/blog/2026-06-18-refresh-token-expiration',
			'https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'setupHint details (redirect URI rules, development-mode user limits) not re-read this session',
		],
	},
	{
		id: 'square',
		displayName: 'Square',
		authUrl: 'https://connect.{squareEnvironment}/oauth2/authorize',
		tokenUrl: 'https://connect.{squareEnvironment}/oauth2/token',
		defaultScopes: ['MERCHANT_PROFILE_READ'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supportedNotDefault',
		clientCredentials: false,
		apiBaseUrl: 'https://connect.{squareEnvironment}/v2',
		allowedDomains: ['connect.{squareEnvironment}'],
		checkUrl: 'https://connect.{squareEnvironment}/v2/merchants/me',
		docsUrl: 'https://developer.squareup.com/docs/oauth-api/create-urls-for-square-authorization',
		notes:
			"PKCE is Square's public-client flow (no secret, rotating 90-day refresh tokens): keep it off for the secret-based flow. Add a Square-Version header to pin the API version.",
		setupHint:
			'In the Square Developer Console (developer.squareup.com/apps) open your application, choose Production or Sandbox at the top, go to OAuth; paste the n8n OAuth Redirect URL into Redirect URL; save; copy the Application ID (Client ID) and Application secret (Client Secret).',
		setupDocsUrl:
			'https://developer.squareup.com/docs/oauth-api/create-urls-for-square-authorization',
		sources: [
			'https://developer.squareup.com/docs/oauth-api/overview',
			'https://developer.squareup.com/reference/square/o-auth/obtain-token',
			'https://developer.squareup.com/reference/square/objects/ObtainTokenResponse',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'whether /oauth2/token accepts form-encoded bodies (docs show JSON)',
			'PKCE-flow 90-day refresh lifetime (truncated in excerpt)',
			"scope separator in the authorize URL (docs examples use '+', i.e. encoded spaces)",
		],
	},
	{
		id: 'strava',
		displayName: 'Strava',
		authUrl: 'https://www.strava.com/oauth/authorize',
		tokenUrl: 'https://www.strava.com/oauth/token',
		defaultScopes: ['read', 'activity:read'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		authQueryParameters: { approval_prompt: 'auto' },
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://www.strava.com/api/v3',
		allowedDomains: ['www.strava.com'],
		checkUrl: 'https://www.strava.com/api/v3/athlete',
		docsUrl: 'https://developers.strava.com/docs/getting-started/',
		notes:
			'Scopes are comma-separated; the user may untick scopes, so check the scope returned. Callback is matched by domain only. New apps are in single-player mode (only your own account) until Strava upgrades them.',
		setupHint:
			"Sign in to Strava, open Settings > My API Application (strava.com/settings/api) and create the app; set 'Authorization Callback Domain' to the host of the n8n OAuth Redirect URL (domain only, no path); copy Client ID and Client Secret.",
		setupDocsUrl: 'https://developers.strava.com/docs/getting-started/',
		sources: [
			'https://developers.strava.com/docs/authentication/',
			'https://developers.strava.com/docs/oauth-updates/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'pkce',
			'accessTokenLifetime and refresh rotation read in third-party write-ups of the Strava page (the excerpt I saw stopped before that section)',
			'approval_prompt default (auto per Strava docs from memory)',
		],
	},
	{
		id: 'stripeConnect',
		displayName: 'Stripe Connect',
		authUrl: 'https://connect.stripe.com/oauth/authorize',
		tokenUrl: 'https://connect.stripe.com/oauth/token',
		defaultScopes: ['read_write'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.stripe.com/v1',
		allowedDomains: ['api.stripe.com', 'files.stripe.com'],
		checkUrl: 'https://api.stripe.com/v1/account',
		docsUrl: 'https://docs.stripe.com/connect/oauth-reference',
		notes:
			"Client ID is the platform's ca_... ID; the client secret is the platform's secret key (sk_...). Stripe doesn't recommend OAuth for new Connect platforms.",
		setupHint:
			'Stripe Dashboard (platform account) > Settings > Connect > Onboarding options > OAuth: enable OAuth, add the n8n OAuth Redirect URL under Redirects, copy the ca_... client ID; use the platform secret key (sk_...) as Client Secret.',
		setupDocsUrl: 'https://docs.stripe.com/connect/oauth-standard-accounts',
		sources: [
			'https://docs.stripe.com/connect/oauth-standard-accounts',
			'https://docs.stripe.com/connect/oauth-reference',
			'https://docs.stripe.com/stripe-apps/api-authentication/oauth',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime',
			'setupHint menu path (Settings > Connect > Onboarding options > OAuth)',
			'checkUrl behaviour with a Connect OAuth token (GET /v1/account returns the connected account)',
		],
	},
	{
		id: 'teamleaderFocus',
		displayName: 'Teamleader Focus',
		authUrl: 'https://focus.teamleader.eu/oauth2/authorize',
		tokenUrl: 'https://focus.teamleader.eu/oauth2/access_token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.focus.teamleader.eu',
		allowedDomains: ['api.focus.teamleader.eu', 'files.teamleader.eu'],
		checkUrl: 'https://api.focus.teamleader.eu/users.me',
		docsUrl: 'https://developer.focus.teamleader.eu/docs/authentication',
		notes:
			'Scopes are set in the integration on the Teamleader Marketplace. Refresh tokens are single use: store the new one each time.',
		setupHint:
			'Teamleader Marketplace (marketplace.focus.teamleader.eu/build) > create a new integration; tick the scopes it needs; add the n8n OAuth Redirect URL to the allowed redirect URIs; copy client_id and client_secret.',
		setupDocsUrl: 'https://developer.focus.teamleader.eu/docs/authentication',
		sources: ['https://github.com/teamleadercrm/api/blob/master/src/authentication.apib'],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'host names: the blueprint read (possibly an older commit) shows app.teamleader.eu / api.teamleader.eu; the focus.teamleader.eu / api.focus.teamleader.eu hosts of the current preset were not confirmed on a Teamleader page this session',
			'pkce (not documented; kept unsupported)',
			'setupHint Marketplace URL',
		],
	},
	{
		id: 'todoist',
		displayName: 'Todoist',
		authUrl: 'https://todoist.com/oauth/authorize',
		tokenUrl: 'https://todoist.com/oauth/access_token',
		defaultScopes: ['data:read_write'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.todoist.com/api/v1',
		allowedDomains: ['api.todoist.com'],
		checkUrl: 'https://api.todoist.com/api/v1/user',
		docsUrl: 'https://developer.todoist.com/guides/#oauth',
		notes:
			'Scopes are comma-separated: task:add, data:read, data:read_write, data:delete, project:delete. API v1 replaces the old REST v2 / Sync v9.',
		setupHint:
			"In Todoist open Settings > Integrations > Developer > Manage your existing integrations (App Management Console) > Create a new app; paste the n8n OAuth Redirect URL into 'OAuth redirect URL'; copy Client ID and Client Secret.",
		setupDocsUrl: 'https://developer.todoist.com/guides/#oauth',
		sources: [
			'https://developer.todoist.com/guides',
			'https://doist.github.io/todoist-api-python/authentication/',
			'https://doist.github.io/todoist-api-typescript/authorization',
			'https://github.com/Doist/todoist-api-python/blob/main/todoist_api_python/_core/endpoints.py',
			'https://doist.github.io/todoist-sdk-typescript/api/functions/refreshAuthToken',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'exact access-token lifetime',
			'checkUrl /api/v1/user',
			'pkce (Todoist now has public clients with tokenEndpointAuthMethod none; PKCE not confirmed)',
		],
	},
	{
		id: 'twitch',
		displayName: 'Twitch',
		authUrl: 'https://id.twitch.tv/oauth2/authorize',
		tokenUrl: 'https://id.twitch.tv/oauth2/token',
		defaultScopes: ['user:read:email'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.twitch.tv/helix',
		allowedDomains: ['api.twitch.tv', 'id.twitch.tv'],
		checkUrl: 'https://id.twitch.tv/oauth2/validate',
		docsUrl: 'https://dev.twitch.tv/docs/authentication/register-app/',
		notes:
			'Helix requests also need a Client-Id header with your client ID. Twitch requires apps to call /oauth2/validate hourly.',
		setupHint:
			'In the Twitch Developer Console (dev.twitch.tv/console/apps) click Register Your Application; add the n8n OAuth Redirect URL under OAuth Redirect URLs; choose Client Type Confidential; create, then Manage to copy the Client ID and click New Secret for the Client Secret.',
		setupDocsUrl: 'https://dev.twitch.tv/docs/authentication/register-app/',
		sources: [
			'https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/',
			'https://dev.twitch.tv/docs/authentication/refresh-tokens/',
			'https://dev.twitch.tv/docs/authentication/validate-tokens/',
			'https://dev.twitch.tv/docs/authentication/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'pkce (not documented; assumed unsupported)',
			'accessTokenLifetime (~4 h seen only in sample responses)',
			'refresh token non-expiry for confidential clients (from memory of the refresh-tokens page, not in the excerpt)',
		],
	},
	{
		id: 'typeform',
		displayName: 'Typeform',
		authUrl: 'https://api.typeform.com/oauth/authorize',
		tokenUrl: 'https://api.typeform.com/oauth/token',
		defaultScopes: ['offline', 'accounts:read', 'forms:read', 'responses:read'],
		refreshScopes: ['offline'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.typeform.com',
		allowedDomains: ['api.typeform.com', 'api.eu.typeform.com', 'api.typeform.eu'],
		checkUrl: 'https://api.typeform.com/me',
		docsUrl: 'https://www.typeform.com/developers/get-started/applications/',
		notes:
			'The offline scope is what issues a refresh token. EU data-center accounts read responses from https://api.eu.typeform.com.',
		setupHint:
			'Typeform admin > Account > Developer apps > Register a new app; set the Redirect URI(s) to the n8n OAuth Redirect URL; copy client_id and client_secret (the secret is shown only once).',
		setupDocsUrl: 'https://www.typeform.com/developers/get-started/applications/',
		sources: [
			'https://typeform.com/developers/get-started/applications',
			'https://typeform.com/developers/get-started/scopes',
			'https://typeform.com/developers/get-started/responses-data-center',
			'https://github.com/Typeform/js-api-client/issues/53',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime default (7 days, from a Typeform maintainer on GitHub)',
			'tokenAuthMethod (body assumed)',
			'setupHint menu names',
		],
	},
	{
		id: 'vimeo',
		displayName: 'Vimeo',
		authUrl: 'https://api.vimeo.com/oauth/authorize',
		tokenUrl: 'https://api.vimeo.com/oauth/access_token',
		defaultScopes: ['public', 'private'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.vimeo.com',
		allowedDomains: ['api.vimeo.com'],
		checkUrl: 'https://api.vimeo.com/oauth/verify',
		docsUrl: 'https://developer.vimeo.com/api/authentication',
		notes:
			"Send Accept: application/vnd.vimeo.*+json;version=3.4. Vimeo's client-credentials token uses a different endpoint (/oauth/authorize/client): use Custom.",
		setupHint:
			'At developer.vimeo.com/apps click Create an app, answer the access questions; on the app page add the n8n OAuth Redirect URL under Callback URLs; copy Client identifier (Client ID) and generate a Client secret.',
		setupDocsUrl: 'https://developer.vimeo.com/api/authentication',
		sources: [
			'https://developer.vimeo.com/api/authentication',
			'https://developer.vimeo.com/api/endpoints/authenticationextras',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenAuthMethod (Basic header per Nango and httr demo; the docs excerpt stopped before it)',
			"accessTokenLifetime (docs say 'until the token expires or is revoked'; tokens are long-lived in practice)",
			'checkUrl',
		],
	},
	{
		id: 'webflow',
		displayName: 'Webflow',
		authUrl: 'https://webflow.com/oauth/authorize',
		tokenUrl: 'https://api.webflow.com/oauth/access_token',
		defaultScopes: ['sites:read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.webflow.com/v2',
		allowedDomains: ['api.webflow.com'],
		checkUrl: 'https://api.webflow.com/v2/token/introspect',
		docsUrl: 'https://developers.webflow.com/data/docs/register-an-app',
		notes:
			'Data API v2. The user picks the sites (or workspace) to authorize; scopes must also be enabled on the app.',
		setupHint:
			'In the Webflow dashboard open Workspace settings > Apps & Integrations > App development > Create an App; enable the Data Client (REST API) building block, paste the n8n OAuth Redirect URL as Redirect URI, tick the scopes (e.g. sites:read, cms:read); then copy Client ID and Client Secret.',
		setupDocsUrl: 'https://developers.webflow.com/data/docs/register-an-app',
		sources: [
			'https://developers.webflow.com/data/reference/oauth-app',
			'https://developers.webflow.com/data/reference/token/introspect',
			'https://developers.webflow.com/data/v2.0.0-beta/reference/authorization',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			"authUrl/tokenUrl/body auth read from Webflow's official JS SDK and sample code, not from a docs excerpt",
			'pkce',
			'accessTokenLifetime (no refresh tokens stated by Appwrite, not seen in Webflow docs)',
		],
	},
	{
		id: 'wrike',
		displayName: 'Wrike',
		authUrl: 'https://login.wrike.com/oauth2/authorize/v4',
		tokenUrl: 'https://login.wrike.com/oauth2/token',
		defaultScopes: ['Default', 'wsReadOnly'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://www.wrike.com/api/v4',
		allowedDomains: ['www.wrike.com', 'app-eu.wrike.com', '*.wrike.com'],
		checkUrl: 'https://www.wrike.com/api/v4/contacts?me=true',
		docsUrl: 'https://developers.wrike.com/oauth-20-authorization',
		notes:
			'Only the authorization code flow. EU accounts must call the host from the token response (e.g. https://app-eu.wrike.com/api/v4): use full URLs.',
		setupHint:
			'In Wrike open Apps & Integrations > API (App Console), create an app; paste the n8n OAuth Redirect URL into Redirect URI; copy Client ID and Client secret.',
		setupDocsUrl: 'https://developers.wrike.com/oauth-20-authorization',
		sources: [
			'https://developers.wrike.com/oauth-20-authorization',
			'https://developers.wrike.com/overview',
			'https://developers.wrike.com/docs/faq',
			'https://developers.wrike.com/changelog/monday-march-02-2015',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'tokenUrl (login.wrike.com/oauth2/token from Nango; excerpt cut after the authorize URL)',
			'tokenAuthMethod',
			'scopeSeparator (comma per Nango)',
			'accessTokenLifetime',
			'token-response host field name (Nango token_response_metadata)',
		],
	},
	{
		id: 'twitter',
		displayName: 'X (Twitter)',
		authUrl: 'https://x.com/i/oauth2/authorize',
		tokenUrl: 'https://api.x.com/2/oauth2/token',
		defaultScopes: ['tweet.read', 'users.read', 'offline.access'],
		refreshScopes: ['offline.access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'required',
		clientCredentials: false,
		apiBaseUrl: 'https://api.x.com/2',
		allowedDomains: ['api.x.com', 'api.twitter.com'],
		checkUrl: 'https://api.x.com/2/users/me',
		docsUrl: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
		notes:
			'offline.access issues a refresh token. App-only bearer tokens use a different endpoint: use Custom.',
		setupHint:
			'X Developer Console > your App > User authentication settings: enable OAuth 2.0, type Web App (confidential client), paste the n8n OAuth Redirect URL as Callback URI; Keys and tokens: copy the OAuth 2.0 Client ID and Client Secret.',
		setupDocsUrl: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
		sources: [
			'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
			'https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token',
			'https://docs.x.com/xdks/python/reference/xdk.oauth2_auth',
		],
		confirmedOn: '2026-12-01',
	},
	{
		id: 'xero',
		displayName: 'Xero',
		authUrl: 'https://login.xero.com/identity/connect/authorize',
		tokenUrl: 'https://identity.xero.com/connect/token',
		defaultScopes: ['openid', 'profile', 'email', 'accounting.contacts', 'accounting.settings'],
		refreshScopes: ['offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.xero.com',
		allowedDomains: ['api.xero.com'],
		checkUrl: 'https://api.xero.com/connections',
		docsUrl: 'https://developer.xero.com/documentation/guides/oauth2/auth-flow',
		notes:
			'Requests need a xero-tenant-id header (GET /connections lists them). Client credentials are for Custom Connections (a paid premium option). New apps use granular scopes (e.g. accounting.invoices).',
		setupHint:
			'developer.xero.com > My Apps > New app (Web app); paste the n8n OAuth Redirect URL as Redirect URI; Configuration: generate and copy the Client secret and Client id. Apps created from 2 March 2026 must request granular scopes.',
		setupDocsUrl: 'https://developer.xero.com/documentation/guides/oauth2/auth-flow',
		sources: [
			'https://developer.xero.com/documentation/guides/oauth2/auth-flow',
			'https://developer.xero.com/faq/granular-scopes',
			'https://developer.xero.com/documentation/guides/oauth2/scopes/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'accessTokenLifetime / refresh token lifetime (30 min / 60 days not re-read on a Xero page this session)',
		],
	},
	{
		id: 'zendesk',
		displayName: 'Zendesk',
		authUrl: 'https://{zendeskSubdomain}.zendesk.com/oauth/authorizations/new',
		tokenUrl: 'https://{zendeskSubdomain}.zendesk.com/oauth/tokens',
		defaultScopes: ['read', 'write'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{zendeskSubdomain}.zendesk.com/api/v2',
		allowedDomains: ['{zendeskSubdomain}.zendesk.com'],
		checkUrl: 'https://{zendeskSubdomain}.zendesk.com/api/v2/users/me.json',
		docsUrl:
			'https://support.zendesk.com/hc/en-us/articles/4408845965210-Using-OAuth-authentication-with-your-application',
		notes:
			'Confidential clients may use PKCE and/or the secret. Client credentials work for confidential clients. Granular scopes (e.g. tickets:read) are also accepted.',
		setupHint:
			'In Admin Center go to Apps and integrations > APIs > OAuth Clients > Add OAuth client; choose client kind Confidential; paste the n8n OAuth Redirect URL into Redirect URLs; save, copy the Secret (shown once) as Client Secret and the Identifier as Client ID.',
		setupDocsUrl:
			'https://support.zendesk.com/hc/en-us/articles/4408845965210-Using-OAuth-authentication-with-your-application',
		sources: [
			'https://support.zendesk.com/hc/en-us/articles/4408845965210-Using-OAuth-authentication-with-your-application',
			'https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/',
			'https://developer.zendesk.com/documentation/api-basics/authentication/refresh-token',
			'https://support.zendesk.com/hc/en-us/articles/9182123625370',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'authUrl path seen only in third-party guides and code in the excerpts I could read (Zendesk help article covers it but its text was not shown)',
			"accessTokenLifetime exact default (30 min / 30 days read in a news digest of Zendesk's announcement)",
			"token endpoint is documented with JSON bodies; form-encoded bodies (what n8n sends) assumed accepted, as n8n's built-in Zendesk credential does",
		],
	},
	{
		id: 'zoho',
		displayName: 'Zoho',
		authUrl: 'https://accounts.{zohoDataCenter}/oauth/v2/auth',
		tokenUrl: 'https://accounts.{zohoDataCenter}/oauth/v2/token',
		defaultScopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.users.READ'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		authQueryParameters: { access_type: 'offline', prompt: 'consent' },
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://www.{zohoApiDomain}',
		tokenResponseApiHost: 'api_domain',
		tokenResponseApiHosts: ZOHO_API_HOSTS,
		allowedDomains: [
			'www.{zohoApiDomain}',
			'creator.{zohoDataCenter}',
			'campaigns.{zohoDataCenter}',
			'meeting.{zohoDataCenter}',
			'desk.{zohoDataCenter}',
			'mail.{zohoDataCenter}',
			'projectsapi.{zohoDataCenter}',
		],
		checkUrl: 'https://www.{zohoApiDomain}/crm/v8/users?type=CurrentUser',
		docsUrl: 'https://www.zoho.com/accounts/protocol/oauth.html',
		notes:
			"Defaults to Zoho CRM scopes; type other apps' scopes (e.g. ZohoBooks.fullaccess.all). Pick the same data centre in both fields; the token's api_domain tells it. A user has at most 20 refresh tokens: the 21st deletes the oldest connection.",
		setupHint:
			'api-console.zoho.com (your data centre) > Add Client > Server-based Applications; paste the n8n OAuth Redirect URL as Authorized Redirect URI; copy Client ID and Client Secret; Settings: enable Multi-DC if users are in other data centres. Client credentials: use a Self Client (some apps need soid).',
		setupDocsUrl: 'https://www.zoho.com/accounts/protocol/oauth/web-server-applications.html',
		sources: [
			'https://www.zoho.com/accounts/protocol/oauth/web-server-applications.html',
			'https://www.zoho.com/accounts/protocol/oauth/web-apps/authorization.html',
			'https://www.zoho.com/accounts/protocol/oauth/mobile-applications.html',
			'https://www.zoho.com/accounts/protocol/oauth/multi-dc.html',
			'https://www.zoho.com/accounts/protocol/oauth/self-client/overview.html',
			'https://www.zoho.com/accounts/protocol/oauth/self-client/client-credentials-flow.html',
			'https://www.zoho.com/assist/api/multidc.html',
			'https://www.zoho.com/creator/newhelp/account-setup/base-url.html',
			'https://www.zoho.com/meeting/api-integration/multi-dc.html',
			'https://zoho.com/campaigns/help/developers/data-centers.html',
			'https://www.zoho.com/workdrive/developer/docs/api/v1/getting-started-multi-dc-support.html',
			'https://www.zoho.com/pdfeditor/help/api/oauth-step4.html',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'zohoapis.uk (UK API domain: only seen in third-party code; accounts.zoho.uk and assist.zoho.uk are on Zoho pages)',
			'UAE data centre (zoho.ae / zohoapis.ae appears on the WorkDrive page only - not added)',
			'desk./mail./projectsapi. hosts per data centre (not read on Zoho pages this session; creator., campaigns., meeting. confirmed)',
			'checkUrl CRM v8 users?type=CurrentUser (needs ZohoCRM.users.READ, in the default scopes)',
		],
	},
	{
		id: 'zoom',
		displayName: 'Zoom',
		authUrl: 'https://zoom.us/oauth/authorize',
		tokenUrl: 'https://zoom.us/oauth/token',
		defaultScopes: [],
		scopeSeparator: ',',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.zoom.us/v2',
		allowedDomains: ['api.zoom.us'],
		checkUrl: 'https://api.zoom.us/v2/users/me',
		docsUrl: 'https://developers.zoom.us/docs/integrations/oauth/',
		notes:
			'Scopes are set in the app. Server-to-Server OAuth: Client Credentials with Extra Token Parameters grant_type=account_credentials&account_id=<account ID>.',
		setupHint:
			'marketplace.zoom.us > Develop > Build App > General App (user-managed); Basic Information: copy Client ID and Client Secret, paste the n8n OAuth Redirect URL as OAuth Redirect URL and add it to the OAuth allow list; Scopes: add the scopes you need.',
		setupDocsUrl: 'https://developers.zoom.us/docs/integrations/oauth/',
		sources: [
			'https://developers.zoom.us/docs/integrations/oauth/',
			'https://developers.zoom.us/docs/rooms/oauth/',
			'https://developers.zoom.us/docs/rooms/s2s-oauth/',
			'https://developers.zoom.us/blog/pcke-oauth-with-postman-rest-api/',
		],
		confirmedOn: '2026-12-01',
		unconfirmed: [
			'refresh token lifetime (not stated on a Zoom page read this session)',
			'scopeSeparator (scopes are set in the app; not re-checked)',
			'setupHint app-type names (General App)',
		],
	},
];

/**
 * Fills `{fieldKey}` placeholders with the user's values, trimmed and without a trailing slash.
 * The credential's expressions do the same in n8n's expression language (connectionExpressions.ts);
 * test/credential.test.ts checks that both agree for every preset.
 */
export function fillPresetTemplate(template: string, values: Record<string, unknown>): string {
	return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
		if (key in DERIVED_PLACEHOLDERS) {
			const derived = DERIVED_PLACEHOLDERS[key as DerivedPlaceholder];
			const chosen = String(values[derived.field] ?? PRESET_FIELDS[derived.field].default);
			return Object.hasOwn(derived.values, chosen)
				? (derived.values as Record<string, string>)[chosen]
				: UNUSABLE_VALUE;
		}
		if (!(key in PRESET_FIELDS)) return placeholder;
		const value = cleanFieldValue(values[key]);
		return value === '' || isValidFieldValue(key as PresetFieldKey, values[key])
			? value
			: UNUSABLE_VALUE;
	});
}
