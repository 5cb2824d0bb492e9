/**
 * Provider presets: one typed row per OAuth2 provider, read from each provider's own documentation.
 * The OAuth2 Connection credential generates its fields and the expressions the host resolves
 * from this table, and the README's preset table is generated from it too.
 *
 * URL templates may contain `{fieldKey}` placeholders; each key names a field in PRESET_FIELDS,
 * shown in the credential only for the presets whose templates use it.
 */

/** How the client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
export type TokenAuthMethod =
	/** client_secret_basic: HTTP Basic header */
	| 'header'
	/** client_secret_post: client_id and client_secret in the form body */
	| 'body';

export type ScopeSeparator = ' ' | ',';

export type PkceSupport = 'unsupported' | 'supported' | 'required';

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
	scopeSeparator: ScopeSeparator;
	tokenAuthMethod: TokenAuthMethod;
	/** Extra authorization-request parameters, sent as a query string. */
	authQueryParameters?: Record<string, string>;
	pkce: PkceSupport;
	/** Whether the provider offers the client credentials grant for this API. */
	clientCredentials: boolean;
	/** Base for relative request URLs, no trailing slash. */
	apiBaseUrl: string;
	/** Hosts requests may go to by default (n8n's allowedDomains syntax, `*.` for subdomains). */
	allowedDomains: string[];
	scopeSets?: ScopeSet[];
	/** A cheap authorized GET naming the signed-in account (userinfo or "me"), absolute or relative to the API base URL. */
	checkUrl?: string;
	docsUrl: string;
	/** A short hint shown under the provider dropdown. */
	notes?: string;
}

