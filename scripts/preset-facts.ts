/**
 * Writes credentials/presetFacts.ts, the page of every preset fact, from the research notes of
 * issue 23: one JSON file per preset (`<presetId>.json`, schema in that folder's README.md), kept
 * outside the repository. Neither the build nor the tests need this script or the notes; run it
 * only when the notes change, and commit the generated file:
 *
 *   node scripts/toolchain.cjs scripts/preset-facts.ts -- /path/to/catalogue
 *
 * The research is a lead, judged here: a page counts only on the preset's own documentation
 * domains (PRESET_DOC_DOMAINS) and not in SDK code (a lead, like Nango's providers.yaml); every
 * fact the research marked "changed" has a DECISION saying whether the row was fixed, the fix
 * needs a capability the presets do not have yet (docs/catalogue-todo.md), or the research was
 * not followed, and why.
 */
import fs from 'node:fs';
import path from 'node:path';

import prettier from 'prettier';

const OUT = path.join(__dirname, '..', 'credentials', 'presetFacts.ts');

const FACT_KEYS = [
	'authUrl',
	'tokenUrl',
	'tokenAuthMethod',
	'pkce',
	'scopeSeparator',
	'refreshScopes',
	'tokenLifetimes',
	'grants',
	'clientCredentialsScopes',
	'apiBaseUrl',
	'apiHosts',
	'tokenResponseHost',
	'checkRequest',
	'consoleSettings',
	'regions',
] as const;
type FactKey = (typeof FACT_KEYS)[number];

/**
 * The provider's own documentation: a host suffix (`adobe.com` covers developer.adobe.com) or a
 * GitHub owner (`github.com/basecamp`) whose repository holds the provider's API docs.
 */
const PRESET_DOC_DOMAINS: Record<string, string[]> = {
	adobeIms: ['adobe.com'],
	airtable: ['airtable.com'],
	apigee: ['google.com', 'googleapis.com'],
	asana: ['asana.com'],
	atlassian: ['atlassian.com'],
	attio: ['attio.com'],
	auth0: ['auth0.com'],
	basecamp: ['github.com/basecamp', '37signals.com', 'basecamp.com'],
	bitbucketCloud: ['atlassian.com', 'bitbucket.org'],
	box: ['box.com'],
	calendly: ['calendly.com'],
	canva: ['canva.dev', 'canva.com'],
	clickUp: ['clickup.com'],
	close: ['close.com'],
	constantContact: ['constantcontact.com'],
	discord: ['discord.com'],
	docuSign: ['docusign.com'],
	dropbox: ['dropbox.com', 'dropbox.tech'],
	etsy: ['etsy.com'],
	fortnox: ['fortnox.se'],
	freshBooks: ['freshbooks.com'],
	front: ['frontapp.com'],
	genesysCloud: ['genesys.cloud', 'genesys.com', 'github.com/MyPureCloud'],
	gitHub: ['docs.github.com', 'github.blog'],
	gitLab: ['gitlab.com'],
	google: ['google.com', 'googleapis.com'],
	gorgias: ['gorgias.com'],
	harvest: ['getharvest.com'],
	helpScout: ['helpscout.com'],
	hubSpot: ['hubspot.com'],
	intercom: ['intercom.com', 'intercom-developer-hub.readme.io'],
	keycloak: ['keycloak.org'],
	linear: ['linear.app'],
	linkedIn: ['learn.microsoft.com', 'linkedin.com'],
	loginWithAmazon: ['amazon.com'],
	mailchimp: ['mailchimp.com'],
	meta: ['facebook.com'],
	microsoftDynamics365: ['learn.microsoft.com'],
	microsoftEntraId: ['learn.microsoft.com'],
	microsoftOutlook: ['learn.microsoft.com'],
	microsoftSharePoint: ['learn.microsoft.com'],
	miro: ['miro.com'],
	mondayCom: ['monday.com'],
	mural: ['mural.co'],
	notion: ['notion.com'],
	okta: ['okta.com'],
	oktaCustomAuthServer: ['okta.com'],
	outreach: ['outreach.io'],
	payPal: ['paypal.com'],
	pinterest: ['pinterest.com'],
	pipedrive: ['pipedrive.com', 'pipedrive.readme.io'],
	quickBooks: ['intuit.com'],
	reddit: ['github.com/reddit-archive', 'reddit.com', 'redditinc.com'],
	sageAccounting: ['sage.com'],
	salesforce: ['salesforce.com'],
	serviceNow: ['servicenow.com'],
	shopify: ['shopify.dev', 'shopify.com'],
	slack: ['slack.dev', 'slack.com'],
	smartsheet: ['smartsheet.com'],
	spotify: ['spotify.com'],
	square: ['squareup.com'],
	strava: ['strava.com', 'strava.github.io'],
	stripeConnect: ['stripe.com'],
	teamleaderFocus: ['github.com/teamleadercrm', 'teamleader.eu'],
	todoist: ['todoist.com'],
	twitch: ['twitch.tv'],
	twitter: ['x.com', 'twitter.com'],
	typeform: ['typeform.com'],
	vimeo: ['vimeo.com'],
	webflow: ['webflow.com'],
	wrike: ['wrike.com'],
	xero: ['xero.com'],
	zendesk: ['zendesk.com'],
	zoho: ['zoho.com'],
	zoom: ['zoom.us'],
};

