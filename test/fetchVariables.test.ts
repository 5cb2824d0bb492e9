/** Fetch Variables through n8n-core's real engine, against real OAuth2 and API servers on loopback. */
import assert from 'node:assert/strict';

import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { loadOptions, nodeTypes, runFromSource, sourceNode, typesWith } from './harness/engine';
import { CLIENT_SECRET, itemsOf, startHarness, type Harness } from './harness/fixtures';
import { CREDENTIAL_TYPE } from '../nodes/shared/transport/connection';

let harness: Harness;
beforeAll(async () => {
	harness = await startHarness();
});
afterAll(async () => await harness.stop());

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Credential = { id: string; name: string };
type VariableType = 'auto' | 'string' | 'number' | 'boolean' | 'object';

/** One entry of the Variables collection, as the editor stores it (path picked in "Path" mode). */
function variable(
	name: string,
	path: string,
	extra: { type?: VariableType; required?: boolean; defaultValue?: string } = {},
) {
	return {
		name,
		path: { __rl: true, mode: 'path', value: path },
		type: 'auto',
		defaultValue: '',
		required: true,
		...extra,
	};
}

/** The node's parameters: GET `url`, map these variables, merge them into the input item. */
function fetchParameters(
	url: string,
	variables: Array<ReturnType<typeof variable>>,
	extra: IDataObject = {},
): IDataObject {
	return { method: 'GET', url, variables: { variable: variables }, output: 'merge', ...extra };
}

async function fetchVariables(
	credential: Credential,
	parameters: IDataObject,
	items?: Parameters<Harness['run']>[3],
	continueOnFail?: boolean,
) {
	return await harness.run(credential, 'fetchVariables', parameters, items, continueOnFail);
}

/** Everything an error shows the user: message and description. */
function errorText(error: { message?: string; description?: string | null } | undefined): string {
	assert.ok(error, 'the node failed');
	return `${error.message ?? ''}\n${error.description ?? ''}`;
}

/** Runs `body` and asserts the resource server received no request meanwhile. */
async function withoutRequests<T>(body: () => Promise<T>): Promise<T> {
	const seen = harness.api.requests.length;
	const result = await body();
	assert.equal(harness.api.requests.length, seen, 'the resource server saw no request');
	return result;
}

/** A step after Fetch Variables that reads the variables with expressions, as a Set node would. */
class ReadVariablesNode implements INodeType {
	description = {
		displayName: 'Read Variables',
		name: 'readVariables',
		group: ['transform'],
		version: 1,
		description: 'Test consumer',
		defaults: { name: 'Read Variables' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'From $json', name: 'fromJson', type: 'string', default: '' },
			{ displayName: 'From Node', name: 'fromNode', type: 'string', default: '' },
		],
	} as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_, index) => ({
				json: {
					fromJson: this.getNodeParameter('fromJson', index) as string,
					fromNode: this.getNodeParameter('fromNode', index) as string,
				},
				pairedItem: { item: index },
			})),
		];
	}
}

