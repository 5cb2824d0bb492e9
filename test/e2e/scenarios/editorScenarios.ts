// The nodes where people use them: n8n's workflow editor. A workflow is built over REST, opened in
// the editor, run from the UI, and the node panels are checked (and photographed for the README:
// docs/screenshots/ is written only with E2E_UPDATE_SCREENSHOTS=1).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

import {
	dismissToasts,
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
import { connectOverHttp } from '../../harness/n8n/oauthFlow';
import { runNodeViaWebhook } from '../../harness/n8n/workflows';
import { createDemoContent } from '../../harness/n8n/demoContent';
import { CLIENTS, customCredentialData, isConnected } from './credentialHelpers';

const NOT_AUTHORIZED = /not authorized yet: open it and click Connect/;
const HTTP_NODE = 'Get Contact';
const FETCH_NODE = 'Fetch Contact Variables';
const TRIGGER_NODE = 'When clicking ‘Execute workflow’';

const needsNodes: Scenario['skip'] = (ctx) => {
	for (const type of [NODE_TYPES.httpRequest, NODE_TYPES.fetchVariables])
		if (!ctx.nodeTypes.has(type)) return `${type} is not loaded`;
	return ctx.credentialType ? undefined : 'credential type not loaded';
};

type Credential = { id: string; name: string };

function manualTrigger(position: [number, number]) {
	return {
		id: randomUUID(),
		name: TRIGGER_NODE,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position,
		parameters: {},
	};
}

function httpNode(credential: Credential, position: [number, number]) {
	return {
		id: randomUUID(),
		name: HTTP_NODE,
		type: NODE_TYPES.httpRequest,
		typeVersion: 1,
		position,
		parameters: { method: 'GET', url: '/contacts/1' },
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	};
}

function fetchVariablesNode(credential: Credential, position: [number, number]) {
	const variable = (name: string, pathValue: string) => ({
		name,
		path: { __rl: true, mode: 'path', value: pathValue },
		type: 'string',
		defaultValue: '',
		required: true,
	});
	return {
		id: randomUUID(),
		name: FETCH_NODE,
		type: NODE_TYPES.fetchVariables,
		typeVersion: 1,
		position,
		parameters: {
			method: 'GET',
			url: '={{ "/contacts/" + $json.data.id }}',
			variables: {
				variable: [
					variable('lastName', 'data.last_name'),
					variable('firstName', 'data["first_name"]'),
				],
			},
			output: 'only',
		},
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	};
}

function chain(...names: string[]) {
	const connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	> = {};
	for (let i = 0; i + 1 < names.length; i++)
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	return connections;
}

async function openWorkflow(
	page: Page,
	ctx: E2eContext,
	workflowId: string,
	nodeCount: number,
): Promise<void> {
	await page.goto(`${ctx.n8n.url}/workflow/${workflowId}`);
	await page
		.locator('.vue-flow__node')
		.nth(nodeCount - 1)
		.waitFor({ timeout: 60_000 });
	await settle(page);
}

function canvasNode(page: Page, name: string): Locator {
	return page.locator('.vue-flow__node').filter({ hasText: name }).first();
}

async function openNodePanel(page: Page, name: string): Promise<Locator> {
	const panel = page.locator('[data-test-id="ndv"]');
	await retry(`opening the panel of ${name}`, 3, async () => {
		await canvasNode(page, name).dblclick();
		await panel.waitFor({ timeout: 10_000 });
	});
	await panel.locator('[data-test-id="parameter-input-url"]').first().waitFor();
	await settle(page);
	return panel;
}

/** The latest finished execution of a workflow, decoded. */
async function latestExecution(ctx: E2eContext, workflowId: string) {
	for (let attempt = 0; attempt < 40; attempt++) {
		const latest = (await ctx.rest.listExecutions(workflowId)).results?.[0];
		if (latest && !['running', 'new', 'waiting'].includes(latest.status)) {
			const execution = await ctx.rest.getExecution(latest.id);
			type RunData = Record<
				string,
				Array<{
					error?: { message?: string };
					data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
				}>
			>;
			const data = ctx.parseFlatted(execution.data) as { resultData?: { runData?: RunData } };
			return { status: execution.status, runData: data.resultData?.runData ?? {} };
		}
		await sleep(250);
	}
	throw new Error(`no finished execution of workflow ${workflowId}`);
}

const HEALTH_FLOW = path.resolve(
	__dirname,
	'..',
	'..',
	'..',
	'docs',
	'workflows',
	'connection-health.json',
);

interface FlowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export const editorScenarios: Scenario[] = [
	{
		name: 'UI editor: an unconnected credential shows "not authorized yet" in the node panel; a run fails, nothing sent',
		skip: needsNodes,
		timeoutMs: 150_000,
		async run(ctx) {
			// Plain names (no run suffix): they show in the README's screenshots. Each run has a fresh n8n.
			const credential = await ctx.rest.createCredential(
				'CRM (not connected)',
				CREDENTIAL_TYPE,
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			const workflow = await ctx.rest.createWorkflow({
				name: 'Unconnected credential',
				nodes: [manualTrigger([0, 0]), httpNode(credential, [260, 0])],
				connections: chain(TRIGGER_NODE, HTTP_NODE),
			});
			const context = await newContext();
			try {
				const page = await context.newPage();
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				await openWorkflow(page, ctx, workflow.id, 2);
				const panel = await openNodePanel(page, HTTP_NODE);

				// n8n loads the Connection Status options when the panel opens; the node's method throws
				// the message, which n8n shows as the parameter's issue (a warning icon with a tooltip).
				const status = panel.locator('[data-test-id="parameter-input-connectionStatus"]').first();
				await status.waitFor();
				const issues = panel.locator('[data-test-id="parameter-issues"]').first();
				const message = page.getByText(NOT_AUTHORIZED).filter({ visible: true }).first(); // the tooltip
				await retry('showing the Connection Status issue', 4, async (attempt) => {
					if (attempt > 0) await status.click({ timeout: 5000 }).catch(() => undefined); // asks n8n to load the options again
					await issues.waitFor({ timeout: 15_000 });
					await issues.hover();
					await message.waitFor({ timeout: 5000 });
				}).catch(async (error) => {
					await screenshot(page, ctx.screenshotDir, 'failed-not-authorized-panel').catch(
						() => undefined,
					);
					const html = await status
						.locator(
							'xpath=ancestor::*[contains(@class,"parameter-item") or @data-test-id="parameter-item"][1]',
						)
						.first()
						.innerHTML()
						.catch(() => '');
					throw new Error(`${error.message}\nparameter: ${html.slice(0, 3000)}`);
				});
				assert.match(await message.innerText(), NOT_AUTHORIZED);
				await docsScreenshot(
					page,
					ctx.screenshotDir,
					'10-not-authorized-panel',
					'not-authorized-panel',
				);
			} finally {
				await context.close();
			}

			const run = await runNodeViaWebhook(ctx.rest, ctx.parseFlatted, {
				...httpNode(credential, [300, 0]),
				name: 'OAuth2 HTTP Request',
			});
			assert.match(run.error ?? '', NOT_AUTHORIZED, `error was: ${run.error}`);
			assert.equal(
				ctx.api.requests.length,
				0,
				`the API saw no request: ${JSON.stringify(ctx.api.requests)}`,
			);
			assert.equal(ctx.auth.tokenRequests.length, 0, 'the auth server saw no token request');
		},
	},
	{
		name: 'UI editor: Manual Trigger -> OAuth2 HTTP Request -> Fetch Variables, run from the editor',
		skip: needsNodes,
		timeoutMs: 150_000,
		async run(ctx) {
			const credential = await ctx.rest.createCredential(
				'Contacts API',
				CREDENTIAL_TYPE,
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			const connected = await connectOverHttp(ctx.rest, credential.id);
			assert.equal(
				connected.callbackStatus,
				200,
				`callback answered ${connected.callbackStatus}: ${connected.callbackHtml.slice(0, 300)}`,
			);
			assert.ok(await isConnected(ctx, credential.id), 'n8n stored a token for the credential');
			const issued = ctx.auth.tokenRequests.find(
				(r) => r.grantType === 'authorization_code' && r.status === 200,
			)?.accessToken;
			const workflow = await ctx.rest.createWorkflow({
				name: 'Contact variables',
				nodes: [
					manualTrigger([0, 0]),
					httpNode(credential, [260, 0]),
					fetchVariablesNode(credential, [520, 0]),
				],
				connections: chain(TRIGGER_NODE, HTTP_NODE, FETCH_NODE),
			});
			const context = await newContext();
			try {
				const page = await context.newPage();
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				await openWorkflow(page, ctx, workflow.id, 3);

				const success = page.locator('.vue-flow__node [data-test-id="canvas-node-status-success"]');
				await retry('running the workflow from the editor', 3, async () => {
					// Click again only when the last try did not start a run (a run marks the trigger first).
					if ((await success.count()) === 0)
						await page.locator('[data-test-id="execute-workflow-button"]').first().click();
					await success.nth(2).waitFor({ timeout: 30_000 });
				});
				assert.equal(await success.count(), 3, 'all three nodes show success');
				await dismissToasts(page);
				// One step closer than "fit view", so the README shows readable nodes; the zoom is animated.
				await page
					.locator('[data-test-id="zoom-in-button"]')
					.click()
					.catch(() => undefined);
				await page.mouse.move(660, 200); // no hover highlight in the picture
				await sleep(500);
				await docsScreenshot(page, ctx.screenshotDir, '11-flow', 'flow');

				const panel = await openNodePanel(page, FETCH_NODE);
				const output = panel
					.locator('[data-test-id="output-panel"], [data-test-id="ndv-output-panel"]')
					.first();
				await output.getByText('Lovelace').first().waitFor({ timeout: 20_000 });
				assert.match(await output.innerText(), /lastName[\s\S]*Lovelace|Lovelace[\s\S]*lastName/);
				await dismissToasts(page);
				await docsScreenshot(
					page,
					ctx.screenshotDir,
					'12-fetch-variables-panel',
					'fetch-variables-panel',
				);
			} finally {
				await context.close();
			}

			const execution = await latestExecution(ctx, workflow.id);
			assert.equal(execution.status, 'success');
			const variables = execution.runData[FETCH_NODE]?.[0]?.data?.main?.[0]?.[0]?.json;
			assert.deepEqual(variables, { lastName: 'Lovelace-1', firstName: 'Ada' });
			const calls = ctx.api.requests.map((r) => `${r.status} ${r.path}`);
			assert.ok(
				calls.length >= 2 && calls.every((c) => c === '200 /contacts/1'),
				`one authorized call per node: ${JSON.stringify(calls)}`,
			);
			assert.ok(
				ctx.api.requests.every((r) => r.token === issued),
				'both nodes sent the token the auth server issued',
			);
		},
	},
	{
		name: 'UI editor: the connection health flow from docs/workflows, imported over REST, routes the revoked connection to Needs Attention',
		skip: (ctx) =>
			ctx.nodeTypes.has(NODE_TYPES.connection)
				? undefined
				: `${NODE_TYPES.connection} is not loaded`,
		timeoutMs: 150_000,
		async run(ctx) {
			const connect = async (name: string) => {
				const credential = await ctx.rest.createCredential(
					name,
					CREDENTIAL_TYPE,
					customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
				);
				const result = await connectOverHttp(ctx.rest, credential.id);
				assert.equal(result.callbackStatus, 200, result.callbackHtml.slice(0, 300));
				const issued = ctx.auth.tokenRequests.at(-1)?.accessToken;
				assert.ok(issued, 'the auth server issued a token');
				return { credential, issued };
			};
			const crm = await connect('CRM');
			const mailbox = await connect('Mailbox');
			await ctx.auth.revokeGrantOf(mailbox.issued);

			const flow = JSON.parse(fs.readFileSync(HEALTH_FLOW, 'utf8')) as {
				name: string;
				nodes: FlowNode[];
				connections: Record<string, unknown>;
			};
			const pick: Record<string, { id: string; name: string }> = {
				'Check CRM connection': crm.credential,
				'Check Mailbox connection': mailbox.credential,
			};
			for (const node of flow.nodes) {
				const credential = pick[node.name];
				if (!credential) continue;
				node.credentials = { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } };
				node.parameters.checkUrl = '/contacts/1'; // Custom connections name no check endpoint
			}
			const workflow = await ctx.rest.createWorkflow({
				name: flow.name,
				nodes: flow.nodes,
				connections: flow.connections,
			});
			const context = await newContext();
			try {
				const page = await context.newPage();
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				await openWorkflow(page, ctx, workflow.id, flow.nodes.length);
				const success = page.locator('.vue-flow__node [data-test-id="canvas-node-status-success"]');
				await retry('running the health flow from the editor', 3, async () => {
					if ((await success.count()) === 0)
						await page.locator('[data-test-id="execute-workflow-button"]').first().click();
					await success.nth(3).waitFor({ timeout: 30_000 });
				});
				await dismissToasts(page);
				await page.mouse.move(700, 40);
				await sleep(500);
				await docsScreenshot(
					page,
					ctx.screenshotDir,
					'13-connection-health-flow',
					'connection-health-flow',
				);
			} finally {
				await context.close();
			}

			const execution = await latestExecution(ctx, workflow.id);
			assert.equal(execution.status, 'success');
			const outputs = (node: string) => execution.runData[node]?.[0]?.data?.main ?? [];
			const [crmHealthy, crmAttention] = outputs('Check CRM connection');
			assert.equal(crmHealthy?.[0]?.json.status, 'healthy', JSON.stringify(crmAttention));
			const [, mailboxAttention] = outputs('Check Mailbox connection');
			assert.equal(mailboxAttention?.[0]?.json.status, 'needsReconnect');
			const alerts = outputs('Alert: needs attention')[0] ?? [];
			assert.equal(alerts.length, 1, `one alert: ${JSON.stringify(alerts)}`);
			assert.equal(alerts[0].json.connection, mailbox.credential.name);
			assert.match(
				String(alerts[0].json.alert),
				/needs attention: .*invalid_grant.* To fix: .*Reconnect/,
			);
			const text = JSON.stringify(execution.runData);
			assert.ok(
				!text.includes(crm.issued) && !text.includes(mailbox.issued),
				'no token in the run',
			);
		},
	},
	{
		name: 'UI editor: every demo flow npm start creates runs green from the editor',
		skip: needsNodes,
		timeoutMs: 240_000,
		async run(ctx) {
			const flows = await createDemoContent(ctx.rest, ctx.auth, ctx.api.url);
			assert.equal(flows.length, 3, 'a flow for each node of the package');
			const context = await newContext();
			try {
				const page = await context.newPage();
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				for (const flow of flows) {
					await page.goto(`${ctx.n8n.url}/workflow/${flow.id}`);
					await page.locator('.vue-flow__node').first().waitFor({ timeout: 60_000 });
					await settle(page);
					const runs = (await ctx.rest.listExecutions(flow.id)).results?.length ?? 0;
					await retry(`running ${flow.name}`, 3, async () => {
						if (((await ctx.rest.listExecutions(flow.id)).results?.length ?? 0) === runs)
							await page.locator('[data-test-id="execute-workflow-button"]').first().click();
						await page
							.locator('.vue-flow__node [data-test-id="canvas-node-status-success"]')
							.first()
							.waitFor({ timeout: 30_000 });
					});
					const execution = await latestExecution(ctx, flow.id);
					assert.equal(
						execution.status,
						'success',
						`${flow.name}: ${JSON.stringify(execution.runData).slice(0, 500)}`,
					);
				}
			} finally {
				await context.close();
			}
		},
	},
	{
		name: "UI editor: n8n's HTTP Request node offers Any Service OAuth2 API under Predefined Credential Type",
		skip: (ctx) => (ctx.credentialType ? undefined : 'credential type not loaded'),
		timeoutMs: 150_000,
		async run(ctx) {
			const name = 'HTTP Request';
			const workflow = await ctx.rest.createWorkflow({
				name: 'Predefined credential type',
				nodes: [
					manualTrigger([0, 0]),
					{
						id: randomUUID(),
						name,
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						position: [260, 0],
						parameters: {
							method: 'GET',
							url: `${ctx.api.url}/contacts/1`,
							authentication: 'predefinedCredentialType',
							options: {},
						},
					},
				],
				connections: chain(TRIGGER_NODE, name),
			});
			const context = await newContext();
			try {
				const page = await context.newPage();
				await signIn(page, ctx.n8n.url, OWNER.email, OWNER.password);
				await openWorkflow(page, ctx, workflow.id, 2);
				const panel = await openNodePanel(page, name);
				const credentialType = panel
					.locator('[data-test-id="parameter-input-nodeCredentialType"]')
					.first();
				const option = page
					.locator('.el-select-dropdown__item, [role="option"]')
					.filter({ hasText: 'Any Service OAuth2 API' })
					.filter({ visible: true })
					.first();
				await retry('listing Any Service OAuth2 API among the credential types', 3, async () => {
					await credentialType.click();
					await page.keyboard.type('Any Service');
					await option.waitFor({ timeout: 15_000 });
				}).catch(async (error) => {
					await screenshot(page, ctx.screenshotDir, 'failed-predefined-credential-type').catch(
						() => undefined,
					);
					throw error;
				});
				await option.click();
				// Picked, the node asks for a credential of that type.
				await panel
					.getByText(/Any Service OAuth2 API/)
					.filter({ visible: true })
					.first()
					.waitFor({ timeout: 15_000 });
			} finally {
				await context.close();
			}
		},
	},
];