/** Source files of an SDK or a spec in a repository: a lead, not documentation. */
const CODE_PAGE = /^https:\/\/github\.com\/.+\.(?:js|ts|py|ya?ml|tf|json)$/;

/** What was done with a fact the research marked "changed". */
type Decision =
	/** The row now states the documented value (a small edit in credentials/providerPresets.ts). */
	| { applied: string }
	/** Part fixed in the row; the rest needs a capability the presets lack (docs/catalogue-todo.md). */
	| { partly: string; open: string }
	/** Needs a capability the presets lack (docs/catalogue-todo.md). */
	| { open: string }
	/** Documented, and no row field holds it (lifetimes): the table records it. */
	| { recorded: string }
	/** Not followed: the page does not state it, or states what the row already has. */
	| { rejected: string; rowConfirmed?: boolean };

const TODO = 'docs/catalogue-todo.md';
const PER_GRANT_SCOPES = `scopes per grant (${TODO}#scopes-per-grant)`;
const PER_GRANT_CHECK = `a check request per grant (${TODO}#check-request-per-grant)`;
const CHECK_REQUEST = `a check request with method, headers and body (${TODO}#check-request-with-method-headers-and-body)`;
const REGION_FIELD = `a region field (${TODO}#regions)`;
const OFFLINE_OUT_OF_DEFAULTS =
	'the refresh scope left the default scopes, so client credentials no longer send it (the browser grants still do, through refreshScopes)';