/** Source -> Fetch Variables -> Read Variables, through WorkflowExecute; returns what the last step saw. */
async function runWithNextStep(
	credential: Credential,
	parameters: IDataObject,
	items: Array<{ json: IDataObject }>,
	nextParameters: IDataObject,
) {
	const nodes: INode[] = [
		sourceNode(items),
		{
			id: 'fetch',
			name: 'Fetch Variables',
			type: 'fetchVariables',
			typeVersion: 1,
			position: [200, 0],
			parameters: parameters as INode['parameters'],
			credentials: { [CREDENTIAL_TYPE]: credential },
		},
		{
			id: 'next',
			name: 'Next',
			type: 'readVariables',
			typeVersion: 1,
			position: [400, 0],
			parameters: nextParameters as INode['parameters'],
		},
	];
	const connections = {
		Source: { main: [[{ node: 'Fetch Variables', type: NodeConnectionTypes.Main, index: 0 }]] },
		'Fetch Variables': { main: [[{ node: 'Next', type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const run = await runFromSource(
		harness.store,
		typesWith({
			fetchVariables: nodeTypes.getByName('fetchVariables') as INodeType,
			readVariables: new ReadVariablesNode(),
		}),
		nodes,
		connections,
		'workflow-fv',
	);
	const runData = run.data.resultData.runData;
	assert.equal(run.data.resultData.error, undefined, run.data.resultData.error?.message);
	return runData.Next?.[0]?.data?.main?.[0] ?? [];
}

/** The path picker as the editor calls it: list search `searchResponsePaths` with the node's parameters. */
async function searchPaths(
	credential: Credential,
	parameters: IDataObject,
	filter?: string,
): Promise<INodeListSearchResult> {
	return (await loadOptions(
		{ store: harness.store, credential, nodeType: 'fetchVariables', parameters },
		'searchResponsePaths',
		filter,
	)) as INodeListSearchResult;
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('the Teamleader-style lookup', () => {
	test('a relative URL built from the input item adds lastName to the item, and the next step reads it', async () => {
		const credential = await harness.connectedCredential();
		const parameters = fetchParameters('={{ "/contacts/" + $json.id }}', [
			variable('lastName', 'data.last_name'),
		]);
		const next = await runWithNextStep(
			credential,
			parameters,
			[{ json: { id: 7 } }, { json: { id: 8 } }],
			{
				fromJson: '={{ $json.lastName }}',
				fromNode:
					"={{ $('Fetch Variables').item.json.lastName + ' (' + $('Fetch Variables').item.json.id + ')' }}",
			},
		);
		assert.deepEqual(
			next.map((item) => item.json),
			[
				{ fromJson: 'Lovelace-7', fromNode: 'Lovelace-7 (7)' },
				{ fromJson: 'Lovelace-8', fromNode: 'Lovelace-8 (8)' },
			],
		);
		const sent = harness.api.requests
			.slice(-2)
			.map((request) => [request.path, request.headers.authorization]);
		assert.deepEqual(sent, [
			['/contacts/7', `Bearer ${credential.accessToken}`],
			['/contacts/8', `Bearer ${credential.accessToken}`],
		]);
	});

	test('the output item is the input item plus the variable, paired with its input', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters('={{ "/contacts/" + $json.id }}', [variable('lastName', 'data.last_name')]),
			[{ json: { id: 7, source: 'crm' } }],
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, { id: 7, source: 'crm', lastName: 'Lovelace-7' });
		assert.deepEqual(result.items[0].pairedItem, { item: 0 });
	});

	test('an absolute URL built from the resource server URL works the same', async () => {
		const credential = await harness.connectedCredential();
		const url = `={{ "${harness.api.url}/contacts/" + $json.id }}`;
		const result = await fetchVariables(
			credential,
			fetchParameters(url, [variable('lastName', 'data.last_name')]),
			[{ json: { id: 12 } }],
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, { id: 12, lastName: 'Lovelace-12' });
		assert.equal(harness.api.requests.at(-1)?.path, '/contacts/12');
	});

	test('query parameters and a POST JSON body are sent', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters(
				'/echo',
				[variable('query', 'query'), variable('body', 'body'), variable('method', 'method')],
				{
					method: 'POST',
					queryParameters: { parameters: [{ name: 'id', value: '={{ $json.id }}' }] },
					jsonBody: '={{ JSON.stringify({ contact: $json.id }) }}',
				},
			),
			[{ json: { id: 5 } }],
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items[0].json.method, 'POST');
		assert.deepEqual(result.items[0].json.query, { id: '5' });
		assert.deepEqual(JSON.parse(String(result.items[0].json.body)), { contact: 5 });
	});
});

describe('path forms', () => {
	test('dot, bracket index and quoted bracket paths read the contact', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters('/contacts/3', [
				variable('lastName', 'data.last_name'),
				variable('secondTag', 'data.tags[1]'),
				variable('firstName', 'data["first-name"]'),
				variable('singleQuoted', "data['last_name']"),
				variable('tags', 'data.tags'),
			]),
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, {
			lastName: 'Lovelace-3',
			secondTag: 'b',
			firstName: 'Ada',
			singleQuoted: 'Lovelace-3',
			tags: ['a', 'b'],
		});
	});

	test('a wildcard collects a value from every element of a list', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script('/list', [
			{
				status: 200,
				body: { items: [{ id: 1 }, { id: 2 }, { name: 'no id' }, { id: 4 }], total: 4 },
			},
		]);
		const result = await fetchVariables(
			credential,
			fetchParameters('/list', [
				variable('ids', 'items[*].id'),
				variable('firstId', 'items[0].id'),
				variable('idsAsText', 'items[*].id', { type: 'string' }),
			]),
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, {
			ids: [1, 2, 4],
			firstId: 1,
			idsAsText: ['1', '2', '4'],
		});
	});

	test('a path starting at a top-level list works', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script('/top', [{ status: 200, body: [{ id: 'x' }, { id: 'y' }] }]);
		const result = await fetchVariables(
			credential,
			fetchParameters('/top', [variable('second', '[1].id'), variable('all', '[*].id')]),
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, { second: 'y', all: ['x', 'y'] });
	});
});

