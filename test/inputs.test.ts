/** Inputs checked before anything is sent, and inputs that look odd but are accepted. */
import assert from 'node:assert/strict';

import { faultSuite, get } from './harness/faultKit';
import type { Harness } from './harness/fixtures';

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

/** The connection name the accepted inputs run with. */
const CONNECTION = 'CRM';

describe('inputs that are accepted', () => {
	test('empty scopes: a Custom client-credentials connection sends no scope parameter and works', async () => {
		const credential = harness.credential(
			{ grantType: 'clientCredentials', scopes: '' },
			CONNECTION,
		);
		const before = harness.auth.tokenRequests.length;
		const result = await harness.run(credential, 'oAuth2HttpRequest', get('/contacts/1'));
		assert.equal(result.error, undefined, result.error?.message);
		const [tokenRequest] = harness.auth.tokenRequests.slice(before);
		assert.equal(tokenRequest.grantType, 'client_credentials');
		assert.equal(tokenRequest.scope, undefined);
	});

	test('a missing scope surfaces as a 403 that says to add scopes and reconnect', async () => {
		const credential = await harness.connectedCredential({ name: CONNECTION });
		const result = await harness.run(credential, 'oAuth2HttpRequest', get('/status/403'));
		assert.match(String(result.error?.message), /answered 403/);
		assert.match(
			String(result.error?.description),
			/add the needed scopes in the connection and reconnect/,
		);
	});
});

suite.faultTableTest();
