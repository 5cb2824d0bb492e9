/**
 * Settings of a connection that cannot work, found before anything is sent: a preset field left
 * empty or holding something that is not what the field is (a host name with a path, a shop name
 * with a dot), a URL that does not parse, token-expiry status codes that are not status codes.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	cleanFieldValue,
	fieldsReplacedByTokenResponse,
	isValidFieldValue,
	fillPresetTemplate,
	PRESET_FIELDS,
	presetFieldKeys,
	type PresetField,
	type PresetFieldKey,
	type PresetFieldKind,
	type ProviderPreset,
} from '../../../credentials/providerPresets';
import { grantTypeOf, isBrowserGrant, type GrantType, type Misconfiguration } from './types';

/** How to say what each kind of field may hold. */
const EXPECTED: Record<PresetFieldKind, string> = {
	dnsLabel: 'a single name (letters, digits and hyphens; no dots, slashes or spaces)',
	hostname:
		'a bare host name such as login.example.com, with a port if it has one (no https:// or path)',
	tenant: 'a directory (tenant) ID, a domain such as contoso.onmicrosoft.com, or common',
	pathSegment: 'a single name (letters, digits, dots, hyphens and underscores)',
	option: 'one of the field’s choices',
	headerValue: 'printable text of at most 256 characters on one line',
};

function fieldProblem(key: PresetFieldKey, rawValue: unknown): string | undefined {
	if (isValidFieldValue(key, rawValue)) return undefined;
	const field: PresetField = PRESET_FIELDS[key];
	// An option is taken exactly as listed: the host looks it up as stored, untrimmed.
	if (field.options) return `'${String(rawValue ?? '')}' is not one of its choices`;
	return `'${cleanFieldValue(rawValue)}' is not ${field.pattern?.expected ?? EXPECTED[field.kind]}`;
}