describe('missing paths', () => {
	test('a required path that is missing names the variable, the path, the deepest part and its keys', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters('/contacts/7', [variable('email', 'data.contact.email')]),
		);
		const text = errorText(result.error);
		assert.match(text, /Variable 'email'/);
		assert.match(text, /'data\.contact\.email' was not found/);
		assert.match(text, /deepest part that exists is 'data'/);
		for (const key of ['id', 'first_name', 'last_name', 'first-name', 'age', 'active', 'tags'])
			assert.ok(text.includes(key), `lists ${key}: ${text}`);
	});

	test('an index past the end of a list names the list and its range', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters('/contacts/7', [variable('fifthTag', 'data.tags[4]')]),
		);
		const text = errorText(result.error);
		assert.match(text, /Variable 'fifthTag'/);
		assert.match(text, /deepest part that exists is 'data\.tags', which has: \[0\]\.\.\[1\]/);
	});

	test('a missing path in an empty response says the response is empty', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script('/empty', [{ status: 200, body: {} }]);
		const result = await fetchVariables(
			credential,
			fetchParameters('/empty', [variable('id', 'data.id')]),
		);
		const text = errorText(result.error);
		assert.match(text, /deepest part that exists is the response, which has: \(no fields\)/);
	});

	test('an optional missing path takes its default, converted to the type; an empty default gives null', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters('/contacts/7', [
				variable('email', 'data.email', { required: false, defaultValue: 'unknown@example.com' }),
				variable('score', 'data.score', { required: false, defaultValue: '10', type: 'number' }),
				variable('phone', 'data.phone', { required: false }),
				variable('lastName', 'data.last_name', { required: false, defaultValue: 'ignored' }),
			]),
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, {
			email: 'unknown@example.com',
			score: 10,
			phone: null,
			lastName: 'Lovelace-7',
		});
	});
});

describe('type conversion', () => {
	test('number, boolean, string and object conversions', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script('/typed', [
			{
				status: 200,
				body: { count: 42, enabled: 0, settings: '{"theme":"dark"}', list: '[1,2]', off: 'false' },
			},
		]);
		const contact = await fetchVariables(
			credential,
			fetchParameters('/contacts/7', [
				variable('age', 'data.age', { type: 'number' }),
				variable('active', 'data.active', { type: 'boolean' }),
				variable('tags', 'data.tags', { type: 'string' }),
				variable('rawAge', 'data.age'),
			]),
		);
		assert.equal(contact.error, undefined, contact.error?.message);
		assert.deepEqual(contact.items[0].json, {
			age: 36,
			active: true,
			tags: '["a","b"]',
			rawAge: '36',
		});

		const typed = await fetchVariables(
			credential,
			fetchParameters('/typed', [
				variable('count', 'count', { type: 'string' }),
				variable('enabled', 'enabled', { type: 'boolean' }),
				variable('settings', 'settings', { type: 'object' }),
				variable('list', 'list', { type: 'object' }),
				variable('off', 'off', { type: 'boolean' }),
			]),
		);
		assert.equal(typed.error, undefined, typed.error?.message);
		assert.deepEqual(typed.items[0].json, {
			count: '42',
			enabled: false,
			settings: { theme: 'dark' },
			list: [1, 2],
			off: false,
		});
	});

	test('a value that cannot be converted says so, with the value', async () => {
		const credential = await harness.connectedCredential();
		const cases: Array<[VariableType, string, RegExp]> = [
			['number', 'data.first_name', /Variable 'age': .*'Ada' is not a number.*Number/],
			['boolean', 'data.first_name', /Variable 'age': .*'Ada' is not true or false/],
			[
				'object',
				'data.first_name',
				/Variable 'age': .*'Ada' is not an object or a list, so it cannot be an Object or Array/,
			],
			['number', 'data.tags', /Variable 'age': .*\["a","b"\] is not a number/],
		];
		for (const [type, path, expected] of cases) {
			const result = await fetchVariables(
				credential,
				fetchParameters('/contacts/7', [variable('age', path, { type })]),
			);
			assert.match(String(result.error?.message), expected, `${type} from ${path}`);
		}
	});

	test('a default that cannot be converted says it is the default', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters('/contacts/7', [
				variable('score', 'data.score', { required: false, type: 'number', defaultValue: 'lots' }),
			]),
		);
		assert.match(
			String(result.error?.message),
			/Variable 'score': the default 'lots' is not a number/,
		);
	});
});

