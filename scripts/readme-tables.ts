/**
 * The generated tables of the docs, so they cannot drift: README.md's preset table from
 * credentials/providerPresets.ts; docs/faults.md's bad-input table from test/badInputTable.md
 * (written by test/badInput.test.ts) and its fault table, test/faultTable.md, joined from the
 * parts each feature file's fault tests write (test/faultTable/, see test/harness/faultTable.ts);
 * docs/presets-unconfirmed.md from credentials/presetFacts.ts.
 * `npm run update` rewrites them; test/readme.test.ts fails when stale.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	PRESET_FACT_KEYS,
	PRESET_FACTS,
	isConfirmedFact,
	type PresetFactRecord,
} from '../credentials/presetFacts';
import {
	PRESET_FIELDS,
	PROVIDER_PRESETS,
	presetFieldKeys,
	type PkceSupport,
	type ProviderPreset,
} from '../credentials/providerPresets';
import { alwaysRequestedScopes } from '../credentials/connectionExpressions';
import { FAULT_TABLE, faultTableMarkdown } from '../test/harness/faultTable';

const ROOT = path.join(__dirname, '..');
export const README = path.join(ROOT, 'README.md');
export const FAULTS_DOC = path.join(ROOT, 'docs', 'faults.md');
export const UNCONFIRMED_DOC = path.join(ROOT, 'docs', 'presets-unconfirmed.md');
const BAD_INPUT_TABLE = path.join(ROOT, 'test', 'badInputTable.md');

const SEPARATOR_NAMES = { ' ': 'space', ',': 'comma' } as const;
const AUTH_NAMES = { header: 'client_secret_basic', body: 'client_secret_post' } as const;
const PKCE_NAMES: Record<PkceSupport, string> = {
	unsupported: 'unsupported',
	supported: 'supported',
	supportedNotDefault: 'supported, not by default',
	required: 'required',
};

/**
 * The provider pages the preset's facts were read from (each page once, without its section
 * anchor), the latest date one was read, and the facts no page confirms yet: all from
 * credentials/presetFacts.ts, the one place a fact's page is recorded.
 */
function confirmation(preset: ProviderPreset): string {
	const facts = PRESET_FACTS[preset.id] ?? {};
	const records = PRESET_FACT_KEYS.map((key) => [key, facts[key]] as const).filter(
		([, record]) => record && !('notApplicable' in record),
	);
	const pages = [
		...new Set(
			records.flatMap(([, record]) => ('page' in record ? [record.page.split('#')[0]] : [])),
		),
	];
	const readOn = records
		.flatMap(([, record]) => ('readOn' in record ? [record.readOn] : []))
		.sort()
		.at(-1);
	const links = pages.map((url, index) => `[${index === 0 ? 'docs' : index + 1}](${url})`);
	const open = records.filter(([, record]) => !isConfirmedFact(record)).map(([key]) => key);
	const notConfirmed = open.length ? `; not confirmed: ${open.join(', ')}` : '';
	return `${links.join(' ')}${readOn ? ` (${readOn})` : ''}${notConfirmed}`.replace(/\|/g, '\\|');
}

function factsOf(preset: ProviderPreset): PresetFactRecord[] {
	const facts = PRESET_FACTS[preset.id];
	return facts ? PRESET_FACT_KEYS.map((key) => facts[key]) : [];
}

