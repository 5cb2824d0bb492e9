/** The path picker (nodes/FetchVariables/searchResponsePaths.ts): list search over a sample response. */
import assert from 'node:assert/strict';

import { fetchParameters, fetchVariablesSuite, variable } from './harness/fetchVariables';
import type { Harness } from './harness/fixtures';

const suite = fetchVariablesSuite();
const { fetchVariables, withoutRequests, searchPaths } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
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
