/**
 * Client credentials get no refresh token, so they must not ask for one (issue 23): a refresh
 * scope in a preset's default scopes went out on client-credentials requests too (Adobe's
 * offline_access, Microsoft's, Okta's), where providers refuse or ignore it. Resolved through
 * n8n-workflow's expression engine the way the host resolves the credential.
 */
import assert from 'node:assert/strict';

import {
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	type ProviderPreset,
} from '../credentials/providerPresets';
import { resolveCredential } from './harness/resolveCredential';

/** The credential as a user fills it for `preset`: every field the preset shows gets its sample. */
function filledFor(
	preset: ProviderPreset,
	extra: Record<string, unknown>,
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

const sentScopes = (preset: ProviderPreset, scope: unknown) =>
	String(scope ?? '')
		.split(preset.scopeSeparator)
		.filter(Boolean);

test('client credentials send none of the scopes the refresh token depends on; the browser grant still does', async () => {
	const offering = PROVIDER_PRESETS.filter(
		(preset) => preset.clientCredentials && preset.refreshScopes?.length,
	);
	assert.ok(offering.length >= 8, `${offering.length} presets with both`);
	const leaks: string[] = [];
	for (const preset of offering) {
		const refresh = preset.refreshScopes ?? [];
		const machine = await resolveCredential(filledFor(preset, { grantType: 'clientCredentials' }));
		const sent = sentScopes(preset, machine.scope).filter((scope) => refresh.includes(scope));
		if (sent.length) leaks.push(`${preset.id}: ${String(machine.scope)}`);
		const browser = await resolveCredential(filledFor(preset, { grantType: 'authorizationCode' }));
		for (const scope of refresh)
			assert.ok(
				sentScopes(preset, browser.scope).includes(scope),
				`${preset.id}: ${String(browser.scope)}`,
			);
	}
	assert.deepEqual(leaks, []);
});
