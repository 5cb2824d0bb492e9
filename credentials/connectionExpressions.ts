/**
 * Builds the `={{ }}` expressions that the host resolves into the fields it reads (authUrl,
 * accessTokenUrl, scope, ...) from the preset table and the user's visible fields.
 * Hidden OAuth fields are pinned by the host to their default, so these expressions are the only
 * way what the user picked reaches the authorization and token requests.
 */
import {
	DERIVED_PLACEHOLDERS,
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	fieldPattern,
	UNUSABLE_VALUE,
	URL_BREAKING,
	type PresetField,
	type PresetFieldKey,
	type ProviderPreset,
} from './providerPresets';

export const CUSTOM_PROVIDER = 'custom';

/** OpenID Connect scopes: never qualified with a resource. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/**
 * What Scopes left empty requests with client credentials: the preset's scopes for that grant, or
 * its default scopes without the OpenID Connect ones (a client-credentials token has no user).
 */
export function clientCredentialsDefaultScopes(preset: ProviderPreset): string[] {
	return (
		preset.clientCredentialsScopes ??
		preset.defaultScopes.filter((scope) => !OIDC_SCOPES.includes(scope))
	);
}

/** JSON as an expression literal: `}}` or `{{` would end or start the host's `{{ }}` early. */
function literal(value: unknown): string {
	return JSON.stringify(value)
		.replace(/\}(?=\})/g, '} ')
		.replace(/\{(?=\{)/g, '{ ');
}

/**
 * `{"google": <value>, ...}[$self.provider]` as an expression literal. With `fallback`, presets
 * whose value is the fallback are left out (the expression adds `?? fallback`): fewer characters
 * for the host to compile on every credential resolution.
 */
function presetLookup(pick: (preset: ProviderPreset) => unknown, fallback?: unknown): string {
	const entries = PROVIDER_PRESETS.map((preset) => [preset.id, pick(preset)]).filter(
		([, value]) => fallback === undefined || JSON.stringify(value) !== JSON.stringify(fallback),
	);
	const lookup = `(${literal(Object.fromEntries(entries))})[$self.provider]`;
	return fallback === undefined ? lookup : `(${lookup} ?? ${literal(fallback)})`;
}

/** Which preset strings an expression fills: only their placeholders are worth a rule. */
type TemplatesOf = (preset: ProviderPreset) => string[];

/**
 * The derived placeholders (`{microsoftGraphHost}`) and field keys those strings use, each field
 * with its rule as expression code: its exact options, or the pattern its value (without an
 * allowed path suffix) must match. Regular-expression literals, so not JSON.
 */
function placeholderTables(templatesOf: TemplatesOf): { derived: string; rules: string } {
	const text = PROVIDER_PRESETS.flatMap(templatesOf).join(' ');
	const derived = Object.fromEntries(
		Object.entries(DERIVED_PLACEHOLDERS)
			.filter(([key]) => text.includes(`{${key}}`))
			.map(([key, entry]) => [
				key,
				{
					field: entry.field,
					values: Object.entries(entry.values),
					fallback: PRESET_FIELDS[entry.field].default,
				},
			]),
	);
	const rules = (Object.keys(PRESET_FIELDS) as PresetFieldKey[])
		.filter((key) => text.includes(`{${key}}`))
		.map((key) => {
			const field: PresetField = PRESET_FIELDS[key];
			const rule = field.options
				? `o: ${literal(field.options.map((option) => option.value))}`
				: `p: ${fieldPattern(field).toString()}, s: ${literal(field.pathSuffixes ?? [])}`;
			return `${JSON.stringify(key)}: { ${rule} }`;
		});
	return { derived: literal(derived), rules: `{ ${rules.join(', ')} }` };
}

/**
 * Replaces each `{fieldKey}` with the user's value, trimmed and without a trailing slash, and each
 * derived placeholder (`{microsoftGraphHost}`) with the host of the option the user picked; any
 * other `{...}` stays as it is. A value the nodes would refuse (isValidFieldValue) becomes
 * UNUSABLE_VALUE, so no sign-in or token URL takes its host from it. One replace with a callback.
 */
function fillPlaceholders(template: string, templatesOf: TemplatesOf): string {
	const tables = placeholderTables(templatesOf);
	const unusable = literal(UNUSABLE_VALUE);
	// Derived values are looked up among exact option values only (`constructor` is no cloud).
	const fromDerived = `(derived[key].values.find((pair) => pair[0] === String($self[derived[key].field] ?? derived[key].fallback)) ?? [0, ${unusable}])[1]`;
	const valid = `(rule.o ? rule.o.includes(String(raw ?? "")) : ((checked) => !${URL_BREAKING.toString()}.test(checked) && rule.p.test(checked))(rule.s.reduce((value, suffix) => value.endsWith(suffix) ? value.slice(0, -suffix.length) : value, cleaned)))`;
	const fromField = `((rule, raw, cleaned) => cleaned === "" || ${valid} ? cleaned : ${unusable})(rules[key], $self[key], String($self[key] ?? "").trim().replace(/\\/+$/, ""))`;
	const replace = `(placeholder, key) => derived[key] ? ${fromDerived} : rules[key] ? ${fromField} : placeholder`;
	return `((derived, rules) => String(${template}).replace(/\\{(\\w+)\\}/g, ${replace}))(${tables.derived}, ${tables.rules})`;
}

/** A URL from the preset table, or the Custom field of that name. */
function presetOrCustomUrl(pick: (preset: ProviderPreset) => string, customField: string): string {
	return `={{ ${fillPlaceholders(`${presetLookup(pick)} ?? $self.${customField} ?? ""`, (preset) => [pick(preset)])}.trim() }}`;
}

export const authUrlExpression = presetOrCustomUrl((preset) => preset.authUrl, 'customAuthUrl');

export const accessTokenUrlExpression = presetOrCustomUrl(
	(preset) => preset.tokenUrl,
	'customTokenUrl',
);

/**
 * Presets whose token endpoint takes the client secret in the request body (client_secret_post).
 * Only they and Custom resolve `authentication`: without it the host sends the Basic header.
 */
export const BODY_AUTHENTICATION_PROVIDERS = [
	...PROVIDER_PRESETS.filter((preset) => preset.tokenAuthMethod === 'body').map(
		(preset) => preset.id,
	),
	CUSTOM_PROVIDER,
];

/** Resolved for BODY_AUTHENTICATION_PROVIDERS only (see there), so a preset here means body. */
export const authenticationExpression = `={{ $self.provider === ${JSON.stringify(CUSTOM_PROVIDER)} ? ($self.customClientAuthentication ?? "header") : "body" }}`;

/** Field holding the ticked scope sets of a preset that has them. */
export function scopeSetsFieldName(preset: ProviderPreset): string {
	return `${preset.id}ScopeSets`;
}

/** What the browser grants always request: the refresh token's scopes, then the check's. */
export function alwaysRequestedScopes(preset: ProviderPreset): string[] {
	return [...new Set([...(preset.refreshScopes ?? []), ...(preset.checkScopes ?? [])])];
}

/**
 * Typed scopes (commas, spaces or new lines) plus ticked scope sets, or the preset's default
 * scopes when the user chose none (with client credentials its scopes for that grant:
 * clientCredentialsDefaultScopes); short names qualified with the preset's scope resource (a
 * Microsoft cloud's Graph host); then the scopes the refresh token and the check depend on, always
 * (not with client credentials, which get no refresh token and have their own
 * check); de-duplicated and joined with the provider's separator.
 */
export const scopeExpression = (() => {
	const scopeSetFields = PROVIDER_PRESETS.filter((preset) => preset.scopeSets?.length).map(
		(preset) => `...($self.${scopeSetsFieldName(preset)} ?? [])`,
	);
	const chosen = `[${[...scopeSetFields, '$self.scopes ?? ""'].join(', ')}].join(" ").split(/[\\s,]+/).filter(Boolean)`;
	// Client credentials: only the presets whose scopes differ for that grant, so the table stays small.
	const machineDefaults = Object.fromEntries(
		PROVIDER_PRESETS.filter(
			(preset) =>
				preset.clientCredentials &&
				JSON.stringify(clientCredentialsDefaultScopes(preset)) !==
					JSON.stringify(preset.defaultScopes),
		).map((preset) => [preset.id, clientCredentialsDefaultScopes(preset)]),
	);
	const defaults = `(($self.grantType === "clientCredentials" ? (${literal(machineDefaults)})[$self.provider] : undefined) ?? ${presetLookup((preset) => preset.defaultScopes, [])})`;
	const always = `($self.grantType === "clientCredentials" ? [] : ${presetLookup(alwaysRequestedScopes, [])})`;
	const resource = presetLookup((preset) => preset.scopeResource ?? '', '');
	const qualify = `((scope) => resource && !/[:/]/.test(scope) && !${JSON.stringify(OIDC_SCOPES)}.includes(scope) ? resource + "/" + scope : scope)`;
	const separator = `(${presetLookup((preset) => preset.scopeSeparator)} ?? ($self.customScopeSeparator === "comma" ? "," : " "))`;
	const joined = `((chosen, resource) => [...new Set([...(chosen.length ? chosen : ${defaults}).map(${qualify}), ...${always}])].join(${separator}))(${chosen}, ${resource})`;
	return `={{ ${fillPlaceholders(joined, (preset) => [...preset.defaultScopes, ...(preset.clientCredentialsScopes ?? []), ...alwaysRequestedScopes(preset), preset.scopeResource ?? ''])} }}`;
})();

/**
 * The preset's authorization parameters, then the user's extra ones (`a=1&b=2`); a key the user
 * sets replaces the preset's.
 */
export const authQueryParametersExpression = (() => {
	const presetPairs = presetLookup(
		(preset) =>
			Object.entries(preset.authQueryParameters ?? {}).map(
				([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
			),
		[],
	);
	return `={{ ((extra) => [...${presetPairs}.filter((pair) => !extra.some((own) => own.split("=")[0] === pair.split("=")[0])), ...extra].join("&"))(String($self.extraAuthQueryParameters ?? "").trim().replace(/^[?&]+/, "").split("&").filter(Boolean)) }}`;
})();

/**
 * The token-request parameters as one object: the preset's, then the user's Extra Token
 * Parameters (`a=1&b=2`, a key set there replaces the preset's), placeholders filled.
 */
function tokenParameters(): string {
	const presetParameters = presetLookup((preset) => preset.tokenBodyParameters ?? {}, {});
	const decode = `((text) => decodeURIComponent(text.replace(/\\+/g, " ")))`;
	const typed = `Object.fromEntries(String($self.extraGrantParameters ?? "").trim().replace(/^[?&]+/, "").split("&").filter(Boolean).map((pair) => pair.includes("=") ? [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] : [pair, ""]).map((pair) => pair.map(${decode})))`;
	const merged = `Object.assign({}, ${presetParameters}, ${typed})`;
	// Filled only when a preset's token parameter holds a placeholder (none does today).
	const needsFill = PROVIDER_PRESETS.some((preset) =>
		Object.values(preset.tokenBodyParameters ?? {}).some((value) => /\{\w+\}/.test(value)),
	);
	return needsFill
		? `JSON.parse(${fillPlaceholders(`JSON.stringify(${merged})`, (preset) => Object.values(preset.tokenBodyParameters ?? {}))})`
		: merged;
}

/**
 * n8n's `additionalBodyProperties` (a JSON object as text): the host adds it to the code exchange
 * (n8n's OAuth callback) and to client-credentials token requests, not to refreshes (only the
 * host's own `resource` field reaches those: the credential shows it as a field of its own).
 */
export const additionalBodyPropertiesExpression = `={{ ((parameters) => Object.keys(parameters).length ? JSON.stringify(parameters) : "")(${tokenParameters()}) }}`;

/**
 * What each preset contributes to its default allowed domains: `d` its API domains (templates,
 * space-separated), `f` the token-response field naming the API URL, `b` whether it is a bare
 * host (Wrike's `host`) rather than a URL, `h` the hosts that field may name, `l` whether its token endpoint is plain http (a local server: http and IP literals
 * accepted). Left out when empty or false, so the table stays small.
 */
const ALLOWED_DOMAINS_TABLE = Object.fromEntries(
	PROVIDER_PRESETS.map((preset) => {
		const entry: Record<string, unknown> = { d: preset.allowedDomains.join(' ') };
		if (preset.tokenResponseApiHost) {
			entry.f = preset.tokenResponseApiHost.field;
			entry.h = preset.tokenResponseApiHost.hosts;
			if (preset.tokenResponseApiHost.form === 'host') entry.b = true;
		}
		if (preset.tokenUrl.startsWith('http://')) entry.l = true;
		return [preset.id, entry];
	}),
);

/**
 * n8n's `allowedDomains`, which n8n's own HTTP Request node enforces: the typed Allowed Domains,
 * or when left empty what the package's nodes allow (nodes/shared/transport/connection.ts): the
 * API host a token response names (https, a DNS name, no user info, within the preset's hosts; for
 * Custom within the API base URL's host unless any is trusted), then the preset's API domains
 * filled in (Custom: the API base URL's host); host names only, de-duplicated.
 */
export const allowedDomainsExpression = (() => {
	const hostOnly = `((entry) => String(entry).trim().replace(/^[a-z][a-z0-9+.-]*:\\/\\//i, "").replace(/[:/?#].*$/, ""))`;
	// n8n-workflow's isDomainAllowed: `*.example.com` covers subdomains only.
	const covers = `((list, host) => list.split(",").map((entry) => entry.trim().toLowerCase().replace(/\\.$/, "")).filter(Boolean).some((entry) => entry.startsWith("*.") ? entry.length > 2 && host.endsWith(entry.slice(1)) : host === entry))`;
	const presetDomains = fillPlaceholders(`preset.d`, (preset) => preset.allowedDomains);
	const body = [
		`const typed = String($self.allowedDomainsList ?? "").trim();`,
		`if (typed) return typed;`,
		`const hostOnly = ${hostOnly};`,
		`const field = preset ? preset.f : String($self.customApiBaseUrlField ?? "").trim();`,
		`const raw = field ? ($self.oauthTokenData || {})[field] : undefined;`,
		`const value = typeof raw === "string" ? raw.trim() : "";`,
		`const local = preset ? preset.l === true : String($self.customTokenUrl ?? "").trim().startsWith("http://");`,
		`const url = preset && preset.b ? (/^[a-z0-9.-]+$/i.test(value) ? "https://" + value : "") : value;`,
		`const parts = url && !/[\\s,;]/.test(url) ? /^(https?):\\/\\/([^/?#\\\\]*)/i.exec(url) : null;`,
		`const authority = parts ? parts[2] : "";`,
		`const hostname = authority.toLowerCase().replace(/:\\d{0,5}$/, "");`,
		`const schemeOk = parts !== null && (parts[1].toLowerCase() === "https" || local);`,
		`const nameOk = /^[a-z0-9.-]+$/.test(hostname) && (local || !/^(\\d+\\.){3}\\d+$/.test(hostname));`,
		`const accepted = schemeOk && nameOk && (preset ? preset.h.some((pattern) => pattern.startsWith("*.") ? hostname.endsWith(pattern.slice(1)) : hostname === pattern) : $self.customApiHostAnywhere === true || ($self.allowedDomainsMode !== "domains" ? $self.allowedDomainsMode !== "none" : ((list) => list !== "" && ${covers}(list, hostname.replace(/\\.$/, "")))(hostOnly($self.customApiBaseUrl ?? ""))));`,
		`const entries = preset ? ${presetDomains}.split(" ") : [String($self.customApiBaseUrl ?? "")];`,
		`return [...new Set([...(accepted ? [hostname] : []), ...entries].map(hostOnly).filter(Boolean))].join(", ");`,
	].join(' ');
	return `={{ ((preset) => { ${body} })(${literal(ALLOWED_DOMAINS_TABLE)}[$self.provider]) }}`;
})();