export const DECISIONS: Record<string, Decision> = {
	'adobeIms.tokenAuthMethod': {
		rejected:
			'The page confirms the row (Basic header) for the authorization code; the research names no page where Basic fails for client credentials, and Adobe discovery lists client_secret_basic and client_secret_post.',
		rowConfirmed: true,
	},
	'adobeIms.clientCredentialsScopes': { applied: OFFLINE_OUT_OF_DEFAULTS },
	'adobeIms.checkRequest': { open: PER_GRANT_CHECK },
	'airtable.apiHosts': { applied: 'content.airtable.com added to allowedDomains' },
	'airtable.consoleSettings': {
		applied: 'setupHint names the Terms of Service URL, Support Email and Privacy Policy URL',
	},
	'apigee.consoleSettings': {
		applied: 'setupHint: publish the app or refresh tokens expire after 7 days',
	},
	'apigee.tokenLifetimes': { recorded: '7 days in Testing (External), 6 months unused otherwise' },
	'apigee.regions': { open: `${REGION_FIELD}: {location}-apigee.googleapis.com` },
	'apigee.apiHosts': { open: `${REGION_FIELD}: {location}-apigee.googleapis.com` },
	'atlassian.tokenLifetimes': {
		recorded:
			'Rotation per the page; 1 h access, 90 days idle / 365 days absolute refresh per Atlassian staff on developer.atlassian.com community',
	},
	'auth0.clientCredentialsScopes': {
		partly: OFFLINE_OUT_OF_DEFAULTS,
		open: `openid profile email are still sent on client credentials: ${PER_GRANT_SCOPES}`,
	},
	'auth0.checkRequest': { open: PER_GRANT_CHECK },
	'auth0.consoleSettings': { applied: 'notes: Allow Offline Access on the API' },
	'auth0.tokenLifetimes': {
		recorded: 'access 86400 s by default; refresh per application settings',
	},
	'basecamp.checkRequest': { open: `${CHECK_REQUEST}: User-Agent header` },
	'basecamp.apiHosts': {
		applied: '3.basecamp-static.com and storage.3.basecamp.com added to allowedDomains',
	},
	'bitbucketCloud.tokenLifetimes': {
		recorded: 'rotating refresh tokens, expire after 3 months unused',
	},
	'box.apiHosts': { applied: 'dl.boxcloud.com (download redirects) added to allowedDomains' },
	'calendly.checkRequest': { applied: 'defaultScopes: users:read, which /users/me needs' },
	'calendly.tokenLifetimes': { recorded: 'access 2 h; refresh single use (rotated)' },
	'canva.tokenUrl': {
		rejected:
			"Only Canva's starter-kit OpenAPI spec (SDK code, a lead) moves the token endpoint to /auth/v1; the research says the row's /rest/v1 URL still works. Kept; to re-check on canva.dev.",
	},
	'constantContact.tokenLifetimes': {
		recorded: 'access 24 h; rotating or long-lived refresh tokens (Constant Contact API support)',
	},
	'constantContact.consoleSettings': {
		rejected:
			'The quote confirms the row (the refresh-token type is chosen in the key settings); no quoted page states the proposed 180-day idle expiry.',
		rowConfirmed: true,
	},
	'discord.clientCredentialsScopes': {
		open: `identify only on client credentials: ${PER_GRANT_SCOPES}`,
	},
	'docuSign.refreshScopes': { applied: 'refreshScopes: extended' },
	'docuSign.tokenLifetimes': { recorded: 'access 8 h; refresh 30 days (sliding with extended)' },
	'dropbox.checkRequest': { open: `${CHECK_REQUEST}: POST` },
	'dropbox.apiHosts': { applied: 'notify.dropboxapi.com added to allowedDomains' },
	'etsy.checkRequest': { open: `${CHECK_REQUEST}: x-api-key header` },
	'fortnox.grants': {
		applied:
			'clientCredentials: false (the token request needs a tenantId the preset cannot send; the notes already point to Custom)',
	},
	'fortnox.consoleSettings': {
		applied: 'notes: service account enabled in the Developer Portal for client credentials',
	},
	'gitHub.regions': { open: `${REGION_FIELD}: GHE.com subdomain` },
	'gitHub.consoleSettings': {
		applied: 'notes: GitHub App user-to-server token expiration left on',
	},
	'google.tokenLifetimes': {
		recorded: '7 days in Testing (External) unless only openid/email/profile; 6 months unused',
	},
	'google.consoleSettings': {
		applied: 'setupHint: publish the app or refresh tokens expire after 7 days',
	},
	'google.checkRequest': {
		open: `the userinfo check needs openid when the user types scopes: ${PER_GRANT_CHECK}`,
	},
	'gorgias.tokenLifetimes': { recorded: 'access 24 h; refresh does not expire' },
	'gorgias.consoleSettings': {
		rejected:
			'The quote says an approved app appears in the helpdesk with a Connect button; it does not say a draft app cannot be authorized from the authorize URL (the research marks that unconfirmed).',
	},
	'harvest.checkRequest': { open: `${CHECK_REQUEST}: User-Agent header` },
	'intercom.tokenLifetimes': {
		recorded: 'access tokens do not expire; no refresh token (Intercom support)',
	},
	'keycloak.refreshScopes': { applied: 'refreshScopes: offline_access' },
	'keycloak.tokenLifetimes': {
		recorded: 'ordinary refresh ends with the SSO session; offline token 30 days idle',
	},
	'keycloak.consoleSettings': {
		applied: 'notes: offline_access client scope and session timeouts',
	},
	'linear.grants': { applied: 'clientCredentials: true' },
	'linear.checkRequest': { open: `${CHECK_REQUEST}: POST /graphql` },
	'linkedIn.clientCredentialsScopes': { open: PER_GRANT_SCOPES },
	'linkedIn.checkRequest': { open: PER_GRANT_CHECK },
	'loginWithAmazon.regions': {
		open: `${REGION_FIELD}: api.amazon.co.uk / api.amazon.co.jp token hosts`,
	},
	'loginWithAmazon.apiHosts': { open: `${REGION_FIELD}: api.amazon.co.uk / api.amazon.co.jp` },
	'meta.checkRequest': { open: PER_GRANT_CHECK },
	'microsoftDynamics365.clientCredentialsScopes': {
		partly: OFFLINE_OUT_OF_DEFAULTS,
		open: `client credentials need https://{dynamicsOrgHost}/.default: ${PER_GRANT_SCOPES}`,
	},
	'microsoftDynamics365.consoleSettings': {
		applied: 'notes: Web platform, SPA refresh tokens last 24 hours',
	},
	'microsoftEntraId.clientCredentialsScopes': {
		partly: OFFLINE_OUT_OF_DEFAULTS,
		open: `client credentials need https://{microsoftGraphHost}/.default: ${PER_GRANT_SCOPES}`,
	},
	'microsoftEntraId.checkRequest': { open: PER_GRANT_CHECK },
	'microsoftOutlook.clientCredentialsScopes': {
		partly: OFFLINE_OUT_OF_DEFAULTS,
		open: `client credentials need https://{microsoftGraphHost}/.default: ${PER_GRANT_SCOPES}`,
	},
	'microsoftOutlook.checkRequest': { open: PER_GRANT_CHECK },
	'microsoftSharePoint.apiHosts': {
		open: `download redirects to *.sharepoint.com / *.files.1drv.com, per Microsoft cloud (${TODO}#hosts-per-microsoft-cloud)`,
	},
	'microsoftSharePoint.clientCredentialsScopes': {
		partly: OFFLINE_OUT_OF_DEFAULTS,
		open: `client credentials need https://{microsoftGraphHost}/.default: ${PER_GRANT_SCOPES}`,
	},
	'microsoftSharePoint.checkRequest': { open: PER_GRANT_CHECK },
	'microsoftSharePoint.consoleSettings': {
		applied: 'notes: Web platform (SPA refresh tokens last 24 hours), admin consent',
	},
	'mondayCom.checkRequest': { open: `${CHECK_REQUEST}: POST /v2 GraphQL` },
	'mondayCom.consoleSettings': { applied: 'notes: New OAuth Flow toggle for older apps' },
	'notion.checkRequest': { open: `${CHECK_REQUEST}: Notion-Version header` },
	'okta.tokenLifetimes': {
		recorded: 'org authorization server: access 60 min, refresh 90 days fixed',
	},
	'okta.consoleSettings': { applied: 'notes: org-server refresh tokens end 90 days after sign-in' },
	'oktaCustomAuthServer.clientCredentialsScopes': {
		partly: OFFLINE_OUT_OF_DEFAULTS,
		open: `openid profile email are still sent on client credentials: ${PER_GRANT_SCOPES}`,
	},
	'oktaCustomAuthServer.checkRequest': { open: PER_GRANT_CHECK },
	'oktaCustomAuthServer.consoleSettings': {
		applied: 'notes: access policy and rule, a custom scope for client credentials',
	},
	'oktaCustomAuthServer.tokenLifetimes': {
		recorded: 'set by the access policy (refresh 10 min to unlimited, idle window)',
	},
	'outreach.consoleSettings': {
		applied: 'notes: development credentials are for development; production after publishing',
	},
	'payPal.clientCredentialsScopes': {
		rejected:
			'No quote: the research did not find whether PayPal rejects or ignores OpenID scopes on client credentials. Listed under scopes per grant.',
	},
	'payPal.checkRequest': {
		rejected:
			'No page: the userinfo check for client credentials is listed under check requests per grant.',
	},
	'pinterest.refreshScopes': {
		rejected:
			"Only Pinterest's generated API client docs (SDK, a lead) mention refresh_on / continuous_refresh, and the research is unsure of the parameter; not sent until a Pinterest page states it.",
	},
	'pipedrive.apiBaseUrl': { open: `${TODO}#base-path-after-the-token-response-host` },
	'pipedrive.tokenResponseHost': { open: `${TODO}#base-path-after-the-token-response-host` },
	'pipedrive.checkRequest': {
		rejected:
			"The row's absolute check https://api.pipedrive.com/v1/users/me is a documented host and path (the company host is advised, not required); the company-host form waits for the base path.",
		rowConfirmed: true,
	},
	'quickBooks.checkRequest': { applied: 'defaultScopes: openid email added, which userinfo needs' },
	'quickBooks.apiHosts': {
		applied: 'sandbox-accounts.platform.intuit.com added to allowedDomains',
	},
	'quickBooks.regions': { open: `${REGION_FIELD}: Production / Sandbox environment` },
	'quickBooks.consoleSettings': {
		applied: 'notes: Reconnect URL, development keys are sandbox only',
	},
	'quickBooks.tokenLifetimes': {
		recorded: 'access 1 h; refresh 100 days rolling, at most 5 years',
	},
	'reddit.checkRequest': { open: `${CHECK_REQUEST}: User-Agent header; ${PER_GRANT_CHECK}` },
	'reddit.clientCredentialsScopes': { open: PER_GRANT_SCOPES },
	'salesforce.consoleSettings': { applied: 'notes: refresh token policy and rotation on the app' },
	'serviceNow.tokenLifetimes': {
		recorded: 'access 30 min; refresh 100 days from issue, not extended by refresh',
	},
	'serviceNow.consoleSettings': {
		applied: 'notes: Refresh Token Lifespan (100 days, not extended by refreshing)',
	},
	'shopify.checkRequest': { open: `${CHECK_REQUEST}: X-Shopify-Access-Token header` },
	'slack.apiHosts': {
		rejected:
			"The only page is a 2015 post on medium.com (not Slack's docs); files.slack.com is kept out until docs.slack.dev states it.",
	},
	'spotify.checkRequest': { open: PER_GRANT_CHECK },
	'strava.consoleSettings': { applied: 'notes: single-player mode until the app is upgraded' },
	'stripeConnect.apiHosts': { applied: 'files.stripe.com added to allowedDomains' },
	'teamleaderFocus.checkRequest': { open: `${CHECK_REQUEST}: POST` },
	'teamleaderFocus.apiHosts': { applied: 'files.teamleader.eu added to allowedDomains' },
	'typeform.apiHosts': { applied: 'api.typeform.eu added to allowedDomains' },
	'typeform.regions': {
		open: `${REGION_FIELD}: the api.typeform.eu data centre's own OAuth host is unconfirmed`,
	},
	'webflow.regions': { open: `${REGION_FIELD}: EU (eu.webflow.com, api.eu.webflow.com)` },
	'webflow.authUrl': { open: `${REGION_FIELD}: EU authorizes on eu.webflow.com` },
	'webflow.tokenUrl': { open: `${REGION_FIELD}: EU token on api.eu.webflow.com` },
	'webflow.apiBaseUrl': { open: `${REGION_FIELD}: EU base https://api.eu.webflow.com/v2` },
	'webflow.apiHosts': { open: `${REGION_FIELD}: api.eu.webflow.com` },
	'wrike.apiBaseUrl': { open: `${TODO}#bare-host-from-the-token-response` },
	'wrike.tokenResponseHost': { open: `${TODO}#bare-host-from-the-token-response` },
	'wrike.checkRequest': { open: `${TODO}#bare-host-from-the-token-response` },
	'wrike.regions': {
		open: `${TODO}#bare-host-from-the-token-response (allowedDomains already cover *.wrike.com)`,
	},
	'xero.consoleSettings': {
		applied:
			'notes: Custom Connections are a paid (premium) option; the AU/NZ/UK/US limit is not in the quote and is left out',
	},
	'zendesk.apiHosts': {
		rejected:
			'No Zendesk page names the redirect host (zdusercontent.com is unconfirmed); kept out.',
	},
	'zoho.tokenLifetimes': { recorded: 'access 1 h; refresh does not expire, at most 20 per user' },
	'zoho.consoleSettings': {
		applied: 'notes: at most 20 refresh tokens per user, the oldest deleted',
	},
	'zoom.apiHosts': {
		rejected:
			"The quote was read in a third-party copy of Zoom's OpenAPI (api-docs.integration.app), not on a Zoom page; zoom.us is kept out until a Zoom page states it.",
	},
	'zoom.tokenLifetimes': { recorded: 'access 1 h; refresh 15 years, rotating' },
};

