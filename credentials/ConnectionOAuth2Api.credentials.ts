/**
 * The Any Service OAuth2 API credential. It extends n8n's `oAuth2Api`, so n8n runs the whole OAuth2
 * flow (the Connect button, the code exchange, refreshes) from the fields it knows: authUrl,
 * accessTokenUrl, clientId, scope, authentication, ...
 *
 * Why the form has hidden fields:
 * - n8n pins hidden authUrl, accessTokenUrl, authentication and scope to their defaults, and its
 *   form lists inherited fields first, in n8n's order. So the fields a user fills have names of their
 *   own (appClientId, customAuthUrl, scopes, ...), laid out top-down below, and n8n's fields are
 *   hidden, their defaults `={{ }}` expressions (connectionExpressions.ts) that build the preset's
 *   URLs and scopes from what the user picked.
 * - n8n evaluates each such expression every time any node reads the credential (n8n's HTTP Request
 *   node: three times per item), so a field is left out where it is not needed (display options)
 *   and is a constant where it can be (Specific Domains, the private key's client type).
 * - allowedHttpRequestDomains / allowedDomains are what n8n's own HTTP Request node enforces: they
 *   resolve to the domains this package's nodes allow.
 *
 * Sections, top to bottom: PROVIDER, CLIENT_AND_SCOPES, CUSTOM_PROVIDER_SETTINGS, PRIVATE_KEY,
 * ADVANCED, then FIELDS_THE_HOST_READS.
 */
import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	accessTokenUrlExpression,
	additionalBodyPropertiesExpression,
	allowedDomainsExpression,
	authenticationExpression,
	BODY_AUTHENTICATION_PROVIDERS,
	authQueryParametersExpression,
	authUrlExpression,
	clientCredentialsDefaultScopes,
	CUSTOM_PROVIDER,
	scopeExpression,
	scopeSetsFieldName,
} from './connectionExpressions';
import { BROWSER_GRANTS } from './grantTypes';
import {
	fieldsReplacedByTokenResponse,
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	presetFieldKeys,
	type PresetFieldKey,
	type ProviderPreset,
} from './providerPresets';

/** The browser grants, as the form's display conditions take them. */
const BROWSER_GRANT_VALUES = [...BROWSER_GRANTS];

const presetsSortedByName = [...PROVIDER_PRESETS].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

/** One visible field per preset field key, shown only for the presets whose URLs use it. */
const presetFieldProperties: INodeProperties[] = (
	Object.entries(PRESET_FIELDS) as Array<[PresetFieldKey, (typeof PRESET_FIELDS)[PresetFieldKey]]>
)
	.map(([key, field]) => {
		const users = PROVIDER_PRESETS.filter((preset) => presetFieldKeys(preset).includes(key));
		const presetIds = users.map((preset) => preset.id);
		// A field the token response can replace (Salesforce Instance) is optional.
		const optional = users.every((preset) => fieldsReplacedByTokenResponse(preset).includes(key));
		const property: INodeProperties = {
			displayName: field.displayName,
			name: key,
			type: 'string',
			default: field.default,
			description: field.description,
			required: field.default === '' && !optional,
			displayOptions: { show: { provider: presetIds } },
		};
		if ('placeholder' in field) property.placeholder = field.placeholder;
		if ('options' in field) {
			property.type = 'options';
			property.options = field.options;
		}
		return { property, used: presetIds.length > 0 };
	})
	.filter(({ used }) => used)
	.map(({ property }) => property);

/** A multi-select of named scope groups for each preset that has them (e.g. Google Calendar). */
const scopeSetProperties: INodeProperties[] = PROVIDER_PRESETS.filter(
	(preset) => preset.scopeSets?.length,
).map((preset) => ({
	displayName: `${preset.displayName} Scope Sets`,
	name: scopeSetsFieldName(preset),
	type: 'multiOptions',
	default: [],
	description: 'Groups of scopes to request, added to the scopes typed below',
	options: (preset.scopeSets ?? []).map((set) => ({
		name: set.name,
		value: set.scopes.join(' '),
		description: set.scopes.join(' '),
	})),
	displayOptions: { show: { provider: [preset.id] } },
}));

/** Presets whose provider accepts the client assertion the host signs (private_key_jwt). */
const PRIVATE_KEY_JWT_PROVIDERS = [
	...PROVIDER_PRESETS.filter((preset) => preset.privateKeyJwt).map((preset) => preset.id),
	CUSTOM_PROVIDER,
];

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const PKCE_REQUIRED = 'Needs Grant Type: Authorization Code with PKCE.';

