/**
 * Is the connection authorized (transport/authorized.ts): a connection never connected, or with
 * settings that cannot work, is refused per item with what to click, and the panel says so.
 */
import assert from 'node:assert/strict';

import type { INodeTypeDescription } from 'n8n-workflow';

import { nodeTypes } from './harness/engine';
import { faultSuite, get } from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';

const suite = faultSuite(__filename);

let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
});

describe('authorization', () => {
	test('a connection that was never authorized is refused per item, with what to click, and nothing is sent', async () => {
		const credential = harness.credential({ grantType: 'authorizationCode' }, 'Never Connected');
		const before = harness.api.requests.length;
		const failed = await harness.run(credential, 'oAuth2HttpRequest', get('/contacts/1'));
		assert.equal(
			failed.error?.message,
			"Connection 'Never Connected' is not authorized yet: open it and click Connect",
		);
		assert.match(String(failed.error?.description), /click Connect/);

		const continued = await harness.run(
			credential,
			'oAuth2HttpRequest',
			get('/contacts/1'),
			itemsOf(3),
			true,
		);
		assert.equal(continued.items.length, 3);
		continued.items.forEach((item, index) => {
			assert.match(String(item.json.error), /not authorized yet/);
			assert.deepEqual(item.pairedItem, { item: index });
		});
		assert.equal(harness.api.requests.length, before, 'the resource server saw no request');
	});

	test('a PKCE connection without a token is refused the same way', async () => {
		const credential = harness.credential({ grantType: 'pkce', appClientSecret: '' }, 'PKCE App');
		const result = await harness.run(credential, 'oAuth2HttpRequest', get('/contacts/1'));
		assert.match(String(result.error?.message), /'PKCE App' is not authorized yet/);
	});

	test('the panel reports an unconnected connection at design time', async () => {
		const unconnected = harness.credential({ grantType: 'authorizationCode' }, 'Design Time');
		await assert.rejects(
			harness.connectionStatus(unconnected),
			/'Design Time' is not authorized yet: open it and click Connect/,
		);
		const connected = await harness.connectedCredential({ name: 'Ready' });
		assert.match(
			await harness.connectionStatus(connected),
			/'Ready' is authorized, token valid until \S+; may call 127\.0\.0\.1/,
		);
	});

	test('the panel shows a neutral line, not an error, before a connection is assigned', async () => {
		// The editor asks for the status when the node panel opens, before it assigns a credential.
		const tokenCallsBefore = harness.auth.tokenRequests.length;
		for (const nodeType of ['oAuth2HttpRequest', 'fetchVariables', 'oAuth2Connection'] as const) {
			assert.match(
				await harness.connectionStatus(undefined, nodeType),
				/^Choose a connection above to see its status here$/,
			);
		}
		assert.equal(harness.auth.tokenRequests.length, tokenCallsBefore);
	});

	test('the Connection Status field says what it is: a status, not a list to pick from', () => {
		for (const type of ['oAuth2HttpRequest', 'fetchVariables', 'oAuth2Connection']) {
			const { properties } = nodeTypes.getByName(type).description as INodeTypeDescription;
			const field = properties.find((property) => property.name === 'connectionStatus');
			assert.equal(field?.displayName, 'Connection Status', type);
			assert.doesNotMatch(String(field?.description), /Choose from the list|specify an ID/, type);
			assert.match(String(field?.description), /status of the connection chosen above/, type);
		}
	});

	test('the nodes call the credential by the name the credential picker lists', () => {
		// One name for the credential everywhere; searching the picker for it (or "OAuth2") finds it.
		const credentialName = 'Any Service OAuth2 API';
		for (const type of ['oAuth2HttpRequest', 'fetchVariables', 'oAuth2Connection']) {
			const description = nodeTypes.getByName(type).description as INodeTypeDescription;
			assert.ok(description.description.includes(credentialName), type);
			const field = description.properties.find((property) => property.name === 'connectionStatus');
			assert.ok(String(field?.description).includes(credentialName), type);
			assert.doesNotMatch(JSON.stringify(description), /an OAuth2 Connection\b/, type);
		}
	});

	test('the status fits the select box; the whole line is its description', async () => {
		const connected = await harness.connectedCredential({ name: 'A connection with a long name' });
		const [summary, full] = (await harness.connectionStatus(connected)).split('\n');
		assert.ok(summary.length <= 48, `the box shows about 48 characters: '${summary}'`);
		assert.match(summary, /^Authorized, token valid until \d\d:\d\d UTC$/);
		assert.match(
			full,
			/'A connection with a long name' is authorized, token valid until \S+; may call 127\.0\.0\.1/,
		);
	});

	test('a token valid for days, or expired days ago, shows its date: the longest line still fits the box', async () => {
		const day = 86_400_000;
		const cases: Array<[string, number, RegExp]> = [
			['authorizationCode', 2 * day, /^Authorized, token valid until \d{4}-\d\d-\d\d$/],
			['clientCredentials', 2 * day, /^Client credentials, token valid until \d{4}-\d\d-\d\d$/],
			['clientCredentials', -2 * day, /^Client credentials, token expired \d{4}-\d\d-\d\d$/],
			// Within a day either way, the time: the next (or the last) 12:42, whichever day it falls on.
			['clientCredentials', day - 60_000, /^Client credentials, token valid until \d\d:\d\d UTC$/],
		];
		for (const [grantType, expiresInMs, expected] of cases) {
			const connection = await harness.connectedCredential({
				expiresInMs,
				extra: { grantType },
			});
			const [summary, full] = (await harness.connectionStatus(connection)).split('\n');
			assert.match(summary, expected, `${grantType}, ${expiresInMs} ms`);
			assert.ok(summary.length <= 48, `the box shows about 48 characters: '${summary}'`);
			assert.match(full, /token (valid until|expired) \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
		}
	});

	test('the panel reports a preset field that is not what it should be, before anything is sent', async () => {
		const broken = await harness.connectedCredential({
			name: 'Bad Shop',
			extra: { provider: 'shopify', shopifyShop: 'shop.evil.example' },
		});
		await assert.rejects(
			harness.connectionStatus(broken, 'fetchVariables'),
			/^NodeOperationError: Shopify Shop of connection 'Bad Shop' is not valid: 'shop\.evil\.example' is not a single name/,
		);
	});
});
