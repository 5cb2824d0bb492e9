/**
 * The check request of a preset, per grant, with its method, headers and body (issue 23), through
 * the OAuth2 Connection node's Check in n8n-core's real engine. While these run every name resolves
 * to loopback, where nothing listens on 443: no check leaves the machine; Node's http client's
 * diagnostics channel shows each request the check created (method, URL, headers, body).
 */
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import dns from 'node:dns';
import type { ClientRequest } from 'node:http';

import { PRESET_FIELDS } from '../credentials/providerPresets';
import { startHarness, type Harness } from './harness/fixtures';

interface Started {
	method: string;
	url: string;
	headers: Record<string, unknown>;
	body: string;
}

let harness: Harness;
const started: Started[] = [];
const originalLookup = dns.lookup;
function onRequestStart(message: unknown): void {
	const request = (message as { request: ClientRequest }).request;
	const record: Started = {
		method: request.method,
		url: `${request.protocol}//${request.host}${request.path}`,
		headers: request.getHeaders(),
		body: '',
	};
	started.push(record);
	// Seen, not changed: the chunks the client writes are passed on as they are.
	const write = request.write.bind(request) as (...args: unknown[]) => boolean;
	const end = request.end.bind(request) as (...args: unknown[]) => ClientRequest;
	const note = (chunk: unknown) => {
		if (typeof chunk === 'string') record.body += chunk;
		else if (ArrayBuffer.isView(chunk))
			record.body += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString();
	};
	request.write = ((chunk: unknown, ...rest: unknown[]) => {
		note(chunk);
		return write(chunk, ...rest);
	}) as typeof request.write;
	request.end = ((chunk?: unknown, ...rest: unknown[]) => {
		if (typeof chunk !== 'function') note(chunk);
		return end(chunk, ...rest);
	}) as typeof request.end;
}
beforeAll(async () => {
	harness = await startHarness();
	dns.lookup = ((_hostname: string, ...rest: unknown[]) =>
		(originalLookup as (...args: unknown[]) => void)('127.0.0.1', ...rest)) as typeof dns.lookup;
	diagnosticsChannel.subscribe('http.client.request.created', onRequestStart);
});
afterAll(async () => {
	diagnosticsChannel.unsubscribe('http.client.request.created', onRequestStart);
	dns.lookup = originalLookup;
	await harness.stop();
});

const samples = Object.fromEntries(
	Object.entries(PRESET_FIELDS).map(([key, field]) => [key, field.sample]),
);

/** The requests one Check of a connected `provider` connection started, and its report. */
async function checkOf(provider: string, grantType = 'authorizationCode') {
	const credential = harness.credential({
		...samples,
		provider,
		grantType,
		oauthTokenData: {
			access_token: `check-request-${provider}`,
			token_type: 'Bearer',
			expires_in: 3600,
			n8n_expires_at: String(Date.now() + 3_600_000),
		},
	});
	started.length = 0;
	const result = await harness.run(credential, 'oAuth2Connection', {
		operation: 'check',
		checkUrl: '',
	});
	assert.equal(result.error, undefined, result.error?.message);
	const report = [...(result.outputs[0] ?? []), ...(result.outputs[1] ?? [])][0].json;
	return { requests: [...started], report };
}

describe('the check request of a preset', () => {
	test('Dropbox: a POST with no body', async () => {
		const { requests } = await checkOf('dropbox');
		assert.ok(requests.length >= 1);
		assert.equal(requests[0].method, 'POST');
		assert.equal(requests[0].url, 'https://api.dropboxapi.com/2/users/get_current_account');
		assert.equal(requests[0].body, '');
	});

	test('Notion: a GET with the Notion-Version header', async () => {
		const { requests } = await checkOf('notion');
		assert.equal(requests[0].method, 'GET');
		assert.equal(requests[0].url, 'https://api.notion.com/v1/users/me');
		assert.equal(requests[0].headers['notion-version'], '2022-06-28');
	});

	test('monday.com: a GraphQL query as a JSON POST', async () => {
		const { requests } = await checkOf('mondayCom');
		assert.equal(requests[0].method, 'POST');
		assert.equal(requests[0].url, 'https://api.monday.com/v2');
		assert.deepEqual(JSON.parse(requests[0].body), { query: '{ me { id name } }' });
		assert.match(String(requests[0].headers['content-type']), /application\/json/);
	});

	test('client credentials: no user check where the check names a user; another check where one fits', async () => {
		const browser = await checkOf('auth0');
		assert.equal(browser.requests[0].url, `https://${samples.auth0Domain}/userinfo`);
		const machine = await checkOf('auth0', 'clientCredentials');
		assert.deepEqual(machine.requests, []);
		assert.equal(machine.report.checkedLive, false);
		assert.match(String(machine.report.note), /^Not checked live: /);
		const spotify = await checkOf('spotify', 'clientCredentials');
		assert.equal(spotify.requests[0].url, 'https://api.spotify.com/v1/markets');
	});
});
