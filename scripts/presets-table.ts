/**
 * The README's preset table, generated from credentials/providerPresets.ts so it cannot drift:
 * `npm run readme:presets` rewrites it; test/readme.test.ts fails when it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';

import { PRESET_FIELDS, PROVIDER_PRESETS } from '../credentials/providerPresets';

export const README = path.join(__dirname, '..', 'README.md');
const START = '<!-- presets:start -->';
const END = '<!-- presets:end -->';

const SEPARATOR_NAMES = { ' ': 'space', ',': 'comma' } as const;
const AUTH_NAMES = { header: 'client_secret_basic', body: 'client_secret_post' } as const;

function fieldsOf(template: string[]): string {
	const keys = Object.keys(PRESET_FIELDS).filter((key) => template.some((url) => url.includes(`{${key}}`)));
	return keys.map((key) => PRESET_FIELDS[key as keyof typeof PRESET_FIELDS].displayName).join(', ') || '–';
}

export function presetsTable(): string {
	const rows = [...PROVIDER_PRESETS]
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map((preset) =>
			[
				`[${preset.displayName}](${preset.docsUrl})`,
				fieldsOf([preset.authUrl, preset.tokenUrl, preset.apiBaseUrl, ...preset.allowedDomains]),
				preset.defaultScopes.length ? `\`${preset.defaultScopes.join(' ')}\`` : '–',
				SEPARATOR_NAMES[preset.scopeSeparator],
				AUTH_NAMES[preset.tokenAuthMethod],
				preset.pkce,
				preset.clientCredentials ? 'yes' : 'no',
				`\`${preset.apiBaseUrl}\``,
			].join(' | '),
		)
		.map((row) => `| ${row} |`);
	return [
		'| Provider | You fill in | Default scopes | Scope separator | Token auth | PKCE | Client credentials | API base URL |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
}

export function readmeWithTable(readme: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1) throw new Error(`README.md needs ${START} and ${END} markers`);
	return `${readme.slice(0, start + START.length)}\n${presetsTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
	fs.writeFileSync(README, readmeWithTable(fs.readFileSync(README, 'utf8')));
	process.stdout.write(`README.md: ${PROVIDER_PRESETS.length} presets\n`);
}