/** What the provider dropdown says of a preset: its note, and PKCE where the provider requires it. */
function presetNote(preset: ProviderPreset): string | undefined {
	const parts = [preset.notes, preset.pkce === 'required' ? PKCE_REQUIRED : undefined];
	return parts.filter(Boolean).join(' ') || undefined;
}

/** The editor shows option descriptions as HTML: escaped, `<API identifier>` stays visible. */
function presetOptionDescription(preset: ProviderPreset): string | undefined {
	const note = presetNote(preset);
	return note === undefined ? undefined : escapeHtml(note);
}

/** The notice under the Provider dropdown: the preset's note, how to set up the app, the docs. */
function setupNotice(preset: ProviderPreset): string {
	const always = alwaysRequestedText(preset);
	const note = presetNote(preset);
	return `${escapeHtml(note ? `${note} ` : '')}<b>Setup:</b> ${escapeHtml(preset.setupHint)}${escapeHtml(always)} <a href="${encodeURI(preset.setupDocsUrl)}" target="_blank">${escapeHtml(preset.displayName)} setup guide</a>`;
}

const setupNotices: INodeProperties[] = presetsSortedByName.map((preset) => ({
	displayName: setupNotice(preset),
	name: `${preset.id}SetupNotice`,
	type: 'notice',
	default: '',
	displayOptions: { show: { provider: [preset.id] } },
}));

/** The scopes the browser grants always request: the refresh token's, then the check's. */
function alwaysRequested(preset: ProviderPreset): { refresh: string[]; check: string[] } {
	const refresh = preset.refreshScopes ?? [];
	return { refresh, check: (preset.checkScopes ?? []).filter((scope) => !refresh.includes(scope)) };
}

/** The setup notice's line on them: `Always requested: offline_access (for the refresh token).` */
function alwaysRequestedText(preset: ProviderPreset): string {
	const { refresh, check } = alwaysRequested(preset);
	const groups = [
		refresh.length ? `${refresh.join(', ')} (for the refresh token)` : '',
		check.length ? `${check.join(', ')} (for the connection check)` : '',
	].filter(Boolean);
	return groups.length ? ` Always requested: ${groups.join(', ')}.` : '';
}

/** The Scopes notice's line on them, with the grant they are not sent with. */
function alwaysAddedText(preset: ProviderPreset): string {
	const { refresh, check } = alwaysRequested(preset);
	const groups = [
		refresh.length ? `${refresh.join(' ')} (the refresh token depends on it` : '',
		check.length ? `${check.join(' ')} (the connection check needs it` : '',
	].filter(Boolean);
	return groups.length ? ` Always added: ${groups.join('), ')}; not with client credentials).` : '';
}

/** What Scopes left empty requests, and what is always added: one notice per distinct text. */
function scopeDefaultsText(
	defaultScopes: string[],
	always: string,
	machineScopes: string[] = defaultScopes,
): string {
	const empty = defaultScopes.length
		? `Left empty, requests: ${defaultScopes.join(' ')}.`
		: 'Left empty, requests no scope (the provider applies its own default).';
	const machine =
		machineScopes.join(' ') === defaultScopes.join(' ')
			? ''
			: ` With client credentials, left empty: ${machineScopes.join(' ') || 'no scope'}.`;
	return escapeHtml(`${empty}${always}${machine}`);
}

const scopeDefaultsNotices: INodeProperties[] = Object.entries(
	[
		{ id: CUSTOM_PROVIDER, text: scopeDefaultsText([], '') },
		...PROVIDER_PRESETS.map((preset) => ({
			id: preset.id,
			text: scopeDefaultsText(
				preset.defaultScopes,
				alwaysAddedText(preset),
				preset.clientCredentials ? clientCredentialsDefaultScopes(preset) : preset.defaultScopes,
			),
		})),
	].reduce<Record<string, string[]>>((groups, { id, text }) => {
		(groups[text] ??= []).push(id);
		return groups;
	}, {}),
).map(([text, providers], index) => ({
	displayName: text,
	name: `scopeDefaults${index}`,
	type: 'notice',
	default: '',
	displayOptions: { show: { provider: providers } },
}));

/** n8n's OAuth2 field and the field of this form whose value it takes. */
const INHERITED_FIELDS_READ_FROM_OWN: Array<[string, string]> = [
	['clientId', 'appClientId'],
	['clientSecret', 'appClientSecret'],
];

