/**
 * Builds the `={{ }}` expressions that the host resolves into the fields it reads (authUrl,
 * accessTokenUrl, scope, ...) from the preset table and the user's visible fields.
 * Hidden OAuth fields are pinned by the host to their default, so these expressions are the only
 * way what the user picked reaches the authorization and token requests.
 */
import { PRESET_FIELDS, PROVIDER_PRESETS, type ProviderPreset } from './providerPresets';

export const CUSTOM_PROVIDER = 'custom';

/** `{"google": <value>, ...}` as an expression literal. */
function presetLookup(pick: (preset: ProviderPreset) => unknown): string {
	const entries = PROVIDER_PRESETS.map((preset) => [preset.id, pick(preset)]);
	return `(${JSON.stringify(Object.fromEntries(entries))})[$self.provider]`;
}

/** Replaces each `{fieldKey}` with the user's value, trimmed and without a trailing slash. */
function fillPlaceholders(template: string): string {
	const keys = Object.keys(PRESET_FIELDS).filter((key) =>
		PROVIDER_PRESETS.some((preset) =>
			[preset.authUrl, preset.tokenUrl, preset.apiBaseUrl, ...preset.allowedDomains].some((url) =>
				url.includes(`{${key}}`),
			),
		),
	);
	return keys.reduce(
		(expression, key) =>
			`${expression}.replaceAll("{${key}}", String($self.${key} ?? "").trim().replace(/\\/+$/, ""))`,
		`String(${template})`,
	);
}

/** A URL from the preset table, or the Custom field of that name. */
function presetOrCustomUrl(pick: (preset: ProviderPreset) => string, customField: string): string {
	return `={{ ${fillPlaceholders(`${presetLookup(pick)} ?? $self.${customField} ?? ""`)}.trim() }}`;
}

export const authUrlExpression = presetOrCustomUrl((preset) => preset.authUrl, 'customAuthUrl');

export const accessTokenUrlExpression = presetOrCustomUrl(
	(preset) => preset.tokenUrl,
	'customTokenUrl',
);

export const authenticationExpression = `={{ ${presetLookup((preset) => preset.tokenAuthMethod)} ?? $self.customClientAuthentication ?? "header" }}`;

/** Field holding the ticked scope sets of a preset that has them. */
export function scopeSetsFieldName(preset: ProviderPreset): string {
	return `${preset.id}ScopeSets`;
}

/**
 * Typed scopes (commas, spaces or new lines) plus ticked scope sets, de-duplicated and joined
 * with the provider's separator; the preset's default scopes when the user chose none.
 */
export const scopeExpression = (() => {
	const scopeSetFields = PROVIDER_PRESETS.filter((preset) => preset.scopeSets?.length).map(
		(preset) => `...($self.${scopeSetsFieldName(preset)} ?? [])`,
	);
	const chosen = `[${[...scopeSetFields, '$self.scopes ?? ""'].join(', ')}].join(" ").split(/[\\s,]+/).filter(Boolean)`;
	const defaults = presetLookup((preset) => preset.defaultScopes);
	const separator = `(${presetLookup((preset) => preset.scopeSeparator)} ?? ($self.customScopeSeparator === "comma" ? "," : " "))`;
	return `={{ ((chosen) => [...new Set(chosen.length ? chosen : (${defaults} ?? []))].join(${separator}))(${chosen}) }}`;
})();

/**
 * The preset's authorization parameters, then the user's extra ones (`a=1&b=2`); a key the user
 * sets replaces the preset's.
 */
export const authQueryParametersExpression = (() => {
	const presetPairs = presetLookup((preset) =>
		Object.entries(preset.authQueryParameters ?? {}).map(
			([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
		),
	);
	return `={{ ((extra) => [...(${presetPairs} ?? []).filter((pair) => !extra.some((own) => own.split("=")[0] === pair.split("=")[0])), ...extra].join("&"))(String($self.extraAuthQueryParameters ?? "").trim().replace(/^[?&]+/, "").split("&").filter(Boolean)) }}`;
})();