describe('responses that are not JSON', () => {
	test('an HTML page fails with its content type and first bytes', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters('/html', [variable('lastName', 'data.last_name')]),
		);
		const text = errorText(result.error);
		assert.match(text, /\/html is not JSON/);
		assert.match(text, /content type 'text\/html'/);
		assert.match(text, /starts with '<html><body>Sign in/);
	});

	test('the error never shows the token, even when the page contains it', async () => {
		const credential = await harness.connectedCredential();
		harness.api.script('/login', [
			{
				status: 200,
				headers: { 'content-type': 'text/html' },
				body: `<p>token ${credential.accessToken} secret ${CLIENT_SECRET}</p>`,
			},
		]);
		const result = await fetchVariables(
			credential,
			fetchParameters('/login', [variable('lastName', 'data.last_name')]),
		);
		const text = `${errorText(result.error)}\n${result.error?.stack ?? ''}`;
		assert.match(text, /is not JSON/);
		assert.ok(!text.includes(credential.accessToken), 'no access token');
		assert.ok(!text.includes(CLIENT_SECRET), 'no client secret');
		assert.match(text, /\[redacted\]/);
	});

	test('an error status fails with the status, not a JSON complaint', async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			fetchParameters('/status/404', [variable('lastName', 'data.last_name')]),
		);
		assert.match(String(result.error?.message), /answered 404: some_error: The API said no/);
	});
});

describe('connections', () => {
	test('a connection that was never connected sends nothing and says to click Connect', async () => {
		const credential = harness.credential({ grantType: 'authorizationCode' }, 'Teamleader');
		const result = await withoutRequests(() =>
			fetchVariables(
				credential,
				fetchParameters('/contacts/7', [variable('lastName', 'data.last_name')]),
				itemsOf(3),
			),
		);
		assert.match(
			String(result.error?.message),
			/Connection 'Teamleader' is not authorized yet: open it and click Connect/,
		);
	});

	test('with continue on fail, every item of an unconnected connection gets the error and nothing is sent', async () => {
		const credential = harness.credential({ grantType: 'authorizationCode' });
		const result = await withoutRequests(() =>
			fetchVariables(
				credential,
				fetchParameters('/contacts/7', [variable('lastName', 'data.last_name')]),
				itemsOf(3),
				true,
			),
		);
		assert.equal(result.items.length, 3);
		result.items.forEach((item, index) => {
			assert.match(String(item.json.error), /is not authorized yet: open it and click Connect/);
			assert.deepEqual(item.pairedItem, { item: index });
		});
	});
});

describe('many items', () => {
	/** Scripts `/slow/<i>` for every item, with delays that finish items out of order. */
	function scriptSlowContacts(count: number): void {
		for (let index = 0; index < count; index++) {
			harness.api.script(`/slow/${index}`, [
				{
					status: 200,
					body: { data: { id: index, name: `contact ${index}` } },
					delayMs: 20 + ((index * 7) % 5) * 15,
				},
			]);
		}
	}

	async function runSlow(count: number, concurrency: number) {
		const credential = await harness.connectedCredential();
		scriptSlowContacts(count);
		harness.api.maxInFlight = 0;
		const result = await fetchVariables(
			credential,
			fetchParameters(
				'={{ "/slow/" + $json.contactId }}',
				[variable('fetchedId', 'data.id'), variable('name', 'data.name')],
				{ options: { concurrency } },
			),
			itemsOf(count, (index) => ({ contactId: index })),
		);
		assert.equal(result.error, undefined, result.error?.message);
		return { result, maxInFlight: harness.api.maxInFlight };
	}

	test('50 items with concurrency 5: never more than 5 requests in flight at the server, each output paired with its input', async () => {
		const { result, maxInFlight } = await runSlow(50, 5);
		assert.ok(maxInFlight <= 5, `at most 5 in flight, saw ${maxInFlight}`);
		assert.ok(maxInFlight >= 3, `requests do run in parallel, saw ${maxInFlight}`);
		assert.equal(result.items.length, 50);
		result.items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.equal(item.json.contactId, index);
			assert.equal(item.json.fetchedId, index);
			assert.equal(item.json.name, `contact ${index}`);
		});
	});

	test('concurrency 1 sends one request at a time', async () => {
		const { result, maxInFlight } = await runSlow(6, 1);
		assert.equal(maxInFlight, 1);
		assert.deepEqual(
			result.items.map((item) => item.json.fetchedId),
			[0, 1, 2, 3, 4, 5],
		);
	});
});

