// Times the node in the real n8n server against what users would pick instead: n8n's HTTP Request
// node (latest v4.x) with n8n's generic OAuth2 credential (oAuth2Api), both connected through
// n8n's OAuth2 flow to the same auth server and calling the same API. Each workflow is
// Webhook -> Code (emits ITEMS items) -> the node; the figure is the node's own execution time as
// n8n records it, so it includes every credential read (database row, decryption, expressions
// under n8n's default vm engine). Rounds alternate. E2E_TIMING_OUT=<file> also writes the figures
// there as JSON (the benchmark's realN8n phase reads them).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import {
	CREDENTIAL_TYPE,
	NODE_TYPES,
	type E2eContext,
	type Scenario,
} from '../harness/n8n/context';
import {
	BUILTIN_HTTP_REQUEST_TYPE,
	GENERIC_OAUTH2_TYPE,
	builtinHttpRequestGet,
} from '../harness/n8n/builtinHttpRequest';
import { sleep } from '../harness/n8n/server';
import { connectOverHttp } from '../harness/n8n/oauthFlow';
import { callWebhook, webhookTrigger } from '../harness/n8n/workflows';
import {
	CLIENTS,
	createConnectedCredential,
	customCredentialData,
} from './scenarios/credentialHelpers';

const ITEMS = Number(process.env.E2E_TIMING_ITEMS ?? 2000);
/**
 * n8n's HTTP Request node with this package's credential resolves it three times per item (tens of
 * items/s under vm): fewer items keep its runs about as long as the others'. A rate is a rate.
 */
const BUILTIN_OURS_ITEMS = Number(process.env.E2E_TIMING_BUILTIN_ITEMS ?? Math.min(ITEMS, 400));
const ROUNDS = Number(process.env.E2E_TIMING_ROUNDS ?? 3);
const TARGET = 'Node Under Test';

interface TimedRun {
	/** The node's executionTime in n8n's run data, in ms. */
	nodeMs: number;
	/** From the webhook call to its answer, in ms. */
	wallMs: number;
	items: number;
	error?: string;
}

type RunData = Record<
	string,
	Array<{ executionTime?: number; error?: { message?: string }; data?: { main?: unknown[][] } }>
>;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** An active Webhook -> Code -> node workflow; `run()` calls it once and reads the execution. */
async function timedWorkflow(
	ctx: E2eContext,
	label: string,
	node: Record<string, unknown>,
	items = ITEMS,
): Promise<{ run: () => Promise<TimedRun>; remove: () => Promise<void> }> {
	const trigger = webhookTrigger('timing');
	const workflow = await ctx.rest.createWorkflow({
		name: `timing ${label}`,
		nodes: [
			trigger.node,
			{
				id: randomUUID(),
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [250, 0],
				parameters: {
					jsCode: `return Array.from({ length: ${items} }, (_, index) => ({ json: { index } }));`,
				},
			},
			{ id: randomUUID(), name: TARGET, position: [500, 0], ...node },
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: TARGET, type: 'main', index: 0 }]] },
		},
	});
	await ctx.rest.activateWorkflow(workflow.id, workflow.versionId);
	const url = `${ctx.rest.baseUrl}/webhook/${trigger.path}`;
	const seen = new Set<string>();
	return {
		async run() {
			const started = Date.now();
			await callWebhook(url);
			const wallMs = Date.now() - started;
			for (let attempt = 0; attempt < 40; attempt++) {
				const list = await ctx.rest.listExecutions(workflow.id);
				const latest = list.results?.find((execution) => !seen.has(execution.id));
				if (latest && latest.status !== 'running' && latest.status !== 'new') {
					seen.add(latest.id);
					const execution = await ctx.rest.getExecution(latest.id);
					const data = ctx.parseFlatted(execution.data) as { resultData?: { runData?: RunData } };
					const nodeRun = data.resultData?.runData?.[TARGET]?.[0];
					return {
						nodeMs: nodeRun?.executionTime ?? NaN,
						wallMs,
						items: nodeRun?.data?.main?.[0]?.length ?? 0,
						error: nodeRun?.error?.message,
					};
				}
				await sleep(250);
			}
			throw new Error(`no finished execution of workflow ${workflow.id}`);
		},
		remove: async () => {
			await ctx.rest.deactivateWorkflow(workflow.id).catch(() => undefined);
		},
	};
}

/** The newest HTTP Request 4.x version this n8n has. */
export async function builtinVersion(ctx: E2eContext): Promise<number> {
	const nodes = await ctx.rest.request<Array<{ name: string; version: number | number[] }>>(
		'GET',
		'/types/nodes.json',
	);
	const http = nodes.find((node) => node.name === BUILTIN_HTTP_REQUEST_TYPE);
	const versions = [http?.version ?? []].flat().filter((version) => Math.floor(version) === 4);
	assert.ok(versions.length, 'n8n has no HTTP Request 4.x');
	return Math.max(...versions);
}

