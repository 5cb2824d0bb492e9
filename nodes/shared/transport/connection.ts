/**
 * What a node needs to know about the selected OAuth2 Connection before it sends anything:
 * is it authorized, where may its token go, when does the token expire, what means "expired".
 */
import {
	isDomainAllowed,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INode,
} from 'n8n-workflow';

import {
	fillPresetTemplate,
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	type PresetFieldKey,
	type ProviderPreset,
} from '../../../credentials/providerPresets';

export const CREDENTIAL_TYPE = 'connectionOAuth2Api';

const BROWSER_GRANTS = new Set(['authorizationCode', 'pkce']);

export interface ExpirySignal {
	statusCodes: number[];
	/** Path in a JSON response body, e.g. `errors[0].code`; empty when the API uses status codes only. */
	responsePath: string;
	responseValues: string[];
}

export interface Connection {
	name: string;
	grantType: string;
	apiBaseUrl: string;
	/** undefined: any host; otherwise n8n's comma-separated allowedDomains syntax. */
	allowedDomains: string | undefined;
	blocksAllRequests: boolean;
	accessToken: string | undefined;
	hasRefreshToken: boolean;
	/** Epoch milliseconds from the host's `n8n_expires_at`, when the provider sent expires_in. */
	expiresAt: number | undefined;
	/** How long the provider said the token lives (its expires_in), in milliseconds. */
	lifetimeMs: number | undefined;
	expirySignal: ExpirySignal;
	/** Values that must never appear in an error, an output or a log. */
	secrets: string[];
	/** A setting of the connection that cannot work, found before anything is sent. */
	misconfiguration: { message: string; description: string } | undefined;
}

type CredentialReader = Pick<
	IExecuteFunctions | ILoadOptionsFunctions,
	'getCredentials' | 'getNode'
>;

function splitList(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
}

export function connectionName(node: INode): string {
	return node.credentials?.[CREDENTIAL_TYPE]?.name ?? 'OAuth2 Connection';
}

/** `https://login.example.com//token` or `https://.myshopify.com`: a placeholder was filled with nothing. */
function isBrokenUrl(value: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		return true;
	}
	return (
		parsed.hostname === '' ||
		parsed.hostname.startsWith('.') ||
		parsed.hostname.includes('..') ||
		parsed.pathname.includes('//')
	);
}

/** An empty preset field, a URL that cannot work, or token-expiry status codes that are not status codes. */
function findMisconfiguration(
	credentials: ICredentialDataDecryptedObject,
	name: string,
	preset: ProviderPreset | undefined,
	apiBaseUrl: string,
): Connection['misconfiguration'] {
	if (preset) {
		const templates = [
			preset.authUrl,
			preset.tokenUrl,
			preset.apiBaseUrl,
			...preset.allowedDomains,
		];
		const empty = (Object.keys(PRESET_FIELDS) as PresetFieldKey[]).find(
			(key) =>
				templates.some((template) => template.includes(`{${key}}`)) &&
				String(credentials[key] ?? '').trim() === '',
		);
		if (empty) {
			const field = PRESET_FIELDS[empty];
			return {
				message: `Connection '${name}' has no ${field.displayName}, which the ${preset.displayName} preset needs`,
				description: `Open the connection and fill in ${field.displayName}: ${field.description.replace(/\.$/, '')}. Then save it and click Reconnect.`,
			};
		}
	}
	const urls: Array<[string, unknown]> = [
		['Access Token URL', credentials.accessTokenUrl],
		['API Base URL', apiBaseUrl],
	];
	for (const [label, value] of urls) {
		const url = String(value ?? '').trim();
		if (url !== '' && isBrokenUrl(url)) {
			return {
				message: `The ${label} of connection '${name}' is not a valid URL: '${url}'`,
				description: `Open the connection and correct ${label} (e.g. https://api.example.com/v1)${preset ? `, or the ${preset.displayName} fields it is built from` : ''}.`,
			};
		}
	}
	const notStatusCodes = splitList(credentials.expiryStatusCodes).filter(
		(code) => !/^[1-5]\d\d$/.test(code),
	);
	if (notStatusCodes.length) {
		return {
			message: `Token Expired Status Codes of connection '${name}' has '${notStatusCodes.join(', ')}', which is not an HTTP status code`,
			description:
				'Open the connection and enter HTTP status codes separated by commas, e.g. 401, 403 (401 when unsure).',
		};
	}
	return undefined;
}

