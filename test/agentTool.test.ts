/**
 * The nodes as AI Agent tools, through n8n-core's real engine the way AI Agent 3.x runs them
 * (test/harness/agentEngine.ts): what the model's arguments can make the tool do, and what the
 * model reads back. Asserted on the servers' side where a request must not happen.
 */
import assert from 'node:assert/strict';

import { runAgentWithTool, type OfferedTool, type ToolResult } from './harness/agentEngine';
import { loadOptions } from './harness/engine';
import { CLIENT_SECRET, startHarness, type Harness } from './harness/fixtures';
import { ResourceServer } from './harness/resourceServer';

let harness: Harness;
let otherHost: ResourceServer;
beforeAll(async () => {
	harness = await startHarness();
	otherHost = new ResourceServer(harness.auth, '127.0.0.2');
	await otherHost.start();
});
afterAll(async () => {
	await otherHost.stop();
	await harness.stop();
});

/** The HTTP Request tool with every request part left to the model. */
const MODEL_FILLED = {
	method: "={{ $fromAI('method', 'HTTP method', 'string') }}",
	url: "={{ $fromAI('path', 'Path relative to the API base URL, or a full URL', 'string') }}",
	sendQuery: true,
	specifyQuery: 'json',
	jsonQuery: "={{ $fromAI('query', 'Query parameters', 'json') }}",
	sendHeaders: true,
	specifyHeaders: 'json',
	jsonHeaders: "={{ $fromAI('headers', 'Extra headers', 'json') }}",
	// A GET cannot carry a body: Send Body follows the model's method.
	sendBody:
		"={{ !['GET', 'HEAD', 'OPTIONS'].includes($fromAI('method', 'HTTP method', 'string')) }}",
	contentType: 'json',
	specifyBody: 'json',
	jsonBody: "={{ $fromAI('body', 'JSON body', 'json') }}",
};

function call(method: string, path: string, extra: Record<string, unknown> = {}) {
	return { method, path, query: {}, headers: {}, body: {}, ...extra };
}

async function callTool(
	credential: { id: string; name: string },
	rounds: Array<Array<Record<string, unknown>>>,
	parameters: Record<string, unknown> = MODEL_FILLED,
	toolType: 'oAuth2HttpRequestTool' | 'fetchVariablesTool' = 'oAuth2HttpRequestTool',
): Promise<ToolResult[]> {
	const run = await runAgentWithTool({
		store: harness.store,
		credential,
		toolType,
		parameters,
		rounds: rounds as never,
	});
	assert.equal(run.error, undefined, `the execution failed: ${run.error?.message}`);
	assert.equal(run.results.length, rounds.flat().length);
	return run.results;
}

function errorOf(result: ToolResult): string {
	const [answer] = result.answer;
	assert.equal(typeof answer?.error, 'string', `not an error answer: ${result.observation}`);
	return answer.error as string;
}

describe('the HTTP Request node as an agent tool', () => {
	test("the model's method, path, query, headers and body reach the API with the connection's token", async () => {
		const credential = await harness.connectedCredential();
		const [result] = await callTool(credential, [
			[
				call('POST', '/echo', {
					query: { q: 'ada' },
					headers: { 'X-Trace': '7' },
					body: { name: 'Ada' },
				}),
			],
		]);
		const [answer] = result.answer;
		assert.equal(answer.method, 'POST', result.observation);
		assert.deepEqual(answer.query, { q: 'ada' });
		assert.equal((answer.headers as Record<string, string>)['x-trace'], '7');
		assert.deepEqual(JSON.parse(String(answer.body)), { name: 'Ada' });
		assert.equal(answer.hadAuthorization, true);
	});

	test('a response longer than the size the user set is cut, with a note saying how much was left out', async () => {
		const credential = await harness.connectedCredential();
		// About 52000 characters of JSON records.
		const [full] = await callTool(credential, [[call('GET', '/large?mb=0.05')]]);

		const [cut] = await callTool(credential, [[call('GET', '/large?mb=0.05')]], {
			...MODEL_FILLED,
			toolAnswerMaxCharacters: 1000,
		});
		const [answer] = cut.answer;
		const shown = String(answer.response);
		assert.ok(JSON.stringify(shown).length - 2 <= 1000, cut.observation.slice(0, 200));
		assert.ok(shown.length > 500, `only ${shown.length} characters shown`);
		assert.ok(
			cut.observation.length < 1400,
			`the model reads ${cut.observation.length} characters`,
		);
		const [, reported, total, left] = /cut: (\d+) of (\d+) characters shown, (\d+) left out/
			.exec(String(answer.cut))!
			.map(Number);
		assert.equal(reported, shown.length);
		assert.equal(left, total - shown.length, String(answer.cut));
		assert.ok(total > 50000, `total ${total}`);

		// The default keeps a model's context: 20000 characters.
		assert.ok(full.observation.length <= 20000 + 300, `default: ${full.observation.length}`);
		assert.match(String(full.answer[0].cut), /cut: \d+ of \d+ characters shown/);
	});

	test('a model told to send the request elsewhere gets a refusal saying what to change; the other host receives nothing', async () => {
		const credential = await harness.connectedCredential();
		const before = harness.api.requests.length;
		const [foreign, authorization, host] = await callTool(credential, [
			[
				call('GET', `${otherHost.url}/echo`),
				call('GET', '/echo', { headers: { Authorization: 'Bearer attacker' } }),
				call('GET', '/echo', { headers: { Host: otherHost.host } }),
			],
		]);
		assert.match(errorOf(foreign), /127\.0\.0\.2:\d+ is not in the allowed domains/);
		assert.match(
			errorOf(foreign),
			/The token is only sent to: 127\.0\.0\.1\. Use a URL on one of them/,
		);
		assert.match(
			errorOf(authorization),
			/Authorization header is set by the connection.*Remove the Authorization header/s,
		);
		assert.match(errorOf(host), /Host header cannot be set.*put the host into the URL/s);
		assert.equal(otherHost.requests.length, 0, 'the other host received a request');
		assert.equal(harness.api.requests.length, before, 'the API received a refused request');
	});

	test('plain http is refused for a connection whose API is https; nothing is sent', async () => {
		const credential = await harness.connectedCredential({
			extra: { customApiBaseUrl: harness.api.url.replace('http:', 'https:') },
		});
		const before = harness.api.requests.length;
		const [plain] = await callTool(credential, [[call('GET', `${harness.api.url}/echo`)]]);
		assert.match(errorOf(plain), /uses http:\/\/.*only sent over https.*Use the https:\/\/ URL/s);
		assert.equal(harness.api.requests.length, before);
	});

	test('API errors and an unconnected connection come back as text saying what to change, never a secret', async () => {
		const credential = await harness.connectedCredential();
		const [missing] = await callTool(credential, [[call('GET', '/nothing-here')]]);
		assert.match(errorOf(missing), /answered 404.*Check the URL and the IDs in it/s);

		const unconnected = harness.credential({ grantType: 'authorizationCode' });
		const [reconnect] = await callTool(unconnected, [[call('GET', '/me')]]);
		assert.match(errorOf(reconnect), /not authorized yet.*click Connect/s);

		harness.api.script('/leaky', [{ status: 200, body: { echoed: credential.accessToken } }]);
		const [leaky] = await callTool(credential, [[call('GET', '/leaky')]]);
		for (const result of [missing, reconnect, leaky]) {
			assert.ok(!result.observation.includes(credential.accessToken), result.observation);
			assert.ok(!result.observation.includes(CLIENT_SECRET), result.observation);
		}
		assert.match(leaky.observation, /\[redacted\]/);
	});
});