describe('output modes and continue on fail', () => {
	const lookup = (extra: IDataObject = {}) =>
		fetchParameters(
			'={{ "/contacts/" + $json.id }}',
			[variable('lastName', 'data.last_name'), variable('age', 'data.age', { type: 'number' })],
			extra,
		);

	test("'only' outputs just the variables", async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(credential, lookup({ output: 'only' }), [
			{ json: { id: 7, other: 'x' } },
		]);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, { lastName: 'Lovelace-7', age: 36 });
		assert.deepEqual(result.items[0].pairedItem, { item: 0 });
	});

	test("'key' puts the variables under the chosen key next to the input fields", async () => {
		const credential = await harness.connectedCredential();
		const result = await fetchVariables(
			credential,
			lookup({ output: 'key', outputKey: 'contact' }),
			[{ json: { id: 7, other: 'x' } }],
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, {
			id: 7,
			other: 'x',
			contact: { lastName: 'Lovelace-7', age: 36 },
		});
	});

	test("'key' with an empty key is refused rather than merged silently", async () => {
		const credential = await harness.connectedCredential();
		const result = await withoutRequests(() =>
			fetchVariables(credential, lookup({ output: 'key', outputKey: ' ' }), [{ json: { id: 7 } }]),
		);
		assert.match(errorText(result.error), /Key/);
	});

	test('a failing item becomes {error} paired to it while the others succeed', async () => {
		const credential = await harness.connectedCredential();
		const parameters = fetchParameters('={{ $json.url }}', [
			variable('lastName', 'data.last_name'),
		]);
		const items = [
			{ json: { url: '/contacts/1' } },
			{ json: { url: '/status/404' } },
			{ json: { url: '/text' } },
			{ json: { url: '/contacts/4' } },
		];
		const result = await fetchVariables(credential, parameters, items, true);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		assert.deepEqual(result.items[0].json, { url: '/contacts/1', lastName: 'Lovelace-1' });
		assert.match(String(result.items[1].json.error), /answered 404/);
		assert.match(String(result.items[2].json.error), /not JSON.*text\/plain/);
		assert.deepEqual(result.items[3].json, { url: '/contacts/4', lastName: 'Lovelace-4' });
	});

	test('without continue on fail, the first failure stops the node and names the item', async () => {
		const credential = await harness.connectedCredential();
		const parameters = fetchParameters(
			'={{ $json.url }}',
			[variable('lastName', 'data.last_name')],
			{ options: { concurrency: 1 } },
		);
		const result = await fetchVariables(credential, parameters, [
			{ json: { url: '/contacts/1' } },
			{ json: { url: '/contacts/2/missing' } },
		]);
		assert.match(String(result.error?.message), /answered 404/);
		assert.equal(result.error?.context?.itemIndex, 1);
	});
});

