/**
 * The run's context (nodes/shared/runContext.ts): the node and the expression-free parameters
 * read once per run, expressions still per item; through n8n-core's real engine, and its reads
 * counted on a stand-in for the host's context.
 */
import assert from 'node:assert/strict';

import type { IExecuteFunctions, INode, INodeParameters } from 'n8n-workflow';

import { runContext } from '../nodes/shared/runContext';
import { startHarness, type Harness } from './harness/fixtures';

let harness: Harness;
beforeAll(async () => {
	harness = await startHarness();
});
afterAll(async () => {
	await harness.stop();
});

test('through the engine: each item gets its own expression values and the same constants', async () => {
	const credential = await harness.connectedCredential();
	for (const nodeType of ['oAuth2HttpRequest', 'fetchVariables'] as const) {
		const run = await harness.run(
			credential,
			nodeType,
			{
				method: 'GET',
				url: 'echo',
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'q', value: '={{ $json.q }}' }] },
				sendHeaders: true,
				specifyHeaders: 'json',
				jsonHeaders: '{"X-Trace": "42"}',
				variables: { variable: [{ name: 'query', path: 'query' }] },
			},
			[{ json: { q: 'a' } }, { json: { q: 'b' } }, { json: { q: 'c' } }],
		);
		assert.equal(run.error, undefined, run.error?.message);
		const queries = run.items.map((item) => (item.json.query ?? item.json.variables) as object);
		assert.deepEqual(
			queries.map((query) => JSON.stringify(query)),
			['{"q":"a"}', '{"q":"b"}', '{"q":"c"}'],
			nodeType,
		);
	}
	const traced = harness.api.requests.slice(-6).map((request) => request.headers['x-trace']);
	assert.deepEqual(traced.slice(0, 3), ['42', '42', '42']);
});

/** A stand-in for the host's context that counts what is read through it. */
function countingContext(parameters: INodeParameters) {
	const reads: string[] = [];
	let nodeReads = 0;
	const node = { name: 'Node', parameters } as unknown as INode;
	const context = {
		getNode: () => {
			nodeReads++;
			return JSON.parse(JSON.stringify(node)) as INode;
		},
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			reads.push(`${name}@${itemIndex}`);
			const value = name.split('.').reduce<unknown>((at, key) => (at as never)?.[key], parameters);
			if (typeof value === 'string' && value.startsWith('='))
				return `${value.slice(1)}#${itemIndex}`;
			return JSON.parse(JSON.stringify(value ?? fallback ?? null)) as unknown;
		},
		continueOnFail: () => false,
	} as unknown as IExecuteFunctions;
	return { context, reads, nodeReads: () => nodeReads };
}

test('a parameter without an expression is read for the first item only, and handed out as a copy', () => {
	const { context, reads } = countingContext({
		method: 'GET',
		options: { timeout: 5000 },
		queryParameters: { parameters: [{ name: 'q', value: '={{ $json.q }}' }] },
	});
	const run = runContext(context);
	const first = run.getNodeParameter('options', 0, {}) as { timeout: number };
	first.timeout = 1;
	assert.deepEqual(run.getNodeParameter('options', 1, {}), { timeout: 5000 });
	assert.equal(run.getNodeParameter('method', 2), 'GET');
	assert.equal(run.getNodeParameter('method', 3), 'GET');
	assert.deepEqual(run.getNodeParameter('queryParameters.parameters', 4, []), [
		{ name: 'q', value: '={{ $json.q }}' },
	]);
	run.getNodeParameter('queryParameters.parameters', 5, []);
	// The same name with another fallback (a parameter that is not set) is its own read.
	assert.equal(run.getNodeParameter('pagination', 6, 'off'), 'off');
	assert.equal(run.getNodeParameter('pagination', 7, 'nextUrl'), 'nextUrl');
	// Options (extractValue, ...) change what the host returns: never answered from the cache.
	run.getNodeParameter('method', 8, undefined, { extractValue: true });
	assert.deepEqual(reads, [
		'options@0',
		'method@2',
		'queryParameters.parameters@4',
		'queryParameters.parameters@5',
		'pagination@6',
		'pagination@7',
		'method@8',
	]);
});

test('the node is read once per run; the rest of the context is the host’s', () => {
	const { context, nodeReads } = countingContext({ method: 'GET' });
	const run = runContext(context);
	assert.equal(run.getNode().name, 'Node');
	assert.equal(run.getNode(), run.getNode());
	assert.equal(nodeReads(), 1);
	assert.equal(run.continueOnFail(), false);
});
