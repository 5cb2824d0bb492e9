// Runs a node under test inside a real n8n workflow: Webhook trigger (responds with the last node's
// output) -> the node. Activating the workflow and calling its webhook gives a synchronous answer;
// the stored execution then tells which node failed and why.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { N8nRest } from './server';
import { RestError, sleep } from './server';

export interface NodeUnderTest {
	name?: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface WorkflowRun {
	webhookStatus: number;
	webhookBody: unknown;
	executionId?: string;
	status?: string;
	/** Items the node under test output (json only). */
	items: Array<Record<string, unknown>>;
	/** The error message of the failed node, if any. */
	error?: string;
}

/** n8n stores execution data `flatted`-encoded; its own copy of flatted decodes it. */
export function flattedParser(n8nInstallDir: string): (text: string) => unknown {
	const requireFromN8n = createRequire(
		path.join(n8nInstallDir, 'node_modules', 'n8n', 'package.json'),
	);
	return (requireFromN8n('flatted') as { parse: (text: string) => unknown }).parse;
}

type RunData = Record<
	string,
	Array<{
		error?: { message?: string; description?: string };
		data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	}>
>;

interface ExecutionData {
	resultData?: { error?: { message?: string; description?: string }; runData?: RunData };
}

/** A Webhook trigger named 'Webhook' (GET, answers with the last node's output) on a fresh path. */
export function webhookTrigger(prefix: string): { node: Record<string, unknown>; path: string } {
	const webhookPath = `${prefix}-${randomUUID()}`;
	return {
		path: webhookPath,
		node: {
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'GET', path: webhookPath, responseMode: 'lastNode', options: {} },
		},
	};
}

export async function runNodeViaWebhook(
	rest: N8nRest,
	parse: (text: string) => unknown,
	node: NodeUnderTest,
): Promise<WorkflowRun> {
	const nodeName = node.name ?? 'Node Under Test';
	const trigger = webhookTrigger('e2e');
	const webhookPath = trigger.path;
	const workflow = await rest.createWorkflow({
		name: `e2e ${nodeName} ${webhookPath.slice(4, 12)}`,
		nodes: [trigger.node, { id: randomUUID(), position: [300, 0], ...node, name: nodeName }],
		connections: { Webhook: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
	});
	await rest.activateWorkflow(workflow.id, workflow.versionId);
	try {
		const { status, text } = await callWebhook(`${rest.baseUrl}/webhook/${webhookPath}`);
		let webhookBody: unknown = text;
		try {
			webhookBody = JSON.parse(text);
		} catch {
			// not JSON
		}
		const run: WorkflowRun = { webhookStatus: status, webhookBody, items: [] };
		await readExecution(rest, parse, workflow.id, nodeName, run);
		return run;
	} finally {
		await rest.deactivateWorkflow(workflow.id).catch(() => undefined);
	}
}

/**
 * Activation registers the webhook a moment after the REST call returns: retry while unknown.
 * n8n holds the answer until the execution ends; a call that gets no answer for `timeoutMs`
 * fails with code ETIMEDOUT instead of holding the suite.
 */
export async function callWebhook(
	url: string,
	timeoutMs = 120_000,
): Promise<{ status: number; text: string }> {
	for (let attempt = 0; ; attempt++) {
		const answer = await getOnConnectionOfItsOwn(url, timeoutMs);
		if (answer.status !== 404 || !answer.text.includes('is not registered') || attempt >= 40)
			return answer;
		await sleep(250);
	}
}

/**
 * One GET on a new connection. n8n closes an idle keep-alive connection after 5 s; a pooled one
 * reused at that moment fails the call ("fetch failed": other side closed), which a busy machine
 * and pauses between waves of calls make likely.
 */
function getOnConnectionOfItsOwn(
	url: string,
	timeoutMs: number,
): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent: false }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
			);
		});
		request.setTimeout(timeoutMs, () =>
			request.destroy(
				Object.assign(new Error(`no answer from ${url} within ${timeoutMs / 1000} s`), {
					code: 'ETIMEDOUT',
				}),
			),
		);
		request.on('error', reject);
	});
}

/** Fills status, items and error from the workflow's latest execution (saved asynchronously). */
export async function readExecution(
	rest: N8nRest,
	parse: (text: string) => unknown,
	workflowId: string,
	nodeName: string,
	run: WorkflowRun,
): Promise<void> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const list = await rest.listExecutions(workflowId).catch((error: RestError) => {
			throw new Error(`listing executions failed: ${error.message}`);
		});
		const latest = list.results?.[0];
		if (latest && latest.status !== 'running' && latest.status !== 'new') {
			const execution = await rest.getExecution(latest.id);
			const data = parse(execution.data) as ExecutionData;
			run.executionId = latest.id;
			run.status = execution.status;
			const nodeRun = data.resultData?.runData?.[nodeName]?.[0];
			run.items = (nodeRun?.data?.main?.[0] ?? []).map((item) => item.json);
			const error = nodeRun?.error ?? data.resultData?.error;
			if (error) run.error = [error.message, error.description].filter(Boolean).join(' — ');
			return;
		}
		await sleep(250);
	}
}