export const realN8nTiming: Scenario = {
	name: `real n8n timing: ${ITEMS} items, OAuth2 HTTP Request vs HTTP Request with n8n's generic OAuth2 credential (as is, with one and with four constant expressions), and HTTP Request with this credential`,
	skip: (ctx) =>
		ctx.nodeTypes.has(NODE_TYPES.httpRequest)
			? undefined
			: `${NODE_TYPES.httpRequest} is not loaded`,
	timeoutMs: 10 * 60_000,
	async run(ctx) {
		const client = CLIENTS.basic;
		const { credential: ours } = await createConnectedCredential(
			ctx,
			'Timing ours',
			customCredentialData(ctx, client, 'authorizationCode'),
		);
		const connectedGeneric = async (label: string, fields: Record<string, string>) => {
			const credential = await ctx.rest.createCredential(
				`Timing ${label} ${Date.now().toString(36)}`,
				GENERIC_OAUTH2_TYPE,
				{
					grantType: 'authorizationCode',
					authUrl: ctx.auth.authorizeUrl,
					accessTokenUrl: ctx.auth.tokenUrl,
					clientId: client.clientId,
					clientSecret: client.clientSecret ?? '',
					authentication: 'header',
					...fields,
				},
			);
			const connected = await connectOverHttp(ctx.rest, credential.id);
			assert.match(connected.callbackHtml, /successful/i, `the ${label} credential connected`);
			return credential;
		};
		const scope = 'contacts.read items.read';
		const constant = (value: string) => `={{ ${JSON.stringify(value)} }}`;
		const generic = await connectedGeneric('generic', { scope });
		// The same credential with its Scope typed as one constant expression: the ceiling for any
		// credential that holds an expression field.
		const genericOneExpression = await connectedGeneric('generic one expression', {
			scope: constant(scope),
		});
		// And with the four fields every preset must derive on every read as constant expressions
		// (sign-in URL, token URL, scope, allowed domains): the ceiling for a preset credential.
		const genericFourExpressions = await connectedGeneric('generic four expressions', {
			authUrl: constant(ctx.auth.authorizeUrl),
			accessTokenUrl: constant(ctx.auth.tokenUrl),
			scope: constant(scope),
			allowedHttpRequestDomains: 'domains',
			allowedDomains: constant(new URL(ctx.api.url).hostname),
		});
		const url = `${ctx.api.url}/contacts/1`;
		const version = await builtinVersion(ctx);
		const flows = {
			ours: await timedWorkflow(ctx, 'ours', {
				type: NODE_TYPES.httpRequest,
				typeVersion: 1,
				parameters: { method: 'GET', url, options: {} },
				credentials: { [CREDENTIAL_TYPE]: { id: ours.id, name: ours.name } },
			}),
			builtinGeneric: await timedWorkflow(ctx, 'builtin generic', {
				type: BUILTIN_HTTP_REQUEST_TYPE,
				typeVersion: version,
				parameters: builtinHttpRequestGet(url, { genericType: GENERIC_OAUTH2_TYPE }),
				credentials: { [GENERIC_OAUTH2_TYPE]: { id: generic.id, name: generic.name } },
			}),
			builtinGenericOneExpression: await timedWorkflow(
				ctx,
				'builtin generic one expression',
				{
					type: BUILTIN_HTTP_REQUEST_TYPE,
					typeVersion: version,
					parameters: builtinHttpRequestGet(url, { genericType: GENERIC_OAUTH2_TYPE }),
					credentials: {
						[GENERIC_OAUTH2_TYPE]: {
							id: genericOneExpression.id,
							name: genericOneExpression.name,
						},
					},
				},
				BUILTIN_OURS_ITEMS,
			),
			builtinGenericFourExpressions: await timedWorkflow(
				ctx,
				'builtin generic four expressions',
				{
					type: BUILTIN_HTTP_REQUEST_TYPE,
					typeVersion: version,
					parameters: builtinHttpRequestGet(url, { genericType: GENERIC_OAUTH2_TYPE }),
					credentials: {
						[GENERIC_OAUTH2_TYPE]: {
							id: genericFourExpressions.id,
							name: genericFourExpressions.name,
						},
					},
				},
				BUILTIN_OURS_ITEMS,
			),
			builtinOurs: await timedWorkflow(
				ctx,
				'builtin ours',
				{
					type: BUILTIN_HTTP_REQUEST_TYPE,
					typeVersion: version,
					parameters: builtinHttpRequestGet(url, 'ours'),
					credentials: { [CREDENTIAL_TYPE]: { id: ours.id, name: ours.name } },
				},
				BUILTIN_OURS_ITEMS,
			),
		};
		const itemsOf = (flow: keyof typeof flows) =>
			flow.startsWith('builtin') && flow !== 'builtinGeneric' ? BUILTIN_OURS_ITEMS : ITEMS;
		const runs: Record<keyof typeof flows, TimedRun[]> = {
			ours: [],
			builtinGeneric: [],
			builtinGenericOneExpression: [],
			builtinGenericFourExpressions: [],
			builtinOurs: [],
		};
		try {
			const order: Array<keyof typeof flows> = [
				'ours',
				'builtinGeneric',
				'builtinGenericOneExpression',
				'builtinGenericFourExpressions',
				'builtinOurs',
			];
			// A warm-up of each, then alternating rounds.
			for (const flow of order) await flows[flow].run();
			for (let index = 0; index < ROUNDS; index++) {
				const sequence = index % 2 ? [...order].reverse() : order;
				for (const flow of sequence) {
					ctx.api.clearRecords();
					const run = await flows[flow].run();
					assert.equal(run.error, undefined, `${flow}: ${run.error}`);
					const items = itemsOf(flow);
					assert.equal(run.items, items, `${flow}: ${run.items} of ${items} items`);
					const sent = ctx.api.requests.filter((request) => request.path === '/contacts/1');
					assert.equal(sent.length, items, `${flow}: the API got ${sent.length} requests`);
					assert.ok(
						sent.every((request) => request.status === 200),
						`${flow}: every request authorized`,
					);
					runs[flow].push(run);
				}
			}
		} finally {
			for (const flow of Object.values(flows)) await flow.remove();
		}
		const rate = (flow: keyof typeof flows) =>
			median(runs[flow].map((run) => itemsOf(flow) / (run.nodeMs / 1000)));
		const figures = {
			real_n8n_ratio_vs_builtin_generic: round(rate('ours') / rate('builtinGeneric')),
			real_n8n_ours_items_per_s: round(rate('ours'), 1),
			real_n8n_builtin_generic_items_per_s: round(rate('builtinGeneric'), 1),
			/** n8n's HTTP Request with this credential vs with n8n's generic OAuth2 credential (issue 25). */
			real_n8n_ratio_builtin_node_ours_vs_generic_credential: round(
				rate('builtinOurs') / rate('builtinGeneric'),
			),
			real_n8n_builtin_ours_items_per_s: round(rate('builtinOurs'), 1),
			/** The same node with n8n's generic credential holding one constant expression vs without. */
			real_n8n_ratio_builtin_node_one_expression_vs_generic_credential: round(
				rate('builtinGenericOneExpression') / rate('builtinGeneric'),
			),
			real_n8n_builtin_generic_one_expression_items_per_s: round(
				rate('builtinGenericOneExpression'),
				1,
			),
			/** With the four fields a preset must derive as expressions: a preset credential's ceiling. */
			real_n8n_ratio_builtin_node_four_expressions_vs_generic_credential: round(
				rate('builtinGenericFourExpressions') / rate('builtinGeneric'),
			),
			real_n8n_builtin_generic_four_expressions_items_per_s: round(
				rate('builtinGenericFourExpressions'),
				1,
			),
			real_n8n_builtin_ours_items: BUILTIN_OURS_ITEMS,
			real_n8n_builtin_ours_node_ms_runs: runs.builtinOurs.map((run) => run.nodeMs),
			real_n8n_ours_node_ms_runs: runs.ours.map((run) => run.nodeMs),
			real_n8n_builtin_generic_node_ms_runs: runs.builtinGeneric.map((run) => run.nodeMs),
			real_n8n_ours_wall_ms_runs: runs.ours.map((run) => run.wallMs),
			real_n8n_builtin_generic_wall_ms_runs: runs.builtinGeneric.map((run) => run.wallMs),
			real_n8n_items: ITEMS,
			real_n8n_rounds: ROUNDS,
			real_n8n_version: (
				JSON.parse(
					fs.readFileSync(
						path.join(ctx.install.dir, 'node_modules', 'n8n', 'package.json'),
						'utf8',
					),
				) as { version: string }
			).version,
			real_n8n_builtin_version: `HttpRequest v${version}`,
			// n8nEnv() (harness/n8n/server.ts) sets no N8N_EXPRESSION_ENGINE: n8n start runs its default.
			real_n8n_expression_engine: 'vm',
		};
		process.stdout.write(`    ${JSON.stringify(figures)}\n`);
		if (process.env.E2E_TIMING_OUT) {
			fs.writeFileSync(process.env.E2E_TIMING_OUT, `${JSON.stringify(figures)}\n`);
		}
	},
};