describe('the description the model reads', () => {
	async function offered(
		credential: { id: string; name: string },
		parameters: Record<string, unknown>,
	): Promise<OfferedTool> {
		const run = await runAgentWithTool({
			store: harness.store,
			credential,
			toolType: 'oAuth2HttpRequestTool',
			parameters,
			rounds: [],
		});
		assert.equal(run.error, undefined, run.error?.message);
		assert.equal(run.tools.length, 1);
		return run.tools[0];
	}

	test('the panel offers one built from the connection: provider, API base URL, allowed hosts', async () => {
		const credential = await harness.connectedCredential({
			extra: { provider: 'gitHub' },
		});
		const [option] = (await loadOptions(
			{ store: harness.store, credential, nodeType: 'oAuth2HttpRequest', parameters: {} },
			'getToolDescription',
		)) as Array<{ name: string; value: string }>;
		assert.equal(option.name, option.value);
		assert.match(option.value, /GitHub API at https:\/\/api\.github\.com/);
		assert.match(option.value, /relative to https:\/\/api\.github\.com/);
		assert.match(
			option.value,
			/Only these hosts are allowed: api\.github\.com, uploads\.github\.com/,
		);
		assert.match(option.value, /Authorization or Host headers are refused/);
	});

	test('the agent offers the picked description, or the text the user wrote, with the $fromAI() arguments', async () => {
		const credential = await harness.connectedCredential();
		const [built] = (await loadOptions(
			{ store: harness.store, credential, nodeType: 'oAuth2HttpRequest', parameters: {} },
			'getToolDescription',
		)) as Array<{ value: string }>;
		assert.match(built.value, new RegExp(`API at ${harness.api.url.replace(/\./g, '\\.')}`));

		const picked = await offered(credential, {
			...MODEL_FILLED,
			toolConnectionDescription: built.value,
		});
		assert.equal(picked.description, built.value);
		assert.deepEqual([...picked.arguments].sort(), ['body', 'headers', 'method', 'path', 'query']);

		const written = await offered(credential, {
			...MODEL_FILLED,
			toolConnectionDescription: built.value,
			toolDescription: 'Reads contacts from our CRM',
		});
		assert.equal(written.description, 'Reads contacts from our CRM');

		const unpicked = await offered(credential, MODEL_FILLED);
		assert.match(
			unpicked.description,
			/relative to the API base URL.*other hosts, plain http, and Authorization or Host headers are refused/s,
		);
	});
});

describe('Fetch Variables as an agent tool', () => {
	const parameters = {
		method: 'GET',
		url: "={{ $fromAI('path', 'Path of the contact', 'string') }}",
		output: 'only',
		variables: {
			variable: [
				{
					name: 'lastName',
					path: { __rl: true, mode: 'path', value: 'data.last_name' },
					type: 'auto',
					defaultValue: '',
					required: true,
				},
			],
		},
	};

	test('answers its variables, and an error as text saying what to change', async () => {
		const credential = await harness.connectedCredential();
		const [found, missing] = await callTool(
			credential,
			[[{ path: '/contacts/7' }, { path: '/nothing-here' }]],
			parameters,
			'fetchVariablesTool',
		);
		assert.deepEqual(found.answer, [{ lastName: 'Lovelace-7' }], found.observation);
		assert.match(errorOf(missing), /answered 404.*Check the URL and the IDs in it/s);
	});
});