function hidden(
	name: string,
	expression: string,
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties {
	const property: INodeProperties = {
		displayName: name,
		name,
		type: 'hidden',
		default: expression,
	};
	if (displayOptions) property.displayOptions = displayOptions;
	return property;
}

/**
 * Shown only with a private key: otherwise the host leaves them out of the resolved data and
 * evaluates nothing for them (a missing clientCredentialType is a client secret to n8n-core).
 */
const WITH_PRIVATE_KEY = {
	show: { provider: PRIVATE_KEY_JWT_PROVIDERS, clientAuthenticationMethod: ['certificate'] },
};

/**
 * How the connection signs in and which provider: a preset shows its setup notice and its own
 * fields (tenant, host, region).
 */
const PROVIDER: INodeProperties[] = [
	{
		displayName: 'Grant Type',
		name: 'grantType',
		type: 'options',
		default: 'authorizationCode',
		options: [
			{
				name: 'Authorization Code',
				value: 'authorizationCode',
				description: 'A user signs in and consents in the browser (click Connect after saving)',
			},
			{
				name: 'Authorization Code with PKCE',
				value: 'pkce',
				description:
					'Authorization code with an S256 code challenge; works without a client secret',
			},
			{
				name: 'Client Credentials',
				value: 'clientCredentials',
				description: 'Machine-to-machine: n8n fetches a token with the client ID and secret',
			},
		],
	},
	{
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		default: CUSTOM_PROVIDER,
		description:
			'A provider preset fills the authorization and token URLs, default scopes and API domains; Custom lets you enter them',
		options: [
			{
				name: 'Custom',
				value: CUSTOM_PROVIDER,
				description: 'Enter the authorization and token URLs yourself',
			},
			...presetsSortedByName.map((preset) => ({
				name: preset.displayName,
				value: preset.id,
				description: presetOptionDescription(preset),
			})),
		],
	},
	{
		displayName:
			'<b>This provider requires PKCE:</b> set Grant Type to Authorization Code with PKCE above, or its sign-in rejects the connection.',
		name: 'pkceRequiredNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: {
				provider: PROVIDER_PRESETS.filter((preset) => preset.pkce === 'required').map(
					(preset) => preset.id,
				),
				grantType: ['authorizationCode'],
			},
		},
	},
	...setupNotices,
	...presetFieldProperties,
];

/** The app registered at the provider, and what it asks for. */
const CLIENT_AND_SCOPES: INodeProperties[] = [
	{
		displayName: 'Client ID',
		name: 'appClientId',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Client Secret',
		name: 'appClientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Leave empty for a public client that uses PKCE',
	},
	...scopeSetProperties,
	{
		displayName: 'Scopes',
		name: 'scopes',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. openid, profile, offline_access',
		description:
			'Separated by commas, spaces or new lines; sent the way the provider expects. The note below says what an empty field requests and what is always added.',
	},
	...scopeDefaultsNotices,
];

/** Custom only: the URLs and conventions a preset would fill in. */
const CUSTOM_PROVIDER_SETTINGS: INodeProperties[] = [
	{
		displayName: 'Authorization URL',
		name: 'customAuthUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://auth.example.com/oauth2/authorize',
		displayOptions: { show: { provider: [CUSTOM_PROVIDER], grantType: BROWSER_GRANT_VALUES } },
	},
	{
		displayName: 'Access Token URL',
		name: 'customTokenUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://auth.example.com/oauth2/token',
		displayOptions: { show: { provider: [CUSTOM_PROVIDER] } },
	},
	{
		displayName: 'Send Client Secret In',
		name: 'customClientAuthentication',
		type: 'options',
		default: 'header',
		description: 'Where token requests carry the client ID and secret',
		options: [
			{
				name: 'Basic Auth Header (Client_secret_basic)',
				value: 'header',
			},
			{
				name: 'Request Body (Client_secret_post)',
				value: 'body',
			},
		],
		displayOptions: { show: { provider: [CUSTOM_PROVIDER] } },
	},
	{
		displayName: 'Scope Separator',
		name: 'customScopeSeparator',
		type: 'options',
		default: 'space',
		description: 'How the provider wants scopes joined in the scope parameter',
		options: [
			{ name: 'Space (RFC 6749)', value: 'space' },
			{ name: 'Comma', value: 'comma' },
		],
		displayOptions: { show: { provider: [CUSTOM_PROVIDER] } },
	},
	{
		displayName: 'API Base URL',
		name: 'customApiBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://api.example.com/v1',
		description:
			'Relative URLs in the nodes are resolved against it; its host is the default allowed domain',
		displayOptions: { show: { provider: [CUSTOM_PROVIDER] } },
	},
	{
		displayName: 'API Base URL From Token Response',
		name: 'customApiBaseUrlField',
		type: 'string',
		default: '',
		placeholder: 'e.g. instance_url',
		description:
			'A field of the token response that holds the API URL (Salesforce instance_url, Zoho api_domain); when the stored token has it, it replaces API Base URL and its host is allowed',
		displayOptions: { show: { provider: [CUSTOM_PROVIDER] } },
	},
	{
		displayName: 'Trust Any API Host From Token Response',
		name: 'customApiHostAnywhere',
		type: 'boolean',
		default: false,
		description:
			'Whether the API host the token response names is used even when it is outside Allowed Domains (then it is allowed too). Off: it is used only when Allowed Domains (or API Base URL) already covers it.',
		displayOptions: { show: { provider: [CUSTOM_PROVIDER] } },
	},
];