/** `https://{shopifyShop}.myshopify.com/...`: the host must end in `.myshopify.com` once filled in. */
function fixedHostSuffix(template: string): string | undefined {
	const host = template.replace(/^https:\/\//, '').split('/')[0];
	const afterLastField = host.slice(host.lastIndexOf('}') + 1);
	return host.includes('{') && afterLastField.startsWith('.') ? afterLastField : undefined;
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

/** A list typed with commas, spaces or new lines. */
export function splitList(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
}

/** What the stored token says, for fields the token response can stand in for. */
export interface TokenState {
	/** The token response named the API host (Salesforce instance_url). */
	apiHostFromToken: boolean;
	/** A token is stored (a browser grant not yet connected is reported as such, not as a field). */
	connected: boolean;
}

const GRANT_NAMES: Record<GrantType, string> = {
	authorizationCode: 'Authorization Code',
	pkce: 'Authorization Code with PKCE',
	clientCredentials: 'Client Credentials',
};

/**
 * A grant the provider rejects: Authorization Code where it requires PKCE, client credentials
 * where it offers none. Only before a token is stored: one the provider issued proves it accepts
 * the grant (an app that does not enforce PKCE).
 */
function grantProblem(
	credentials: ICredentialDataDecryptedObject,
	name: string,
	preset: ProviderPreset,
	token: TokenState,
): Misconfiguration | undefined {
	if (token.connected) return undefined;
	const grant = grantTypeOf(credentials.grantType);
	const fix = GRANT_NAMES[preset.pkce === 'required' ? 'pkce' : 'authorizationCode'];
	const description = `Open the connection, set Grant Type to ${fix}, save it and click Connect.`;
	if (grant === 'authorizationCode' && preset.pkce === 'required') {
		return {
			message: `Connection '${name}' uses Grant Type Authorization Code, but ${preset.displayName} requires PKCE: set Grant Type to ${fix}`,
			description: `${preset.displayName} rejects the sign-in without PKCE. ${description}`,
		};
	}
	if (grant === 'clientCredentials' && !preset.clientCredentials) {
		return {
			message: `Connection '${name}' uses Grant Type Client Credentials, which ${preset.displayName} does not offer: set Grant Type to ${fix}`,
			description: `${preset.displayName} rejects a client-credentials token request. ${description}`,
		};
	}
	return undefined;
}

function presetProblem(
	credentials: ICredentialDataDecryptedObject,
	name: string,
	preset: ProviderPreset,
	token: TokenState,
): Misconfiguration | undefined {
	const urlTemplates = [preset.authUrl, preset.tokenUrl, preset.apiBaseUrl];
	const keys: PresetFieldKey[] = presetFieldKeys(preset);
	const replaceable = fieldsReplacedByTokenResponse(preset);
	const browserGrant = isBrowserGrant(grantTypeOf(credentials.grantType));
	for (const key of keys) {
		const field = PRESET_FIELDS[key];
		const empty = String(credentials[key] ?? '').trim() === '';
		if (
			empty &&
			replaceable.includes(key) &&
			(token.apiHostFromToken || (browserGrant && !token.connected))
		)
			continue;
		if (empty) {
			return {
				message: `Connection '${name}' has no ${field.displayName}, which the ${preset.displayName} preset needs`,
				description: `Open the connection and fill in ${field.displayName}: ${field.description.replace(/\.$/, '')}. Then save it and click Reconnect.`,
			};
		}
		const problem = fieldProblem(key, credentials[key]);
		if (problem) {
			return {
				message: `${field.displayName} of connection '${name}' is not valid: ${problem}`,
				description: `Open the connection and correct ${field.displayName}: ${field.description.replace(/\.$/, '')}. Then save it and click Reconnect.`,
			};
		}
	}
	for (const template of urlTemplates) {
		if (replaceable.some((key) => template.includes(`{${key}}`)) && token.apiHostFromToken)
			continue;
		const suffix = fixedHostSuffix(template);
		const filled = fillPresetTemplate(template, credentials);
		if (suffix && !isBrokenUrl(filled) && !new URL(filled).hostname.endsWith(suffix)) {
			return {
				message: `Connection '${name}' resolves to ${new URL(filled).hostname}, which is not a ${suffix} host`,
				description: `Open the connection and enter only the name in front of ${suffix} in the ${preset.displayName} fields.`,
			};
		}
	}
	return undefined;
}

/**
 * A connection saved by version 0.1 holds its client under n8n's own field names, which the host
 * keeps over the form's fields: a Client ID or secret typed into the form since would be ignored.
 */
function clientKeptUnderOldName(
	credentials: ICredentialDataDecryptedObject,
	name: string,
): Misconfiguration | undefined {
	const pairs: Array<[string, unknown, unknown]> = [
		['Client ID', credentials.appClientId, credentials.clientId],
		['Client Secret', credentials.appClientSecret, credentials.clientSecret],
	];
	const ignored = pairs.find(
		([, typed, used]) => typeof typed === 'string' && typed !== '' && typed !== used,
	);
	if (!ignored) return undefined;
	return {
		message: `Connection '${name}' was saved by version 0.1 of this package, and n8n still uses the ${ignored[0]} stored then, not the one in the form`,
		description:
			'Create the connection again (Credentials > Create credential > Any Service OAuth2 API), click Connect, and pick it in this node; then delete the old one.',
	};
}

export function findMisconfiguration(
	credentials: ICredentialDataDecryptedObject,
	name: string,
	preset: ProviderPreset | undefined,
	apiBaseUrl: string,
	token: TokenState = { apiHostFromToken: false, connected: false },
): Misconfiguration | undefined {
	const fromPreset = preset
		? (grantProblem(credentials, name, preset, token) ??
			presetProblem(credentials, name, preset, token))
		: undefined;
	if (fromPreset) return fromPreset;
	const stale = clientKeptUnderOldName(credentials, name);
	if (stale) return stale;
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
