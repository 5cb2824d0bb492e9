/**
 * Reading variables from a response (nodes/FetchVariables/variables.ts): missing paths, type
 * conversion, responses that are not JSON, and mappings refused before any request.
 */
import assert from 'node:assert/strict';

import {
	errorText,
	fetchParameters,
	fetchVariablesSuite,
	variable,
	type VariableType,
} from './harness/fetchVariables';
import { CLIENT_SECRET, itemsOf, type Harness } from './harness/fixtures';

const suite = fetchVariablesSuite();
const { fetchVariables, withoutRequests } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
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