/** Host names only: an entry filled from a user's URL (a self-hosted base URL) keeps no scheme or port. */
function hostOnly(entry: string): string {
	return entry
		.trim()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
		.replace(/[:/?#].*$/, '');
}

/**
 * An empty Allowed Domains list means the preset's API domains (Custom: the API base URL's host).
 * Computed here rather than as the field's default: n8n shows a default expression in the modal.
 */
function defaultDomains(
	preset: ProviderPreset | undefined,
	credentials: ICredentialDataDecryptedObject,
	apiBaseUrl: string,
): string {
	const entries = preset
		? preset.allowedDomains.map((domain) => fillPresetTemplate(domain, credentials))
		: [apiBaseUrl];
	return [...new Set(entries.map(hostOnly).filter(Boolean))].join(', ');
}

export function describeConnection(
	credentials: ICredentialDataDecryptedObject,
	name: string,
): Connection {
	const tokenData = (credentials.oauthTokenData ?? {}) as Record<string, unknown>;
	const accessToken =
		typeof tokenData.access_token === 'string' && tokenData.access_token
			? tokenData.access_token
			: undefined;
	const refreshToken = typeof tokenData.refresh_token === 'string' ? tokenData.refresh_token : '';
	const expiresAt = Number(tokenData.n8n_expires_at);
	const lifetimeMs = Number(tokenData.expires_in) * 1000;
	const statusCodes = [...new Set(splitList(credentials.expiryStatusCodes || '401').map(Number))];
	const preset = PROVIDER_PRESETS.find((entry) => entry.id === credentials.provider);
	// Only the nodes use the API base URL, so it is built here rather than by a host expression.
	const apiBaseUrl = fillPresetTemplate(
		preset ? preset.apiBaseUrl : String(credentials.customApiBaseUrl ?? ''),
		credentials,
	)
		.trim()
		.replace(/\/+$/, '');
	const mode = credentials.allowedHttpRequestDomains;
	const listedDomains = String(credentials.allowedDomains ?? '').trim();
	return {
		name,
		grantType: String(credentials.grantType ?? 'authorizationCode'),
		apiBaseUrl,
		allowedDomains:
			mode === 'domains'
				? listedDomains || defaultDomains(preset, credentials, apiBaseUrl)
				: undefined,
		blocksAllRequests: mode === 'none',
		accessToken,
		hasRefreshToken: refreshToken !== '',
		expiresAt: Number.isFinite(expiresAt) && expiresAt > 0 ? expiresAt : undefined,
		lifetimeMs: Number.isFinite(lifetimeMs) && lifetimeMs > 0 ? lifetimeMs : undefined,
		expirySignal: {
			statusCodes: statusCodes.filter((code) => Number.isInteger(code) && code > 0),
			responsePath: String(credentials.expiryResponsePath ?? '').trim(),
			responseValues: splitList(credentials.expiryResponseValues),
		},
		secrets: [accessToken, refreshToken, credentials.clientSecret].filter(
			(secret): secret is string => typeof secret === 'string' && secret.length >= 4,
		),
		misconfiguration: findMisconfiguration(credentials, name, preset, apiBaseUrl),
	};
}

export async function loadConnection(
	context: CredentialReader,
	itemIndex?: number,
): Promise<Connection> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return describeConnection(credentials, connectionName(context.getNode()));
}

/** Refuses, before anything is sent, a connection whose settings cannot work. */
export function assertConfigured(node: INode, connection: Connection, itemIndex?: number): void {
	if (connection.misconfiguration === undefined) return;
	throw new NodeOperationError(node, connection.misconfiguration.message, {
		itemIndex,
		description: connection.misconfiguration.description,
	});
}

/** The host cannot hide unconnected credentials from the dropdown, so every request checks. */
export function assertAuthorized(node: INode, connection: Connection, itemIndex?: number): void {
	if (!BROWSER_GRANTS.has(connection.grantType) || connection.accessToken) return;
	throw new NodeOperationError(
		node,
		`Connection '${connection.name}' is not authorized yet: open it and click Connect`,
		{
			itemIndex,
			description:
				'Open Credentials, select this OAuth2 Connection and click Connect (Reconnect if it was connected before), finish the sign-in in the popup, then run the node again.',
		},
	);
}

/** An absolute http(s) URL, or one relative to the connection's API base URL. */
export function resolveUrl(
	node: INode,
	connection: Connection,
	url: string,
	itemIndex?: number,
): string {
	const trimmed = String(url ?? '').trim();
	if (trimmed === '') {
		throw new NodeOperationError(node, 'The URL is empty', {
			itemIndex,
			description:
				'Enter a full URL (https://...) or a path relative to the connection’s API base URL.',
		});
	}
	const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
	if (!isAbsolute && /^[^/?#]*:\/\//.test(trimmed)) {
		throw new NodeOperationError(
			node,
			`The URL '${trimmed}' is not a valid URL: '${trimmed.split(':')[0]}' is not a scheme`,
			{
				itemIndex,
				description:
					'Start the URL with https:// (or http://), or enter a path relative to the connection’s API base URL, e.g. /v1/contacts.',
			},
		);
	}
	if (!isAbsolute && connection.apiBaseUrl === '') {
		throw new NodeOperationError(
			node,
			`The URL '${trimmed}' is relative but the connection has no API base URL`,
			{
				itemIndex,
				description: `Enter a full URL (https://...), or set API Base URL in the connection '${connection.name}'.`,
			},
		);
	}
	const candidate = isAbsolute
		? trimmed
		: `${connection.apiBaseUrl}/${trimmed.replace(/^\/+/, '')}`;
	let parsed: URL;
	try {
		parsed = new URL(candidate);
	} catch {
		throw new NodeOperationError(node, `The URL '${candidate}' is not a valid URL`, {
			itemIndex,
			description:
				'Check for spaces or missing parts; a valid URL looks like https://api.example.com/v1/contacts.',
		});
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new NodeOperationError(
			node,
			`The URL '${candidate}' uses ${parsed.protocol} but only http and https are supported`,
			{
				itemIndex,
				description: 'Use an https:// URL.',
			},
		);
	}
	return parsed.toString();
}

/** Refuses, before anything is sent, a host the connection's token may not go to. */
export function assertHostAllowed(
	node: INode,
	connection: Connection,
	url: string,
	itemIndex?: number,
): void {
	const host = new URL(url).host;
	if (connection.blocksAllRequests) {
		throw new NodeOperationError(node, `Connection '${connection.name}' blocks all requests`, {
			itemIndex,
			description: 'Open the connection and set Allowed HTTP Request Domains to Specific Domains.',
		});
	}
	if (connection.allowedDomains === undefined) return;
	if (connection.allowedDomains === '') {
		throw new NodeOperationError(node, `Connection '${connection.name}' allows no domains`, {
			itemIndex,
			description: `Open the connection and add ${new URL(url).hostname} to Allowed Domains, or set its API Base URL.`,
		});
	}
	if (!isDomainAllowed({ url, allowedDomains: connection.allowedDomains })) {
		throw new NodeOperationError(
			node,
			`The host ${host} is not in the allowed domains of connection '${connection.name}'`,
			{
				itemIndex,
				description: `The token is only sent to: ${connection.allowedDomains}. Use a URL on one of them, or add ${new URL(url).hostname} to Allowed Domains in the connection.`,
			},
		);
	}
}