describe('the path picker', () => {
	test('lists data.last_name from the sample URL, with a preview of the value', async () => {
		const credential = await harness.connectedCredential();
		const { results } = await searchPaths(credential, {
			url: '={{ "/contacts/" + $json.id }}',
			options: { sampleUrl: '/contacts/42' },
		});
		const byValue = new Map(results.map((result) => [result.value, result.name]));
		for (const path of [
			'data',
			'data.id',
			'data.last_name',
			'data["first-name"]',
			'data.tags',
			'data.tags[0]',
		])
			assert.ok(byValue.has(path), `lists ${path}`);
		assert.match(String(byValue.get('data.last_name')), /"Lovelace-42"/);
		assert.match(String(byValue.get('data.tags')), /list of 2/);
		assert.equal(harness.api.requests.at(-1)?.path, '/contacts/42');
	});

	test('uses the URL when there is no sample URL, and filters by what the user types', async () => {
		const credential = await harness.connectedCredential();
		const { results } = await searchPaths(credential, { url: '/contacts/9' }, 'LAST');
		assert.deepEqual(
			results.map((result) => result.value),
			['data.last_name'],
		);
	});

	test('every path it lists reads back the value it previewed, even for awkward keys', async () => {
		const credential = await harness.connectedCredential();
		const body = {
			data: {
				'a.b': 1,
				'x]y': 2,
				'with space': 3,
				"it's": 4,
				'say "hi"': 5,
				'0': 6,
				items: [{ 'k[0]': 7 }],
				'a"]b': 8,
			},
		};
		harness.api.script('/awkward', [{ status: 200, body }]);
		const { results } = await searchPaths(credential, { url: '/awkward' });
		const leaves = results
			.filter((result) => !/\((object|list of \d+)\)$/.test(result.name))
			.map((result) => String(result.value));
		assert.equal(leaves.length, 8, `lists every leaf: ${leaves.join(' | ')}`);

		harness.api.script('/awkward', [{ status: 200, body }]);
		const variables = leaves.map((path, index) => variable(`v${index}`, path));
		const result = await fetchVariables(credential, fetchParameters('/awkward', variables));
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(Object.values(result.items[0].json).sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
	});

	test('an URL built from the input item, with no sample URL, asks for a sample URL instead of a cryptic error', async () => {
		const credential = await harness.connectedCredential();
		await withoutRequests(async () => {
			await assert.rejects(
				searchPaths(credential, { url: '={{ "/contacts/" + $json.id }}' }),
				(error: Error & { description?: string }) => {
					assert.match(error.message, /URL cannot be worked out without an input item/);
					assert.match(String(error.description), /Sample URL for Path Picker/);
					return true;
				},
			);
		});
	});

	test('reports an unconnected connection as not authorized yet, without calling the API', async () => {
		const credential = harness.credential({ grantType: 'authorizationCode' }, 'Picker');
		await withoutRequests(async () => {
			await assert.rejects(
				searchPaths(credential, { url: '/contacts/1' }),
				/Connection 'Picker' is not authorized yet: open it and click Connect/,
			);
		});
	});

	test('reports a page that is not JSON', async () => {
		const credential = await harness.connectedCredential();
		await assert.rejects(
			searchPaths(credential, { url: '/html' }),
			/is not JSON \(content type 'text\/html'/,
		);
	});
});

describe('bad mapping input', () => {
	async function expectMappingError(
		variables: Array<ReturnType<typeof variable>>,
		expected: RegExp,
	) {
		const credential = await harness.connectedCredential();
		const result = await withoutRequests(() =>
			fetchVariables(credential, fetchParameters('/contacts/7', variables), itemsOf(3)),
		);
		assert.match(errorText(result.error), expected);
	}

	test('an empty name is refused before any request', async () => {
		await expectMappingError(
			[variable('lastName', 'data.last_name'), variable('  ', 'data.id')],
			/Variable 2 has no name/,
		);
	});

	test('duplicate names are refused before any request', async () => {
		await expectMappingError(
			[variable('name', 'data.first_name'), variable('name', 'data.last_name')],
			/Two variables are named 'name'/,
		);
	});

	test('a path syntax error is refused before any request, naming the variable and the position', async () => {
		await expectMappingError(
			[variable('lastName', 'data[')],
			/Variable 'lastName': Path 'data\[' is not valid at character 5: '\[' is never closed/,
		);
		await expectMappingError(
			[variable('tag', 'data.tags[first]')],
			/Variable 'tag': Path 'data\.tags\[first\]' is not valid.*\[0\], \[\*\] or \["name"\]/s,
		);
		await expectMappingError(
			[variable('trailing', 'data.')],
			/Variable 'trailing': Path 'data\.' is not valid at character 6: expected a name/,
		);
	});

	test("a variable named '__proto__' is refused instead of silently vanishing from the output", async () => {
		await expectMappingError([variable('__proto__', 'data')], /Variable 1 is named '__proto__'/);
	});

	test('an empty path or no variables at all is refused before any request', async () => {
		await expectMappingError(
			[variable('lastName', '')],
			/Variable 'lastName': .*the path is empty/,
		);
		await expectMappingError([], /No variables to fetch/);
	});
});