interface ResearchFact {
	value: unknown;
	page: string | null;
	quote: string | null;
	status: 'confirmed' | 'changed' | 'unconfirmed' | 'notApplicable';
	note?: string;
}
interface ResearchChange {
	fact: string;
	kind: string;
}
interface Research {
	id: string;
	readOn: string;
	facts: Record<FactKey, ResearchFact>;
	changes: ResearchChange[];
}

type FactRecord =
	| { page: string; quote?: string; readOn: string; note?: string; open?: string }
	| { unconfirmed: string; lead?: string; open?: string }
	| { notApplicable: string };

export function isProviderPage(presetId: string, page: string): boolean {
	if (!page.startsWith('https://') || CODE_PAGE.test(page)) return false;
	const url = new URL(page);
	return (PRESET_DOC_DOMAINS[presetId] ?? []).some((domain) => {
		const [host, ...owner] = domain.split('/');
		const onHost = url.hostname === host || url.hostname.endsWith(`.${host}`);
		return owner.length
			? onHost && url.pathname.toLowerCase().startsWith(`/${owner.join('/').toLowerCase()}/`)
			: onHost;
	});
}

const clip = (text: string, length: number) =>
	text.length > length ? `${text.slice(0, length - 3)}...` : text;

function recordOf(research: Research, key: FactKey): FactRecord {
	const fact = research.facts[key];
	if (!fact) throw new Error(`${research.id}: no ${key}`);
	const note = fact.note ? clip(fact.note, 300) : undefined;
	if (fact.status === 'notApplicable') return { notApplicable: note ?? 'does not apply' };
	const decision = DECISIONS[`${research.id}.${key}`];
	if (fact.status === 'changed' && !decision)
		throw new Error(`${research.id}.${key}: changed in the research, no decision`);
	const page = fact.page ?? undefined;
	const ownPage = page && isProviderPage(research.id, page) ? page : undefined;
	const lead = page && !ownPage ? page : undefined;
	const quote = fact.quote ? clip(fact.quote, 200) : undefined;
	const documented = (extra: { note?: string; open?: string }): FactRecord =>
		ownPage
			? { page: ownPage, ...(quote ? { quote } : {}), readOn: research.readOn, ...extra }
			: {
					unconfirmed: lead
						? `only ${new URL(lead).hostname} states it (${CODE_PAGE.test(lead) ? 'SDK code' : 'not the provider'}): a lead`
						: (note ?? 'no provider page found'),
					...(lead ? { lead } : {}),
					...(extra.open ? { open: extra.open } : {}),
				};
	if (fact.status === 'unconfirmed')
		return { unconfirmed: note ?? 'no provider page states it', ...(page ? { lead: page } : {}) };
	// A page the research named without reading its statement again (no quote) proves nothing yet.
	const unread =
		!quote &&
		(!fact.note ||
			/not re-read|stops before|not in the excerpt|^Row(?:'s)? (?:source|value)/i.test(fact.note));
	if (fact.status === 'confirmed' && unread)
		return {
			unconfirmed: `the page was not quoted this round${note ? `: ${note}` : ''}`,
			...(page ? { lead: page } : {}),
		};
	if (!decision) return documented(note ? { note } : {});
	if ('applied' in decision) return documented({ note: `fixed in the row: ${decision.applied}` });
	if ('recorded' in decision) return documented({ note: decision.recorded });
	if ('partly' in decision)
		return documented({ note: `fixed in the row: ${decision.partly}`, open: decision.open });
	if ('open' in decision) return documented({ open: decision.open });
	if (decision.rowConfirmed)
		return documented({ note: `research not followed: ${decision.rejected}` });
	return { unconfirmed: decision.rejected, ...(page ? { lead: page } : {}) };
}

async function main(): Promise<void> {
	const folder = process.argv.slice(2).find((arg) => arg !== '--');
	if (!folder) throw new Error('usage: scripts/preset-facts.ts -- <folder of <presetId>.json>');
	const files = fs
		.readdirSync(folder)
		.filter((name) => name.endsWith('.json'))
		.sort();
	const research = files.map(
		(name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as Research,
	);
	const unused = Object.keys(DECISIONS).filter(
		(key) =>
			!research.some((entry) =>
				entry.changes.some((change) => `${entry.id}.${change.fact}` === key),
			),
	);
	if (unused.length) throw new Error(`decisions without a change: ${unused.join(', ')}`);
	const facts = Object.fromEntries(
		research.map((entry) => [
			entry.id,
			Object.fromEntries(FACT_KEYS.map((key) => [key, recordOf(entry, key)])),
		]),
	);
	const kinds: Record<string, Record<string, number>> = {};
	for (const entry of research)
		for (const change of entry.changes) {
			const decision = DECISIONS[`${entry.id}.${change.fact}`];
			const outcome = Object.keys(decision)[0];
			kinds[change.kind] ??= {};
			kinds[change.kind][outcome] = (kinds[change.kind][outcome] ?? 0) + 1;
		}
	const text = `/**
 * Generated by scripts/preset-facts.ts from the issue-23 research notes (regenerating needs a
 * note per preset, so an entry added here by hand needs its note before the next run).
 * Per preset and per fact, the provider's page (with its section anchor) that states what the
 * row holds, a short quote, and the date it was read; or why the fact is unconfirmed (with the
 * lead that was found, if any), or why it does not apply. \`open\`: the provider documents more
 * than the row can hold yet (docs/catalogue-todo.md). test/presetFacts.test.ts checks that every
 * preset has every fact and that pages are on the provider's own domains.
 */

export const PRESET_FACT_KEYS = ${JSON.stringify(FACT_KEYS)} as const;

export type PresetFactKey = (typeof PRESET_FACT_KEYS)[number];

export type PresetFactRecord =
	| { page: string; quote?: string; readOn: string; note?: string; open?: string }
	| { unconfirmed: string; lead?: string; open?: string }
	| { notApplicable: string };

/** Confirmed: the provider's page states what the row holds, and nothing is left open. */
export function isConfirmedFact(record: PresetFactRecord): boolean {
	return 'page' in record && !record.open;
}

/** The provider's own documentation per preset: a host suffix, or a GitHub owner holding its API docs. */
export const PRESET_DOC_DOMAINS: Record<string, string[]> = ${JSON.stringify(PRESET_DOC_DOMAINS)};

export const PRESET_FACTS: Record<string, Record<PresetFactKey, PresetFactRecord>> = ${JSON.stringify(facts)};
`;
	const options = await prettier.resolveConfig(OUT);
	fs.writeFileSync(OUT, await prettier.format(text, { ...options, filepath: OUT }));
	process.stdout.write(`${path.relative(process.cwd(), OUT)}: ${research.length} presets\n`);
	process.stdout.write(`changed facts by kind and outcome: ${JSON.stringify(kinds, null, 1)}\n`);
}

if (require.main === module)
	main().catch((error: unknown) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	});
