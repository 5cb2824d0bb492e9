import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {
	PRESET_DOC_DOMAINS,
	PRESET_FACT_KEYS,
	PRESET_FACTS,
	type PresetFactRecord,
} from '../credentials/presetFacts';
import { PROVIDER_PRESETS } from '../credentials/providerPresets';

/**
 * Presets from before the catalogue's per-fact standard (issue 24) whose sign-in URL, token URL or
 * client authentication no provider page read so far states: kept, each fact marked unconfirmed
 * with what was tried. A preset may leave this list, never join it.
 */
const ENDPOINTS_NOT_YET_CONFIRMED: Record<string, string[]> = {
	airtable: ['tokenUrl', 'tokenAuthMethod'],
	asana: ['tokenAuthMethod'],
	canva: ['tokenUrl'],
	clickUp: ['authUrl', 'tokenUrl', 'tokenAuthMethod'],
	constantContact: ['tokenUrl'],
	dropbox: ['tokenUrl', 'tokenAuthMethod'],
	etsy: ['tokenAuthMethod'],
	genesysCloud: ['authUrl', 'tokenUrl', 'tokenAuthMethod'],
	gorgias: ['tokenUrl', 'tokenAuthMethod'],
	harvest: ['authUrl', 'tokenUrl', 'tokenAuthMethod'],
	helpScout: ['tokenUrl'],
	hubSpot: ['authUrl'],
	keycloak: ['tokenAuthMethod'],
	linear: ['tokenAuthMethod'],
	linkedIn: ['authUrl', 'tokenUrl', 'tokenAuthMethod'],
	meta: ['tokenAuthMethod'],
	mondayCom: ['tokenAuthMethod'],
	mural: ['tokenAuthMethod'],
	notion: ['authUrl'],
	pinterest: ['authUrl', 'tokenUrl', 'tokenAuthMethod'],
	reddit: ['tokenUrl', 'tokenAuthMethod'],
	sageAccounting: ['tokenUrl'],
	shopify: ['authUrl', 'tokenUrl', 'tokenAuthMethod'],
	slack: ['authUrl'],
	smartsheet: ['authUrl'],
	spotify: ['authUrl', 'tokenAuthMethod'],
	strava: ['authUrl', 'tokenUrl'],
	stripeConnect: ['tokenUrl', 'tokenAuthMethod'],
	todoist: ['authUrl', 'tokenUrl', 'tokenAuthMethod'],
	twitch: ['tokenAuthMethod'],
	typeform: ['authUrl', 'tokenUrl', 'tokenAuthMethod'],
	vimeo: ['authUrl', 'tokenAuthMethod'],
	webflow: ['tokenAuthMethod'],
	wrike: ['tokenUrl', 'tokenAuthMethod'],
	xero: ['tokenUrl', 'tokenAuthMethod'],
	zendesk: ['authUrl', 'tokenAuthMethod'],
};

/** Source files of an SDK or a spec: a lead (like Nango's providers.yaml), never the page of a fact. */
const CODE_PAGE = /^https:\/\/github\.com\/.+\.(?:js|ts|py|ya?ml|tf|json)$/;

/** Whether the page is on one of the preset's documentation domains (a host suffix or a GitHub owner). */
function onProviderDomain(presetId: string, page: string): boolean {
	const url = new URL(page);
	return (PRESET_DOC_DOMAINS[presetId] ?? []).some((domain) => {
		const [host, ...owner] = domain.split('/');
		const onHost = url.hostname === host || url.hostname.endsWith(`.${host}`);
		return owner.length
			? onHost && url.pathname.toLowerCase().startsWith(`/${owner.join('/').toLowerCase()}/`)
			: onHost;
	});
}

