/** Inputs checked before anything is sent, and inputs that look odd but are accepted. */
import assert from 'node:assert/strict';

import { faultSuite } from './harness/faultKit';
import { type Harness } from './harness/fixtures';

const suite = faultSuite(__filename);
const { fault } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
});

describe('inputs checked', () => {
	fault(
		'Fetch Variables with another method than GET or POST',
		'refused before sending; get/post in any case are accepted',
		async () => {
			const credential = await harness.connectedCredential();
			const variables = { variable: [{ name: 'method', path: 'method' }] };
			const lower = await harness.run(credential, 'fetchVariables', {
				method: '={{ "post" }}',
				url: '/echo',
				jsonBody: '{"a":1}',
				variables,
			});
			assert.equal(lower.error, undefined, lower.error?.message);
			assert.equal(lower.items[0].json.method, 'POST');
			const before = harness.api.requests.length;
			const refused = await harness.run(credential, 'fetchVariables', {
				method: '={{ "DELETE" }}',
				url: '/echo',
				variables,
			});
			assert.equal(refused.error?.message, "The method 'DELETE' is not supported");
			assert.match(String(refused.error?.description), /GET or POST/);
			assert.equal(harness.api.requests.length, before, 'nothing was sent');
		},
	);
});

suite.faultTableTest();
