/** Fetch Variables through n8n-core's real engine, against real OAuth2 and API servers on loopback. */
import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import {
	errorText,
	fetchParameters,
	fetchVariablesSuite,
	variable,
} from './harness/fetchVariables';
import { itemsOf, type Harness } from './harness/fixtures';

const suite = fetchVariablesSuite();
const { fetchVariables, withoutRequests, runWithNextStep } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
});

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
