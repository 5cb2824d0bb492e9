/**
 * Reading the selected OAuth2 Connection into what a node needs before it sends anything (the
 * Connection of types.ts): where may its token go, when does the token expire, what means
 * "expired", which values are secret.
 */
import { createHash } from 'node:crypto';

import {
	isDomainAllowed,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INode,
} from 'n8n-workflow';

import {
	fieldsReplacedByTokenResponse,
	fillPresetTemplate,
	PROVIDER_PRESETS,
	type ProviderPreset,
} from '../../../credentials/providerPresets';
import { findMisconfiguration, splitList } from './connectionSettings';
import { grantTypeOf, type Connection } from './types';

/** The credential's type name (its `name` in ConnectionOAuth2Api.credentials.ts). */
export const CREDENTIAL_TYPE = 'connectionOAuth2Api';

type CredentialReader = Pick<
	IExecuteFunctions | ILoadOptionsFunctions,
	'getCredentials' | 'getNode'
>;

export function connectionName(node: INode): string {
	return node.credentials?.[CREDENTIAL_TYPE]?.name ?? 'OAuth2 Connection';
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
	fromToken: URL | undefined,
): string {
	const entries = preset
		? preset.allowedDomains.map((domain) => fillPresetTemplate(domain, credentials))
		: [apiBaseUrl, String(credentials.customApiBaseUrl ?? '')];
	if (fromToken) entries.unshift(fromToken.host);
	return [...new Set(entries.map(hostOnly).filter(Boolean))].join(', ');
}

/**
 * n8n's restriction mode as the host resolves it, except None: the credential resolves None to
 * Specific Domains with no list (n8n refuses that too) to spare the host an expression.
 */
function allowedDomainsMode(credentials: ICredentialDataDecryptedObject): unknown {
	return credentials.allowedDomainsMode === 'none' ? 'none' : credentials.allowedHttpRequestDomains;
}

/**
 * The Allowed Domains the user typed. The credential resolves n8n's `allowedDomains` to the typed
 * list or to these same defaults (for n8n's own HTTP Request node), so a resolved value that is one
 * of the defaults was not typed; any other value was (or was stored under n8n's name).
 */
function typedDomains(credentials: ICredentialDataDecryptedObject, defaults: string[]): string {
	const typed = String(credentials.allowedDomainsList ?? '').trim();
	if (typed) return typed;
	const resolved = String(credentials.allowedDomains ?? '').trim();
	return defaults.includes(resolved) ? '' : resolved;
}

/** `*.example.com` covers the subdomains of example.com; any other entry only that host. */
function hostMatches(pattern: string, hostname: string): boolean {
	const wanted = pattern.trim().toLowerCase();
	return wanted.startsWith('*.') ? hostname.endsWith(wanted.slice(1)) : hostname === wanted;
}

const IP_LITERAL = /^(\d+\.){3}\d+$|^\[/;

/** A host name and nothing else: no scheme, port, path or user info. */
const BARE_HOST = /^[a-z0-9.-]+$/i;

/**
 * The API URL a token response names (Salesforce instance_url, Zoho api_domain, Wrike's bare
 * host), when it cannot widen where the token goes: https and a DNS name (http and IP literals
 * only when the token endpoint itself is plain http, a local server), one host with no
 * separators (a bare host: a host name and nothing else), and a host the
 * preset declares for it; for Custom, a host the allowed domains already cover unless the user
 * trusts any. Otherwise it is ignored.
 */
function apiUrlFromToken(
	field: string,
	form: 'url' | 'host',
	tokenData: Record<string, unknown>,
	tokenUrl: string,
	acceptsHost: (url: URL) => boolean,
): URL | undefined {
	const value = field ? tokenData[field] : undefined;
	if (typeof value !== 'string' || value.trim() === '' || /[\s,;]/.test(value.trim()))
		return undefined;
	// A bare host (Wrike's app-eu.wrike.com) is a host name and nothing else.
	if (form === 'host' && !BARE_HOST.test(value.trim())) return undefined;
	let url: URL;
	try {
		url = new URL(form === 'host' ? `https://${value.trim()}` : value.trim());
	} catch {
		return undefined;
	}
	const local = tokenUrl.startsWith('http://');
	const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && local);
	const nameOk = url.hostname !== '' && (local || !IP_LITERAL.test(url.hostname));
	return schemeOk && nameOk && !url.username && !url.password && acceptsHost(url) ? url : undefined;
}

/** Which API hosts the token response may name: the preset's, or for Custom the allowed domains'. */
function tokenHostAcceptor(
	preset: ProviderPreset | undefined,
	credentials: ICredentialDataDecryptedObject,
): (url: URL) => boolean {
	if (preset) {
		const hosts = preset.tokenResponseApiHost?.hosts ?? [];
		return (url) => hosts.some((pattern) => hostMatches(pattern, url.hostname));
	}
	if (credentials.customApiHostAnywhere === true) return () => true;
	const mode = allowedDomainsMode(credentials);
	if (mode !== 'domains') return () => mode !== 'none';
	const listed = String(credentials.allowedDomains ?? '').trim();
	const allowedDomains = listed || defaultDomains(undefined, credentials, '', undefined);
	return (url) => allowedDomains !== '' && isDomainAllowed({ url: url.href, allowedDomains });
}