export const PRESET_FIELDS = {
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
			'Your org host for API calls (My Domain, the instance_url of the token response), without https://',
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
			{ name: 'Americas (São Paulo) - sae1.pure.cloud', value: 'sae1.pure.cloud' },
			{ name: 'EMEA (Dublin) - mypurecloud.ie', value: 'mypurecloud.ie' },
			{ name: 'EMEA (Frankfurt) - mypurecloud.de', value: 'mypurecloud.de' },
			{ name: 'EMEA (London) - euw2.pure.cloud', value: 'euw2.pure.cloud' },
			{ name: 'EMEA (Zurich) - euc2.pure.cloud', value: 'euc2.pure.cloud' },
			{ name: 'EMEA (UAE) - mec1.pure.cloud', value: 'mec1.pure.cloud' },
			{ name: 'Asia Pacific (Mumbai) - aps1.pure.cloud', value: 'aps1.pure.cloud' },
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
		],
		sample: 'zoho.eu',
	},
	zohoApiDomain: {
		displayName: 'Zoho API Domain',
		kind: 'option',
		description:
			'The API domain of the same data centre (the api_domain of the token response); Canada signs in at zohocloud.ca but calls zohoapis.ca',
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
		description: 'gitlab.com, or the host of your self-managed GitLab, without https://',
		placeholder: 'e.g. gitlab.example.com',
		default: 'gitlab.com',
		sample: 'gitlab.example.com',
	},
	keycloakHost: {
		displayName: 'Keycloak Host',
		kind: 'hostname',
		pathSuffixes: ['/auth'],
		description:
			'The host of your Keycloak server, without https://; for Keycloak 16 and older add the /auth path (e.g. sso.example.com/auth)',
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
	oktaDomain: {
		displayName: 'Okta Domain',
		kind: 'hostname',
		description: 'Your Okta org domain or custom domain, without https://',
		placeholder: 'e.g. dev-123456.okta.com',
		default: '',
		sample: 'dev-123456.okta.com',
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

const GOOGLE_AUTH_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const MICROSOFT_AUTH_URL = 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize';
const MICROSOFT_TOKEN_URL = 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token';
const MICROSOFT_CLIENT_CREDENTIALS_NOTE =
	'For client credentials use your tenant ID and the scope https://graph.microsoft.com/.default.';

/** Sorted by display name; Custom is not a preset. */
export const PROVIDER_PRESETS: ProviderPreset[] = [
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
		allowedDomains: ['api.airtable.com'],
		docsUrl: 'https://airtable.com/developers/web/api/oauth-reference',
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
		docsUrl: 'https://cloud.google.com/apigee/docs/reference/apis/apigee/rest',
		notes:
			'Apigee X and hybrid management API, signed in with a Google OAuth client. For an API you protect with Apigee OAuth policies, use Custom.',
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
		docsUrl: 'https://developers.asana.com/docs/oauth',
		notes: 'Scopes are chosen in the app (full permissions, or the granular scopes you type).',
	},
	{
		id: 'auth0',
		displayName: 'Auth0',
		authUrl: 'https://{auth0Domain}/authorize',
		tokenUrl: 'https://{auth0Domain}/oauth/token',
		defaultScopes: ['openid', 'profile', 'email', 'offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{auth0Domain}',
		allowedDomains: ['{auth0Domain}'],
		docsUrl: 'https://auth0.com/docs/api/authentication',
		notes:
			'To call an API (e.g. the Management API), add audience=<API identifier> to the extra authorization parameters.',
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
		allowedDomains: ['api.box.com', 'upload.box.com'],
		docsUrl: 'https://developer.box.com/guides/authentication/oauth2/',
		notes:
			'Scopes are set in the app. Client credentials need a Box app with server authentication.',
	},
	{
		id: 'calendly',
		displayName: 'Calendly',
		authUrl: 'https://auth.calendly.com/oauth/authorize',
		tokenUrl: 'https://auth.calendly.com/oauth/token',
		defaultScopes: [],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.calendly.com',
		allowedDomains: ['api.calendly.com'],
		docsUrl: 'https://developer.calendly.com/docs/authentication/scopes',
		notes:
			'Apps created since March 2026 get no access until you request scopes (e.g. event_types:read).',
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
		docsUrl: 'https://developer.clickup.com/docs/authentication',
		notes: 'ClickUp has no scopes; the user picks the workspaces to share.',
	},
	{
		id: 'discord',
		displayName: 'Discord',
		authUrl: 'https://discord.com/oauth2/authorize',
		tokenUrl: 'https://discord.com/api/oauth2/token',
		defaultScopes: ['identify', 'email', 'guilds'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: true,
		apiBaseUrl: 'https://discord.com/api/v10',
		allowedDomains: ['discord.com'],
		docsUrl: 'https://discord.com/developers/docs/topics/oauth2',
	},
	{
		id: 'docuSign',
		displayName: 'DocuSign',
		authUrl: 'https://{docuSignAccountHost}/oauth/auth',
		tokenUrl: 'https://{docuSignAccountHost}/oauth/token',
		defaultScopes: ['signature', 'extended'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://{docuSignAccountHost}',
		allowedDomains: ['{docuSignAccountHost}', '*.docusign.net'],
		docsUrl: 'https://developers.docusign.com/platform/auth/authcode/',
		notes:
			'eSignature calls go to the base_uri of GET /oauth/userinfo (e.g. https://na3.docusign.net/restapi): use full URLs.',
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
		allowedDomains: ['api.dropboxapi.com', 'content.dropboxapi.com'],
		docsUrl: 'https://developers.dropbox.com/oauth-guide',
		notes: 'With no scopes typed, the token gets every scope ticked in the app’s Permissions tab.',
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
		docsUrl: 'https://developer.genesys.cloud/api/rest/authorization/use-authorization-code',
		notes: 'Scopes are assigned to the OAuth client in Admin > Integrations > OAuth.',
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
		docsUrl:
			'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
		notes: 'GitHub Apps ignore scopes (permissions are set in the app); OAuth apps use them.',
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
		docsUrl: 'https://docs.gitlab.com/api/oauth2/',
		notes:
			'Works with gitlab.com and self-managed GitLab (set the host). Use the api scope to write.',
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
		docsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server',
		notes: 'Enable each API (Calendar, Drive, ...) in your Google Cloud project.',
	},
	{
		id: 'hubSpot',
		displayName: 'HubSpot',
		authUrl: 'https://app.hubspot.com/oauth/authorize',
		tokenUrl: 'https://api.hubapi.com/oauth/v1/token',
		defaultScopes: ['oauth'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.hubapi.com',
		allowedDomains: ['api.hubapi.com'],
		docsUrl: 'https://developers.hubspot.com/docs/api/oauth-quickstart-guide',
		notes:
			'Request exactly the scopes your app marks as required (e.g. oauth crm.objects.contacts.read).',
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
		docsUrl:
			'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
		notes:
			'Permissions are set in the app. EU and Australian workspaces call https://api.eu.intercom.io or https://api.au.intercom.io.',
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
		docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
		notes:
			'Calls go to /ex/jira/{cloudId}/rest/api/3/... (or /ex/confluence/...); GET /oauth/token/accessible-resources lists the cloud IDs.',
	},
	{
		id: 'keycloak',
		displayName: 'Keycloak',
		authUrl: 'https://{keycloakHost}/realms/{keycloakRealm}/protocol/openid-connect/auth',
		tokenUrl: 'https://{keycloakHost}/realms/{keycloakRealm}/protocol/openid-connect/token',
		defaultScopes: ['openid', 'profile', 'email'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{keycloakHost}/realms/{keycloakRealm}',
		allowedDomains: ['{keycloakHost}'],
		docsUrl: 'https://www.keycloak.org/securing-apps/oidc-layers',
		notes: 'Client credentials need "Service accounts roles" enabled on the client.',
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
		clientCredentials: false,
		apiBaseUrl: 'https://api.linear.app',
		allowedDomains: ['api.linear.app'],
		docsUrl: 'https://linear.app/developers/oauth-2-0-authentication',
		notes: 'The API is GraphQL: POST /graphql.',
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
		docsUrl:
			'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow',
		notes:
			'Scopes come with the products added to the app (e.g. w_member_social with Share on LinkedIn). Client credentials only for approved partner APIs.',
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
		docsUrl: 'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/',
		notes: 'Mailchimp has no scopes and its tokens do not expire.',
	},
	{
		id: 'meta',
		displayName: 'Meta (Facebook Graph API)',
		authUrl: 'https://www.facebook.com/v23.0/dialog/oauth',
		tokenUrl: 'https://graph.facebook.com/v23.0/oauth/access_token',
		defaultScopes: ['public_profile', 'email'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://graph.facebook.com/v23.0',
		allowedDomains: ['graph.facebook.com'],
		docsUrl: 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow',
		notes:
			'No refresh token: user tokens last about 60 days. Client credentials give an app access token.',
	},
	{
		id: 'microsoftOutlook',
		displayName: 'Microsoft 365 Outlook',
		authUrl: MICROSOFT_AUTH_URL,
		tokenUrl: MICROSOFT_TOKEN_URL,
		defaultScopes: [
			'offline_access',
			'User.Read',
			'Mail.ReadWrite',
			'Mail.Send',
			'Calendars.ReadWrite',
			'Contacts.ReadWrite',
		],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://graph.microsoft.com/v1.0',
		allowedDomains: ['graph.microsoft.com'],
		scopeSets: [
			{ name: 'Mail', scopes: ['offline_access', 'User.Read', 'Mail.ReadWrite', 'Mail.Send'] },
			{ name: 'Calendar', scopes: ['offline_access', 'User.Read', 'Calendars.ReadWrite'] },
			{ name: 'Contacts', scopes: ['offline_access', 'User.Read', 'Contacts.ReadWrite'] },
		],
		docsUrl: 'https://learn.microsoft.com/en-us/graph/outlook-mail-concept-overview',
		notes: `Microsoft Graph: /me/messages, /me/events, ... ${MICROSOFT_CLIENT_CREDENTIALS_NOTE}`,
	},
	{
		id: 'microsoftEntraId',
		displayName: 'Microsoft Entra ID',
		authUrl: MICROSOFT_AUTH_URL,
		tokenUrl: MICROSOFT_TOKEN_URL,
		defaultScopes: ['openid', 'profile', 'email', 'offline_access', 'User.Read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://graph.microsoft.com/v1.0',
		allowedDomains: ['graph.microsoft.com'],
		docsUrl: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
		notes: `Microsoft identity platform v2 for Graph or your own API (scope api://<app ID>/.default). ${MICROSOFT_CLIENT_CREDENTIALS_NOTE}`,
	},
	{
		id: 'microsoftSharePoint',
		displayName: 'Microsoft SharePoint',
		authUrl: MICROSOFT_AUTH_URL,
		tokenUrl: MICROSOFT_TOKEN_URL,
		defaultScopes: ['offline_access', 'User.Read', 'Sites.ReadWrite.All', 'Files.ReadWrite.All'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://graph.microsoft.com/v1.0',
		allowedDomains: ['graph.microsoft.com'],
		docsUrl: 'https://learn.microsoft.com/en-us/graph/api/resources/sharepoint',
		notes: `Through Microsoft Graph (/sites, /drives); the SharePoint REST API (/_api) needs a token for your sharepoint.com host. ${MICROSOFT_CLIENT_CREDENTIALS_NOTE}`,
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
		docsUrl: 'https://developers.miro.com/docs/getting-started-with-oauth',
		notes: 'Enable "Expire user authorization token" in the app to get refresh tokens.',
	},
	{
		id: 'mondayCom',
		displayName: 'monday.com',
		authUrl: 'https://auth.monday.com/oauth2/authorize',
		tokenUrl: 'https://auth.monday.com/oauth2/token',
		defaultScopes: ['me:read', 'boards:read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.monday.com/v2',
		allowedDomains: ['api.monday.com'],
		docsUrl: 'https://developer.monday.com/apps/docs/oauth',
		notes: 'The API is GraphQL (POST to the base URL); tokens do not expire.',
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
		docsUrl: 'https://developers.notion.com/docs/authorization',
		notes: 'Capabilities are set in the integration; requests need a Notion-Version header.',
	},
	{
		id: 'okta',
		displayName: 'Okta',
		authUrl: 'https://{oktaDomain}/oauth2/v1/authorize',
		tokenUrl: 'https://{oktaDomain}/oauth2/v1/token',
		defaultScopes: ['openid', 'profile', 'email', 'offline_access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{oktaDomain}/api/v1',
		allowedDomains: ['{oktaDomain}'],
		docsUrl: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/',
		notes:
			'Uses the org authorization server (Okta API scopes such as okta.users.read); for a custom authorization server (/oauth2/default/v1/...) use Custom.',
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
		allowedDomains: ['api.pipedrive.com', '*.pipedrive.com'],
		docsUrl: 'https://pipedrive.readme.io/docs/marketplace-oauth-authorization',
		notes:
			'Scopes are set in the app. Paths start with /v1 or /api/v2; the token’s api_domain (your company host) works too.',
	},
	{
		id: 'quickBooks',
		displayName: 'QuickBooks Online (Intuit)',
		authUrl: 'https://appcenter.intuit.com/connect/oauth2',
		tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
		defaultScopes: ['com.intuit.quickbooks.accounting'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://quickbooks.api.intuit.com/v3/company',
		allowedDomains: ['quickbooks.api.intuit.com', 'sandbox-quickbooks.api.intuit.com'],
		docsUrl:
			'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0',
		notes:
			'Paths start with your company (realm) ID; sandbox companies use https://sandbox-quickbooks.api.intuit.com.',
	},
	{
		id: 'salesforce',
		displayName: 'Salesforce',
		authUrl: 'https://{salesforceLoginHost}/services/oauth2/authorize',
		tokenUrl: 'https://{salesforceLoginHost}/services/oauth2/token',
		defaultScopes: ['api', 'refresh_token'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://{salesforceInstance}',
		allowedDomains: ['{salesforceInstance}'],
		docsUrl:
			'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm&type=5',
		notes:
			'API calls go to your instance (My Domain), not the login host. Client credentials need your My Domain as the login host.',
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
		docsUrl:
			'https://www.servicenow.com/docs/r/platform-security/authentication/oauth-inbound.html',
		notes:
			'API base is your instance (e.g. /api/now/table/incident). Client credentials must be enabled on the instance.',
	},
	{
		id: 'shopify',
		displayName: 'Shopify',
		authUrl: 'https://{shopifyShop}.myshopify.com/admin/oauth/authorize',
		tokenUrl: 'https://{shopifyShop}.myshopify.com/admin/oauth/access_token',
		defaultScopes: ['read_products', 'read_orders'],
		scopeSeparator: ',',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://{shopifyShop}.myshopify.com/admin/api',
		allowedDomains: ['{shopifyShop}.myshopify.com'],
		docsUrl:
			'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
		notes: 'The Admin API reads the token from the X-Shopify-Access-Token header.',
	},
	{
		id: 'slack',
		displayName: 'Slack',
		authUrl: 'https://slack.com/oauth/v2/authorize',
		tokenUrl: 'https://slack.com/api/oauth.v2.access',
		defaultScopes: ['channels:read', 'chat:write'],
		scopeSeparator: ',',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: false,
		apiBaseUrl: 'https://slack.com/api',
		allowedDomains: ['slack.com'],
		docsUrl: 'https://docs.slack.dev/authentication/installing-with-oauth',
		notes:
			'Scopes are bot scopes; for a user token add user_scope=... to the extra authorization parameters. Refresh tokens need token rotation on.',
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
		docsUrl: 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow',
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
		allowedDomains: ['api.stripe.com'],
		docsUrl: 'https://docs.stripe.com/connect/oauth-reference',
		notes:
			'Client ID is the platform’s ca_... ID; the client secret is the platform’s secret key (sk_...).',
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
		allowedDomains: ['api.focus.teamleader.eu'],
		docsUrl: 'https://developer.focus.teamleader.eu/docs/authentication',
		notes: 'Scopes are set in the integration on the Teamleader Marketplace.',
	},
	{
		id: 'typeform',
		displayName: 'Typeform',
		authUrl: 'https://api.typeform.com/oauth/authorize',
		tokenUrl: 'https://api.typeform.com/oauth/token',
		defaultScopes: ['offline', 'accounts:read', 'forms:read', 'responses:read'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'body',
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://api.typeform.com',
		allowedDomains: ['api.typeform.com'],
		docsUrl: 'https://www.typeform.com/developers/get-started/applications/',
		notes: 'The offline scope is what issues a refresh token.',
	},
	{
		id: 'twitter',
		displayName: 'X (Twitter)',
		authUrl: 'https://x.com/i/oauth2/authorize',
		tokenUrl: 'https://api.x.com/2/oauth2/token',
		defaultScopes: ['tweet.read', 'users.read', 'offline.access'],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'required',
		clientCredentials: false,
		apiBaseUrl: 'https://api.x.com/2',
		allowedDomains: ['api.x.com', 'api.twitter.com'],
		docsUrl: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
		notes:
			'offline.access issues a refresh token. App-only bearer tokens use a different endpoint: use Custom.',
	},
	{
		id: 'xero',
		displayName: 'Xero',
		authUrl: 'https://login.xero.com/identity/connect/authorize',
		tokenUrl: 'https://identity.xero.com/connect/token',
		defaultScopes: [
			'openid',
			'profile',
			'email',
			'offline_access',
			'accounting.contacts',
			'accounting.settings',
		],
		scopeSeparator: ' ',
		tokenAuthMethod: 'header',
		pkce: 'supported',
		clientCredentials: true,
		apiBaseUrl: 'https://api.xero.com',
		allowedDomains: ['api.xero.com'],
		docsUrl: 'https://developer.xero.com/documentation/guides/oauth2/auth-flow',
		notes:
			'Requests need a xero-tenant-id header (GET /connections lists them). Client credentials are for Custom Connections.',
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
		pkce: 'unsupported',
		clientCredentials: false,
		apiBaseUrl: 'https://www.{zohoApiDomain}',
		allowedDomains: ['www.{zohoApiDomain}'],
		docsUrl: 'https://www.zoho.com/accounts/protocol/oauth.html',
		notes:
			'Defaults to Zoho CRM scopes; type other apps’ scopes (e.g. ZohoBooks.fullaccess.all). Pick the same data centre in both fields.',
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
		docsUrl: 'https://developers.zoom.us/docs/integrations/oauth/',
		notes:
			'Scopes are set in the app. Server-to-Server OAuth uses the account_credentials grant: use Custom.',
	},
];

/**
 * Fills `{fieldKey}` placeholders with the user's values, trimmed and without a trailing slash.
 * The credential's expressions do the same in n8n's expression language (connectionExpressions.ts);
 * test/credential.test.ts checks that both agree for every preset.
 */
export function fillPresetTemplate(template: string, values: Record<string, unknown>): string {
	return template.replace(/\{(\w+)\}/g, (placeholder, key: string) =>
		key in PRESET_FIELDS
			? String(values[key] ?? '')
					.trim()
					.replace(/\/+$/, '')
			: placeholder,
	);
}