/** private_key_jwt instead of a client secret, for the providers that accept it. */
const PRIVATE_KEY: INodeProperties[] = [
	{
		displayName: 'Client Secret or Private Key',
		name: 'clientAuthenticationMethod',
		type: 'options',
		default: 'clientSecret',
		description:
			'Whether n8n authenticates at the token endpoint with the client secret or with a JWT it signs with your private key (private_key_jwt)',
		options: [
			{ name: 'Client Secret', value: 'clientSecret' },
			{
				name: 'Private Key JWT (Certificate)',
				value: 'certificate',
				description:
					'An RS256 client assertion with the certificate thumbprint (x5t), for certificate credentials and service apps',
			},
		],
		displayOptions: { show: { provider: PRIVATE_KEY_JWT_PROVIDERS } },
	},
	{
		displayName: 'Private Key',
		name: 'signingPrivateKey',
		type: 'string',
		typeOptions: { password: true, rows: 4 },
		default: '',
		placeholder: '-----BEGIN PRIVATE KEY-----',
		description: 'The RSA private key (PEM) the client assertion is signed with',
		displayOptions: {
			show: { provider: PRIVATE_KEY_JWT_PROVIDERS, clientAuthenticationMethod: ['certificate'] },
		},
	},
	{
		displayName: 'Certificate',
		name: 'signingCertificate',
		type: 'string',
		typeOptions: { password: true, rows: 4 },
		default: '',
		placeholder: '-----BEGIN CERTIFICATE-----',
		description:
			'The certificate (PEM) of that key, as uploaded to the app; its thumbprint names the key',
		displayOptions: {
			show: { provider: PRIVATE_KEY_JWT_PROVIDERS, clientAuthenticationMethod: ['certificate'] },
		},
	},
];