/**
 * The API base URL: the token response's API URL when the preset (or Custom) names one, with the
 * preset's path; otherwise the preset's template filled in (empty while a field the token
 * response would replace is empty), or Custom's API Base URL.
 */
function apiBase(
	preset: ProviderPreset | undefined,
	credentials: ICredentialDataDecryptedObject,
	fromToken: URL | undefined,
): string {
	const template = preset ? preset.apiBaseUrl : String(credentials.customApiBaseUrl ?? '');
	const clean = (url: string) => url.trim().replace(/\/+$/, '');
	if (fromToken) {
		const path = preset
			? (preset.tokenResponseApiHost?.basePath ??
				fillPresetTemplate(template.replace(/^https?:\/\/[^/]*/, ''), credentials))
			: '';
		return clean(`${fromToken.origin}${fromToken.pathname.replace(/\/+$/, '')}${path}`);
	}
	const waitsForToken = (preset ? fieldsReplacedByTokenResponse(preset) : []).some(
		(key) => String(credentials[key] ?? '').trim() === '',
	);
	return waitsForToken ? '' : clean(fillPresetTemplate(template, credentials));
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
	const idToken = typeof tokenData.id_token === 'string' ? tokenData.id_token : '';
	const expiresAt = Number(tokenData.n8n_expires_at);
	const lifetimeMs = Number(tokenData.expires_in) * 1000;
	const statusCodes = [...new Set(splitList(credentials.expiryStatusCodes || '401').map(Number))];
	const preset = PROVIDER_PRESETS.find((entry) => entry.id === credentials.provider);
	// Only the nodes use the API base URL, so it is built here rather than by a host expression.
	const tokenUrl = String(credentials.accessTokenUrl ?? '');
	const hostField = preset
		? (preset.tokenResponseApiHost?.field ?? '')
		: String(credentials.customApiBaseUrlField ?? '').trim();
	const fromToken = apiUrlFromToken(
		hostField,
		preset?.tokenResponseApiHost?.form ?? 'url',
		tokenData,
		tokenUrl,
		tokenHostAcceptor(preset, credentials),
	);
	const apiBaseUrl = apiBase(preset, credentials, fromToken);
	const mode = allowedDomainsMode(credentials);
	const defaults = defaultDomains(preset, credentials, apiBaseUrl, fromToken);
	const listedDomains = typedDomains(credentials, [
		defaults,
		defaultDomains(preset, credentials, apiBase(preset, credentials, undefined), undefined),
	]);
	return {
		name,
		grantType: grantTypeOf(credentials.grantType),
		tokenUrl,
		apiBaseUrl,
		...(preset?.apiHeaders
			? {
					apiHeaders: Object.fromEntries(
						Object.entries(preset.apiHeaders).map(([header, template]) => [
							header,
							fillPresetTemplate(template, credentials, 'header'),
						]),
					),
				}
			: {}),
		...(preset?.tokenHeader ? { tokenHeader: preset.tokenHeader } : {}),
		apiBaseUrlFrom: fromToken ? hostField : undefined,
		allowedDomains: mode === 'domains' ? listedDomains || defaults : undefined,
		allowedDomainsAreDefault: mode === 'domains' && listedDomains === '',
		blocksAllRequests: mode === 'none',
		accessToken,
		hasRefreshToken: refreshToken !== '',
		account: refreshToken ? createHash('sha256').update(refreshToken).digest('base64url') : '',
		expiresAt: Number.isFinite(expiresAt) && expiresAt > 0 ? expiresAt : undefined,
		lifetimeMs: Number.isFinite(lifetimeMs) && lifetimeMs > 0 ? lifetimeMs : undefined,
		expirySignal: {
			statusCodes: statusCodes.filter((code) => Number.isInteger(code) && code > 0),
			responsePath: String(credentials.expiryResponsePath ?? '').trim(),
			responseValues: splitList(credentials.expiryResponseValues),
		},
		secrets: [
			accessToken,
			refreshToken,
			idToken,
			// n8n's names (resolved, or stored by version 0.1) and the form's own.
			credentials.clientSecret,
			credentials.appClientSecret,
			credentials.privateKey,
			credentials.signingPrivateKey,
		].filter((secret): secret is string => typeof secret === 'string' && secret.length >= 4),
		misconfiguration: findMisconfiguration(credentials, name, preset, apiBaseUrl, {
			apiHostFromToken: fromToken !== undefined,
			connected: accessToken !== undefined,
		}),
	};
}

export async function loadConnection(
	context: CredentialReader,
	itemIndex?: number,
): Promise<Connection> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return describeConnection(credentials, connectionName(context.getNode()));
}