/** "12/13": the facts a provider page confirms, of those that apply to the preset. */
function confirmedCount(preset: ProviderPreset): string {
	const applicable = factsOf(preset).filter((record) => !('notApplicable' in record));
	const confirmed = applicable.filter(isConfirmedFact).length;
	return `${confirmed}/${applicable.length}`;
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
				alwaysRequestedScopes(preset).length
					? `\`${alwaysRequestedScopes(preset).join(' ')}\``
					: '–',
				SEPARATOR_NAMES[preset.scopeSeparator],
				AUTH_NAMES[preset.tokenAuthMethod],
				PKCE_NAMES[preset.pkce],
				clientCredentials(preset),
				`[${confirmedCount(preset)}](docs/presets-unconfirmed.md#${preset.id.toLowerCase()})`,
				`\`${preset.apiBaseUrl}\`${preset.tokenResponseApiHost ? ` or the token's \`${preset.tokenResponseApiHost.field}\`${preset.tokenResponseApiHost.basePath ? ` + \`${preset.tokenResponseApiHost.basePath}\`` : ''}` : ''}`,
				confirmation(preset),
			].join(' | '),
		)
		.map((row) => `| ${row} |`);
	return [
		'| Provider | You fill in | Default scopes | Always added | Scope separator | Token auth | PKCE | Client credentials | Facts confirmed | API base URL | Confirmed in (latest read; facts not confirmed) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/**
 * docs/presets-unconfirmed.md: per preset, the facts no provider page confirms (why, and the lead
 * found) and the facts the provider documents beyond what the row holds (docs/catalogue-todo.md).
 */
export function unconfirmedDoc(): string {
	const sections = [...PROVIDER_PRESETS]
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map((preset) => {
			const facts = PRESET_FACTS[preset.id];
			const rows = PRESET_FACT_KEYS.flatMap((key) => {
				const record = facts?.[key];
				if (!record) return [`| ${key} | no entry | |`];
				if ('unconfirmed' in record)
					return [
						`| ${key} | unconfirmed: ${oneLine(record.unconfirmed)}${record.open ? `; open: ${oneLine(record.open)}` : ''} | ${record.lead ? `[lead](${record.lead})` : ''} |`,
					];
				if ('page' in record && record.open)
					return [`| ${key} | open: ${oneLine(record.open)} | [page](${record.page}) |`];
				return [];
			});
			const heading = `## ${preset.id}\n\n${preset.displayName}: ${confirmedCount(preset)} facts confirmed.`;
			return rows.length
				? `${heading}\n\n| Fact | Why | Link |\n| --- | --- | --- |\n${rows.join('\n')}`
				: `${heading} Every fact that applies has its page.`;
		});
	return `# Preset facts not confirmed

Generated by scripts/readme-tables.ts from [credentials/presetFacts.ts](../credentials/presetFacts.ts):
do not edit by hand. For each preset, the facts (of ${PRESET_FACT_KEYS.length}: ${PRESET_FACT_KEYS.join(', ')})
that no page of the provider's own documentation confirms, with why and the lead that was found
(a secondary index, SDK code or a third-party copy), and the facts the provider documents beyond
what the preset can hold yet (*open*, see [catalogue-todo.md](catalogue-todo.md)). The README's
preset table counts the confirmed facts of those that apply.

${sections.join('\n\n')}
`;
}

function replaceSection(file: string, text: string, name: string, content: string): string {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from === -1 || to === -1)
		throw new Error(`${path.relative(ROOT, file)} needs ${start} and ${end} markers`);
	return `${text.slice(0, from + start.length)}\n${content.trim()}\n${text.slice(to)}`;
}

export function readmeWithTables(readme: string): string {
	return replaceSection(README, readme, 'presets', presetsTable());
}

export function faultsDocWithTables(doc: string): string {
	const withBadInputs = replaceSection(
		FAULTS_DOC,
		doc,
		'bad-inputs',
		fs.readFileSync(BAD_INPUT_TABLE, 'utf8'),
	);
	return replaceSection(FAULTS_DOC, withBadInputs, 'faults', faultTableMarkdown());
}

/** Each file holding generated tables, with the function that regenerates them. */
export const GENERATED_DOCS = [
	{ file: FAULT_TABLE, withTables: () => faultTableMarkdown() },
	{ file: README, withTables: readmeWithTables },
	{ file: FAULTS_DOC, withTables: faultsDocWithTables },
	{ file: UNCONFIRMED_DOC, withTables: () => unconfirmedDoc() },
] as const;

/** Rewrites every generated table in place. */
export function writeGeneratedTables(): void {
	for (const { file, withTables } of GENERATED_DOCS)
		fs.writeFileSync(file, withTables(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''));
}

if (require.main === module) {
	writeGeneratedTables();
	process.stdout.write(
		`README.md: ${PROVIDER_PRESETS.length} presets; test/faultTable.md; docs/faults.md: the bad-input and the fault tables; docs/presets-unconfirmed.md\n`,
	);
}
