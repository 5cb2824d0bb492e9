/** Reading and filling a preset's templates: which fields a preset needs, and their values filled in. */
import {
	cleanFieldValue,
	DERIVED_PLACEHOLDERS,
	isValidFieldValue,
	PRESET_FIELDS,
	UNUSABLE_VALUE,
	type DerivedPlaceholder,
	type PresetFieldKey,
} from './fields';
import type { ProviderPreset } from './types';

/** Every string of a preset that may hold placeholders. */
export function presetTemplates(preset: ProviderPreset): string[] {
	return [
		preset.authUrl,
		preset.tokenUrl,
		preset.apiBaseUrl,
		...preset.allowedDomains,
		...preset.defaultScopes,
		...(preset.clientCredentialsScopes ?? []),
		...(preset.refreshScopes ?? []),
		...(preset.scopeResource ? [preset.scopeResource] : []),
		...Object.values(preset.tokenBodyParameters ?? {}),
		...(preset.checkUrl ? [preset.checkUrl] : []),
		...(preset.clientCredentialsCheckUrl ? [preset.clientCredentialsCheckUrl] : []),
		...Object.values(preset.apiHeaders ?? {}),
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
		...(preset.clientCredentialsScopes ?? []),
		...(preset.refreshScopes ?? []),
		...Object.values(preset.tokenBodyParameters ?? {}),
	]);
	return presetFieldKeys(preset).filter((key) => !signIn.includes(key));
}

/**
 * The connection's client ID: only the nodes fill it (check URLs, API headers), never the
 * credential's expressions, whose sign-in and token URLs n8n builds with the client ID itself.
 */
export const CLIENT_ID_PLACEHOLDER = 'clientId';

/** The client ID as the host resolved it (n8n's `clientId` reads the form's `appClientId`). */
function clientIdOf(values: Record<string, unknown>): string {
	return String(values.clientId ?? values.appClientId ?? '').trim();
}

/**
 * Fills `{fieldKey}` placeholders with the user's values, trimmed and without a trailing slash.
 * The credential's expressions do the same in n8n's expression language (connectionExpressions.ts);
 * test/credential.test.ts checks that both agree for every preset. `{clientId}` becomes the client
 * ID, encoded as a URL part unless `into` is a header.
 */
export function fillPresetTemplate(
	template: string,
	values: Record<string, unknown>,
	into: 'url' | 'header' = 'url',
): string {
	return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
		if (key === CLIENT_ID_PLACEHOLDER)
			return into === 'url' ? encodeURIComponent(clientIdOf(values)) : clientIdOf(values);
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