/** Optional: extra parameters, how an expired token shows, where the token may go. */
const ADVANCED: INodeProperties[] = [
	{
		displayName: 'Extra Authorization Parameters',
		name: 'extraAuthQueryParameters',
		type: 'string',
		default: '',
		placeholder: 'e.g. prompt=consent&login_hint=jane@example.com',
		description:
			"Added to the authorization URL as a query string; a parameter set here replaces the preset's",
		displayOptions: { show: { grantType: BROWSER_GRANT_VALUES } },
	},
	{
		displayName: 'Extra Token Parameters',
		name: 'extraGrantParameters',
		type: 'string',
		default: '',
		placeholder: 'e.g. audience=https://api.example.com',
		description:
			"Added to the token request as form fields (e.g. audience, Zoom's account_id). n8n sends them when it exchanges the code and with client credentials, not on a refresh. A parameter set here replaces the preset's.",
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://api.example.com/',
		description:
			'The resource indicator (RFC 8707) of the API the token is for: n8n sends it with the authorization request and every token request, refreshes included',
	},
	{
		displayName: 'Token Expired Status Codes',
		name: 'expiryStatusCodes',
		type: 'string',
		default: '401',
		placeholder: 'e.g. 401, 403',
		description:
			'Responses with these status codes make the nodes refresh the token and retry once',
	},
	{
		displayName: 'Token Expired Response Path',
		name: 'expiryResponsePath',
		type: 'string',
		default: '',
		placeholder: 'e.g. errors[0].code',
		description:
			'For APIs that report an expired token inside a successful response (e.g. Marketo answers 200 with error 602): the path to look at',
	},
	{
		displayName: 'Token Expired Response Values',
		name: 'expiryResponseValues',
		type: 'string',
		default: '',
		placeholder: 'e.g. 601, 602',
		description: 'Values at that path that mean the token expired, separated by commas',
		displayOptions: { hide: { expiryResponsePath: [''] } },
	},
	{
		displayName: 'Allowed HTTP Request Domains',
		name: 'allowedDomainsMode',
		type: 'options',
		default: 'domains',
		description: 'Hosts the nodes may send this connection’s token to',
		options: [
			{
				name: 'Specific Domains',
				value: 'domains',
				description: 'Only the domains listed below (the preset’s API domains by default)',
			},
			{ name: 'All', value: 'all', description: 'Any host (not recommended)' },
			{ name: 'None', value: 'none', description: 'Block all requests' },
		],
	},
	{
		displayName: 'Allowed Domains',
		name: 'allowedDomainsList',
		type: 'string',
		default: '',
		placeholder: 'Empty: the provider’s API domains (Custom: the API base URL’s host)',
		description:
			'Separated by commas, e.g. api.example.com, *.example.com (subdomains only). Leave empty for the provider’s API domains, listed in the README.',
		displayOptions: { show: { allowedDomainsMode: ['domains'] } },
	},
];

/** n8n's own OAuth2 fields, hidden, computed from the sections above (see the top of this file). */
const FIELDS_THE_HOST_READS: INodeProperties[] = [
	// Used only to sign in in the browser: client credentials never resolve them.
	hidden('authUrl', authUrlExpression, { show: { grantType: BROWSER_GRANT_VALUES } }),
	hidden('accessTokenUrl', accessTokenUrlExpression),
	// Left out for the presets that take the secret in a Basic header: n8n sends it there then.
	hidden('authentication', authenticationExpression, {
		show: { provider: BODY_AUTHENTICATION_PROVIDERS },
	}),
	hidden('scope', scopeExpression),
	hidden('authQueryParameters', authQueryParametersExpression, {
		show: { grantType: BROWSER_GRANT_VALUES },
	}),
	// n8n's own toggle for its JSON field: Extra Token Parameters and the presets fill it instead.
	{
		displayName: 'Send Additional Body Properties',
		name: 'sendAdditionalBodyProperties',
		type: 'hidden',
		default: false,
	},
	hidden('additionalBodyProperties', additionalBodyPropertiesExpression),
	// What n8n's own HTTP Request node enforces: the typed list, or the defaults the nodes use.
	// No expression for the mode: Specific Domains is a constant; All leaves both fields out
	// (n8n: any host); None leaves the list out, which n8n refuses ("No allowed domains").
	hidden('allowedHttpRequestDomains', 'domains', {
		show: { allowedDomainsMode: ['domains', 'none'] },
	}),
	hidden('allowedDomains', allowedDomainsExpression, {
		show: { allowedDomainsMode: ['domains'] },
	}),
	// The host lists inherited fields first, in n8n's order. So that the form reads top-down,
	// the fields users fill are declared above under names of their own, and n8n's fields read
	// them. Grant Type stays n8n's field: the editor shows Connect only from its stored value.
	...INHERITED_FIELDS_READ_FROM_OWN.map(([inherited, own]) =>
		hidden(inherited, `={{ $self.${own} }}`),
	),
	hidden('clientCredentialType', 'certificate', WITH_PRIVATE_KEY),
	hidden('privateKey', '={{ $self.signingPrivateKey }}', WITH_PRIVATE_KEY),
	hidden('certificate', '={{ $self.signingCertificate }}', WITH_PRIVATE_KEY),
];

export class ConnectionOAuth2Api implements ICredentialType {
	name = 'connectionOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Any Service OAuth2 API';

	icon: Icon = { light: 'file:oauth2Connection.svg', dark: 'file:oauth2Connection.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-oauth2-connections/n8n-nodes-oauth2-connections#the-any-service-oauth2-api-credential';

	properties: INodeProperties[] = [
		...PROVIDER,
		...CLIENT_AND_SCOPES,
		...CUSTOM_PROVIDER_SETTINGS,
		...PRIVATE_KEY,
		...ADVANCED,
		...FIELDS_THE_HOST_READS,
	];
}