/** What is wrong with one fact's record, or nothing. */
function problemOf(presetId: string, record: PresetFactRecord | undefined): string | undefined {
	if (!record) return 'no entry';
	if ('notApplicable' in record)
		return record.notApplicable.trim() ? undefined : 'notApplicable without a reason';
	if ('unconfirmed' in record) {
		if (!record.unconfirmed.trim()) return 'unconfirmed without a reason';
		if (record.lead && !record.lead.startsWith('https://'))
			return `lead ${record.lead} is not https`;
		return undefined;
	}
	if (!('page' in record) || !record.page) return 'neither a page nor an unconfirmed reason';
	if (!record.page.startsWith('https://')) return `page ${record.page} is not https`;
	if (CODE_PAGE.test(record.page)) return `page ${record.page} is SDK code, a lead`;
	if (!onProviderDomain(presetId, record.page))
		return `page ${record.page} is not on ${(PRESET_DOC_DOMAINS[presetId] ?? []).join(', ') || 'a listed provider domain'}`;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(record.readOn)) return `readOn ${record.readOn} is not a date`;
	return undefined;
}

describe('every preset fact has its page or says why not', () => {
	test('each preset has an entry for each fact: a provider page, an unconfirmed reason, or why it does not apply', () => {
		const problems = PROVIDER_PRESETS.flatMap((preset) =>
			PRESET_FACT_KEYS.map((key) => [key, problemOf(preset.id, PRESET_FACTS[preset.id]?.[key])])
				.filter(([, problem]) => problem)
				.map(([key, problem]) => `${preset.id}.${key}: ${problem}`),
		);
		assert.deepEqual(problems, []);
	});

	test('the sign-in URL, token URL and client authentication of every preset are quoted from a provider page (older presets listed above excepted)', () => {
		const endpointFacts = ['authUrl', 'tokenUrl', 'tokenAuthMethod'] as const;
		const unquoted = Object.fromEntries(
			PROVIDER_PRESETS.map((preset) => [
				preset.id,
				endpointFacts.filter((key) => {
					const record = PRESET_FACTS[preset.id]?.[key];
					return !(record && 'page' in record && record.quote);
				}),
			]).filter(([, keys]) => keys.length),
		);
		assert.deepEqual(unquoted, ENDPOINTS_NOT_YET_CONFIRMED);
	});

	test('the table holds only presets that exist', () => {
		const ids = new Set(PROVIDER_PRESETS.map((preset) => preset.id));
		assert.deepEqual(
			Object.keys(PRESET_FACTS).filter((id) => !ids.has(id)),
			[],
		);
	});

	test('third-party pages and SDK code are not accepted as pages', () => {
		const somePreset = PROVIDER_PRESETS[0].id;
		const page = (url: string): PresetFactRecord => ({ page: url, readOn: '2026-12-03' });
		assert.match(
			String(problemOf('slack', page('https://medium.com/slack-developer-blog/x'))),
			/not on/,
		);
		assert.match(
			String(
				problemOf('vimeo', page('https://github.com/vimeo/vimeo.js/blob/master/lib/vimeo.js')),
			),
			/SDK code/,
		);
		assert.match(
			String(problemOf('pipedrive', page('https://nango.dev/docs/integrations/all/pipedrive'))),
			/not on/,
		);
		assert.match(String(problemOf(somePreset, { unconfirmed: ' ' })), /without a reason/);
		assert.match(String(problemOf(somePreset, undefined)), /no entry/);
		assert.equal(
			problemOf('basecamp', page('https://github.com/basecamp/bc3-api/blob/master/README.md')),
			undefined,
		);
	});

	test('each fact left open names a section of docs/catalogue-todo.md that exists', () => {
		const todo = fs.readFileSync(path.join(__dirname, '..', 'docs', 'catalogue-todo.md'), 'utf8');
		const anchors = new Set(
			[...todo.matchAll(/^#{1,6} (.+)$/gm)].map((match) =>
				match[1]
					.trim()
					.toLowerCase()
					.replace(/[^\p{L}\p{N} _-]/gu, '')
					.replace(/ /g, '-'),
			),
		);
		const missing = Object.entries(PRESET_FACTS).flatMap(([id, facts]) =>
			Object.entries(facts)
				.filter(([, record]) => 'open' in record && record.open)
				.flatMap(([key, record]) => {
					const open = 'open' in record ? String(record.open) : '';
					const anchor = /catalogue-todo\.md#([\w-]+)/.exec(open)?.[1];
					return anchor && anchors.has(anchor) ? [] : [`${id}.${key}: ${open}`];
				}),
		);
		assert.deepEqual(missing, []);
	});
});
