/**
 * The credential toolkit: the built credential as n8n loads it, a preset's form filled with its
 * fields' samples, and what a preset must request, worked out independently of the credential.
 * Shared by test/credential.test.ts, presets.test.ts, tokenRequests.test.ts, tokenResponse.test.ts.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { OIDC_SCOPES } from '../../credentials/connectionExpressions';
import {
	fillPresetTemplate,
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	type ProviderPreset,
} from '../../credentials/providerPresets';

const root = path.resolve(__dirname, '..', '..');
const packageJson = createRequire(__filename)(path.join(root, 'package.json')) as {
	n8n: { credentials: string[] };
};

/** Loads the built credential the way n8n's loader does: file name (up to the first dot) = class name. */
export function loadBuiltCredential(): ICredentialType {
	const file = path.join(root, packageJson.n8n.credentials[0]);
	const className = path.basename(file).split('.')[0];
	const exported = createRequire(__filename)(file) as Record<string, new () => ICredentialType>;
	assert.ok(exported[className], `${file} exports ${className}`);
	return new exported[className]();
}

export function property(credential: ICredentialType, name: string): INodeProperties {
	const found = credential.properties.find((entry) => entry.name === name);
	assert.ok(found, `property ${name}`);
	return found;
}

export function optionValues(prop: INodeProperties): string[] {
	return (prop.options ?? []).map((option) => String((option as { value: unknown }).value));
}

/** A credential as a user fills it for `preset`: every field the preset shows gets its sample. */
export function filledFor(
	preset: ProviderPreset,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	const samples = Object.fromEntries(
		Object.entries(PRESET_FIELDS).map(([key, field]) => [key, field.sample]),
	);
	return {
		provider: preset.id,
		appClientId: 'id',
		appClientSecret: 'secret',
		...samples,
		...extra,
	};
}

export const byId = (id: string) =>
	PROVIDER_PRESETS.find((preset) => preset.id === id) as ProviderPreset;

/**
 * The scopes a preset must request, worked out here independently of the credential's expression:
 * the chosen (or default, per grant) scopes, short names qualified with the scope resource, then the refresh
 * and check scopes (browser grants only), de-duplicated.
 */
export function expectedScopes(
	preset: ProviderPreset,
	filled: Record<string, unknown>,
	chosen: string[],
	grantType = 'authorizationCode',
): string[] {
	const resource = preset.scopeResource ? fillPresetTemplate(preset.scopeResource, filled) : '';
	const qualify = (scope: string) =>
		resource && !/[:/]/.test(scope) && !OIDC_SCOPES.includes(scope)
			? `${resource}/${scope}`
			: scope;
	const machine = grantType === 'clientCredentials';
	const refresh = machine ? [] : [...(preset.refreshScopes ?? []), ...(preset.checkScopes ?? [])];
	// A client-credentials token has no user: no OpenID scopes unless the preset names its own.
	const defaults = machine
		? (preset.clientCredentialsScopes ??
			preset.defaultScopes.filter((scope) => !OIDC_SCOPES.includes(scope)))
		: preset.defaultScopes;
	return [
		...new Set(
			[...(chosen.length ? chosen : defaults).map(qualify), ...refresh].map((scope) =>
				fillPresetTemplate(scope, filled),
			),
		),
	];
}

/** Whether `host` is one of n8n's allowedDomains entries (`*.example.com` for subdomains). */
export function allowedBy(domains: string[], host: string): boolean {
	return domains.some(
		(domain) => domain === host || (domain.startsWith('*.') && host.endsWith(domain.slice(1))),
	);
}

export const PLACEHOLDER = /\{\w+\}/;

export function expectedPairs(preset: ProviderPreset): string {
	return Object.entries(preset.authQueryParameters ?? {})
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

/** The host a URL the host resolved would reach; undefined when it is no URL (nothing is reached). */
export function hostnameOf(url: unknown): string | undefined {
	try {
		return new URL(String(url)).hostname;
	} catch {
		return undefined;
	}
}
