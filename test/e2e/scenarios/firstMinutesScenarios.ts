// The first ten minutes of a new user in the editor (issue 26): the first node dropped on a fresh
// workflow shows its connection's status without an error, a preset that needs PKCE left on
// Authorization Code is refused with the fix before anything is sent, and the credential type is
// found by the words people search for.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';

import {
	docsScreenshot,
	newContext,
	retry,
	screenshot,
	settle,
	signIn,
} from '../../harness/n8n/browser';
import {
	CREDENTIAL_TYPE,
	NODE_TYPES,
	type E2eContext,
	type Scenario,
} from '../../harness/n8n/context';
import { OWNER, sleep } from '../../harness/n8n/server';
import { runNodeViaWebhook } from '../../harness/n8n/workflows';
import {
	CLIENTS,
	createConnectedCredential,
	createCredential,
	customCredentialData,
} from './credentialHelpers';

const HTTP_NODE_NAME = 'OAuth2 HTTP Request';
const LOADING = /^\s*(Loading options|$)/i;
const LOAD_ERROR = /Error fetching options|There was a problem loading|Please set up credentials/i;

const needsHttpNode: Scenario['skip'] = (ctx) =>
	ctx.nodeTypes.has(NODE_TYPES.httpRequest)
		? ctx.credentialType
			? undefined
			: 'credential type not loaded'
		: `${NODE_TYPES.httpRequest} is not loaded`;

/** The Connection Status parameter of the open node panel, and the text its box shows. */
function statusField(page: Page): Locator {
	return page
		.locator('[data-test-id="ndv"] [data-test-id="parameter-input-connectionStatus"]')
		.first();
}

async function shownStatus(field: Locator): Promise<string> {
	const input = field.locator('input').first();
	const value = await input.inputValue().catch(() => '');
	const text = await field.innerText().catch(() => '');
	return `${value} ${text}`.trim();
}

/** Waits until the box shows something other than its loading text; returns it. */
async function settledStatus(field: Locator, timeoutMs = 30_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const shown = await shownStatus(field);
		if (!LOADING.test(shown) || Date.now() > deadline) return shown;
		await sleep(250);
	}
}

/** The parameter row of Connection Status: label, box and issue icon. */
function statusRow(page: Page): Locator {
	return statusField(page).locator(
		'xpath=ancestor::*[@data-test-id="parameter-item" or contains(@class,"parameter-item")][1]',
	);
}

/**
 * Adds a node through the node creator, as a person does: on an empty canvas with "Add first
 * step" (n8n puts a Manual Trigger in front of a node that is not a trigger), else after the
 * selected node (Tab). Then searches and picks it.
 */
async function addNodeFromCreator(page: Page, search: string, afterNode?: string): Promise<void> {
	const searchBar = page.locator('[data-test-id="node-creator-search-bar"]').first();
	await retry('opening the node creator', 3, async (attempt) => {
		if (afterNode) {
			await page
				.locator('.vue-flow__node')
				.filter({ hasText: afterNode })
				.first()
				.click({ timeout: 10_000 });
			if (attempt === 0) await page.keyboard.press('Tab');
			else await page.locator('[data-test-id="canvas-handle-plus"]').first().click();
		} else {
			await page.locator('[data-test-id="canvas-add-button"]').first().click({ timeout: 10_000 });
		}
		await searchBar.waitFor({ timeout: 10_000 });
	});
	await searchBar.fill(search);
	await settle(page);
	const item = page
		.locator('[data-test-id="node-creator-item-name"]')
		.filter({ hasText: new RegExp(`^${search}$`) })
		.first();
	await item.waitFor({ timeout: 15_000 });
	await item.click();
	// A community node opens its details first; its button adds it.
	const add = page.getByRole('button', { name: 'Add to workflow' }).first();
	await add.waitFor({ timeout: 5000 }).then(
		() => add.click(),
		() => undefined,
	);
}

