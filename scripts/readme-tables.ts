/**
 * The README's generated tables, so they cannot drift: the presets from
 * credentials/providerPresets.ts, the bad inputs from test/badInputTable.md (written by
 * test/badInput.test.ts), the faults from test/faultTable.md (written by test/faults.test.ts). `npm run readme:tables` rewrites them; test/readme.test.ts fails when stale.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	presetFieldKeys,
	type PkceSupport,
	type ProviderPreset,
} from '../credentials/providerPresets';

export const README = path.join(__dirname, '..', 'README.md');
const BAD_INPUT_TABLE = path.join(__dirname, '..', 'test', 'badInputTable.md');
const FAULT_TABLE = path.join(__dirname, '..', 'test', 'faultTable.md');

const SEPARATOR_NAMES = { ' ': 'space', ',': 'comma' } as const;
const AUTH_NAMES = { header: 'client_secret_basic', body: 'client_secret_post' } as const;
const PKCE_NAMES: Record<PkceSupport, string> = {
	unsupported: 'unsupported',
	supported: 'supported',
	supportedNotDefault: 'supported, not by default',
	required: 'required',
};

/** "pkce (not documented; ...)" -> "pkce": the fact, without the research note. */
function factName(unconfirmed: string): string {
	const name = unconfirmed.split(/ \(|: | - /)[0].trim();
	return name.length > 60 ? `${name.slice(0, 57)}...` : name;
}

function confirmation(preset: ProviderPreset): string {
	const links = preset.sources.map((url, index) => `[${index === 0 ? 'docs' : index + 1}](${url})`);
	const open = preset.unconfirmed?.length
		? `; not confirmed: ${preset.unconfirmed.map(factName).join('; ')}`
		: '';
	return `${links.join(' ')} (${preset.confirmedOn})${open}`.replace(/\|/g, '\\|');
}

function clientCredentials(preset: ProviderPreset): string {
	const secret = preset.clientCredentials ? 'yes' : 'no';
	return preset.privateKeyJwt ? `${secret}; private_key_jwt` : secret;
}

export function presetsTable(): string {
	const rows = [...PROVIDER_PRESETS]
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map((preset) =>
			[
				`[${preset.displayName}](${preset.docsUrl})`,
				presetFieldKeys(preset)
					.map((key) => PRESET_FIELDS[key].displayName)
					.join(', ') || '–',
				preset.defaultScopes.length ? `\`${preset.defaultScopes.join(' ')}\`` : '–',
				preset.refreshScopes?.length ? `\`${preset.refreshScopes.join(' ')}\`` : '–',
				SEPARATOR_NAMES[preset.scopeSeparator],
				AUTH_NAMES[preset.tokenAuthMethod],
				PKCE_NAMES[preset.pkce],
				clientCredentials(preset),
				`\`${preset.apiBaseUrl}\`${preset.tokenResponseApiHost ? ` or the token's \`${preset.tokenResponseApiHost}\`` : ''}`,
				confirmation(preset),
			].join(' | '),
		)
		.map((row) => `| ${row} |`);
	return [
		'| Provider | You fill in | Default scopes | Always added | Scope separator | Token auth | PKCE | Client credentials | API base URL | Confirmed in (date; facts not confirmed) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
}

function replaceSection(readme: string, name: string, content: string): string {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from === -1 || to === -1) throw new Error(`README.md needs ${start} and ${end} markers`);
	return `${readme.slice(0, from + start.length)}\n${content.trim()}\n${readme.slice(to)}`;
}

export function readmeWithTables(readme: string): string {
	const withPresets = replaceSection(readme, 'presets', presetsTable());
	const withBadInputs = replaceSection(
		withPresets,
		'bad-inputs',
		fs.readFileSync(BAD_INPUT_TABLE, 'utf8'),
	);
	return replaceSection(withBadInputs, 'faults', fs.readFileSync(FAULT_TABLE, 'utf8'));
}

if (require.main === module) {
	fs.writeFileSync(README, readmeWithTables(fs.readFileSync(README, 'utf8')));
	process.stdout.write(
		`README.md: ${PROVIDER_PRESETS.length} presets, the bad-input and the fault tables\n`,
	);
}