export const firstMinutesScenarios: Scenario[] = [
	{
		name: 'First minutes (UI): a fresh workflow’s first OAuth2 HTTP Request shows the connected connection’s status, no error',
		skip: needsHttpNode,
		timeoutMs: 180_000,
		async run(ctx) {
			// Created first: n8n assigns the most recently updated connection, the connected one.
			const unconnected = await createCredential(
				ctx,
				'Never connected',
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			const { credential } = await createConnectedCredential(
				ctx,
				'Contacts API',
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			const context = await newContext();
			try {
				const page = await context.newPage();
				const loadOptionsCalls: Array<{ credentials: unknown; status: number }> = [];
				page.on('requestfinished', (request) => {
					if (!request.url().includes('/rest/dynamic-node-parameters/options')) return;
					void request.response().then((response) => {
						const body = request.postDataJSON() as { credentials?: unknown } | null;
						loadOptionsCalls.push({
							credentials: body?.credentials,
							status: response?.status() ?? 0,
						});
					});
				});
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				// A new, unsaved workflow: the editor has not loaded the credentials before the panel opens.
				await page.goto(`${ctx.n8n.url}/workflow/new`);
				await page
					.locator('[data-test-id="canvas-add-button"]')
					.first()
					.waitFor({ timeout: 60_000 });
				await settle(page);
				await addNodeFromCreator(page, HTTP_NODE_NAME);

				const field = statusField(page);
				await field.waitFor({ timeout: 30_000 }).catch(async (error) => {
					await screenshot(page, ctx.screenshotDir, 'failed-first-node-panel').catch(
						() => undefined,
					);
					throw error;
				});
				// n8n assigns the only (newest) connection by itself; the panel must then show its status.
				const credentialSelect = page
					.locator('[data-test-id="ndv"] [data-test-id="node-credentials-select"] input')
					.first();
				await credentialSelect.waitFor({ timeout: 15_000 }).catch(() => undefined);
				let shown = await settledStatus(field);
				const deadline = Date.now() + 20_000;
				while (!/^Authorized, token valid until/.test(shown) && Date.now() < deadline) {
					await sleep(500);
					shown = await settledStatus(field);
				}
				await settle(page);
				const rowText = await statusRow(page)
					.innerText()
					.catch(() => '');
				const issues = await statusRow(page).locator('[data-test-id="parameter-issues"]').count();
				const failedCalls = loadOptionsCalls.filter((call) => call.status >= 400);
				if (
					!/^Authorized, token valid until/.test(shown) ||
					issues > 0 ||
					LOAD_ERROR.test(rowText) ||
					failedCalls.length > 0
				) {
					await screenshot(page, ctx.screenshotDir, 'failed-first-node-status').catch(
						() => undefined,
					);
					assert.fail(
						`the status box shows '${shown}' (issues: ${issues}; row: ${rowText.slice(0, 300)}); ` +
							`load-options calls: ${JSON.stringify(loadOptionsCalls)}; credential ${credential.name}`,
					);
				}
				assert.match(rowText, /Connection Status/);
				assert.doesNotMatch(rowText, /Name or ID/);
				await docsScreenshot(page, ctx.screenshotDir, '12-first-node-status', 'first-node-status');

				// Choosing another connection checks again: an unconnected one says what to click.
				await retry('choosing the unconnected connection', 3, async () => {
					await credentialSelect.click({ timeout: 10_000 });
					await page
						.locator('.el-select-dropdown__item')
						.filter({ visible: true })
						.filter({ hasText: unconnected.name })
						.first()
						.click({ timeout: 10_000 });
				});
				// The never-connected one is a real problem: n8n shows its load error (the message,
				// "not authorized yet: open it and click Connect", is the field's issue tooltip).
				const switchDeadline = Date.now() + 20_000;
				let switched = await shownStatus(field);
				while (!LOAD_ERROR.test(switched) && Date.now() < switchDeadline) {
					await sleep(500);
					switched = await shownStatus(field);
				}
				if (!LOAD_ERROR.test(switched)) {
					await screenshot(page, ctx.screenshotDir, 'failed-switch-connection').catch(
						() => undefined,
					);
					assert.fail(`after choosing ${unconnected.name} the status box shows '${switched}'`);
				}
			} finally {
				await context.close();
			}
		},
	},
	{
		name: 'First minutes: a Canva connection left on Authorization Code is refused with the fix, in the panel and at run time, before any request',
		skip: needsHttpNode,
		timeoutMs: 150_000,
		async run(ctx) {
			ctx.clearRecords();
			const credential = await createCredential(ctx, 'Canva', {
				provider: 'canva',
				grantType: 'authorizationCode',
				appClientId: 'canva-client',
				appClientSecret: 'canva-secret-not-sent',
			});
			const fix = /Canva requires PKCE: set Grant Type to Authorization Code with PKCE/;

			// Run time: the node refuses before the token endpoint or the API hear anything.
			const run = await runNodeViaWebhook(ctx.rest, ctx.parseFlatted, {
				name: HTTP_NODE_NAME,
				type: NODE_TYPES.httpRequest,
				typeVersion: 1,
				parameters: { method: 'GET', url: '/users/me' },
				credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			});
			assert.match(run.error ?? '', fix, `error was: ${run.error}`);
			assert.equal(ctx.api.requests.length, 0, 'the API saw no request');
			assert.equal(ctx.auth.tokenRequests.length, 0, 'the auth server saw no token request');

			// Design time: the node panel says the same, and the form warns where the grant is chosen.
			const workflow = await ctx.rest.createWorkflow({
				name: 'Canva without PKCE',
				nodes: [
					{
						id: randomUUID(),
						name: HTTP_NODE_NAME,
						type: NODE_TYPES.httpRequest,
						typeVersion: 1,
						position: [0, 0],
						parameters: { method: 'GET', url: '/users/me' },
						credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
					},
				],
				connections: {},
			});
			const context = await newContext();
			try {
				const page = await context.newPage();
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				await page.goto(`${ctx.n8n.url}/workflow/${workflow.id}`);
				const node = page.locator('.vue-flow__node').first();
				await node.waitFor({ timeout: 60_000 });
				await settle(page);
				await retry('opening the node panel', 3, async () => {
					await node.dblclick();
					await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 10_000 });
				});
				const field = statusField(page);
				await field.waitFor({ timeout: 30_000 });
				const issues = statusRow(page).locator('[data-test-id="parameter-issues"]').first();
				const message = page.getByText(fix).filter({ visible: true }).first();
				await retry('showing the PKCE issue', 4, async (attempt) => {
					if (attempt > 0) await field.click({ timeout: 5000 }).catch(() => undefined);
					await issues.waitFor({ timeout: 15_000 });
					await issues.hover();
					await message.waitFor({ timeout: 5000 });
				});
				await page.keyboard.press('Escape');

				await page.goto(`${ctx.n8n.url}/home/credentials/${credential.id}`);
				const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
				await dialog.waitFor({ timeout: 30_000 });
				await dialog
					.getByText(/This provider requires PKCE/)
					.first()
					.waitFor({ timeout: 15_000 });
				await settle(page);
				await screenshot(page, ctx.screenshotDir, 'pkce-required-notice');
			} finally {
				await context.close();
			}
			assert.equal(ctx.api.requests.length, 0, 'the API saw no request');
			assert.equal(ctx.auth.tokenRequests.length, 0, 'the auth server saw no token request');
		},
	},
	{
		name: 'First minutes: a Custom connection with Scopes left empty connects to the demo provider on the first try',
		timeoutMs: 90_000,
		async run(ctx) {
			ctx.clearRecords();
			const { credential } = await createConnectedCredential(ctx, 'Empty scopes', {
				...customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
				scopes: '',
			});
			const sent = ctx.auth.authorizeRequests.at(-1);
			assert.equal(sent?.scope ?? '', '', `n8n asked for no scope: ${JSON.stringify(sent)}`);
			const run = await runNodeViaWebhook(ctx.rest, ctx.parseFlatted, {
				name: HTTP_NODE_NAME,
				type: NODE_TYPES.httpRequest,
				typeVersion: 1,
				parameters: { method: 'GET', url: '/contacts/1' },
				credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			});
			assert.equal(run.error, undefined, `error: ${run.error}`);
			assert.equal(ctx.api.requests.at(-1)?.authorized, true, 'the API accepted the token');
		},
	},
	{
		name: 'First minutes (UI): the credential picker finds the connection type by "OAuth2" and by its name in the docs',
		skip: (ctx) => (ctx.credentialType ? undefined : 'credential type not loaded'),
		timeoutMs: 120_000,
		async run(ctx: E2eContext) {
			const displayName = ctx.credentialType!.displayName;
			const context = await newContext();
			try {
				const page = await context.newPage();
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				await page.goto(`${ctx.n8n.url}/home/credentials`);
				await page.locator('[data-test-id="add-resource-credential"]').first().click();
				const search = page.locator('[data-test-id="new-credential-type-select"] input').first();
				for (const words of ['OAuth2', 'oauth2', displayName]) {
					// The select's input only takes text while its list is open.
					if (!(await search.isEditable())) await search.click();
					await search.fill(words);
					const option = page
						.locator('[data-test-id="new-credential-type-select-option"]')
						.filter({ visible: true })
						.filter({ hasText: displayName })
						.first();
					await option.waitFor({ timeout: 15_000 }).catch(async () => {
						await screenshot(page, ctx.screenshotDir, 'failed-credential-search').catch(
							() => undefined,
						);
						throw new Error(`searching '${words}' does not list ${displayName}`);
					});
					await option.scrollIntoViewIfNeeded();
				}
				await screenshot(page, ctx.screenshotDir, 'credential-search-oauth2');
			} finally {
				await context.close();
			}
		},
	},
];
