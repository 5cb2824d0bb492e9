/**
 * No secret anywhere (transport/errors.ts, request.ts): not in outputs, errors, run data or logs,
 * whatever the token endpoint or the API answers.
 */
import assert from 'node:assert/strict';

import { captureLogs, faultSuite, get, type CapturedRun } from './harness/faultKit';
import { itemsOf, type Harness } from './harness/fixtures';
import { redact, redactTokenEndpointText } from '../nodes/shared/transport/errors';

const suite = faultSuite(__filename);
const { run, assertNoSecrets, connectedWithTokenUrl, fault } = suite;
let harness: Harness;
beforeAll(() => {
	({ harness } = suite);
});

describe('secrets nowhere', () => {
	fault(
		'a token endpoint answering with an unparseable body full of tokens',
		'neither the quoted body nor a token in the error',
		async () => {
			const leaked = 'at-LEAKED-1234567890';
			const credential = await connectedWithTokenUrl(`${harness.api.url}/oauth/form-token`);
			harness.api.rejectToken(credential.accessToken);
			harness.api.script('/oauth/form-token', [
				{
					status: 200,
					headers: { 'content-type': 'text/html' },
					body: `access_token=${leaked}&refresh_token=rt-LEAKED-0987654321&id_token=it-LEAKED-55`,
				},
			]);
			const result = await run(credential, get('/contacts/1'));
			const text =
				JSON.stringify(result.items) +
				String(result.items[0].error?.description) +
				result.logs.join('\n');
			assert.match(
				String(result.items[0].json.error),
				/^Could not refresh the token of connection/,
			);
			assert.doesNotMatch(text, /LEAKED|but received/);
		},
	);

	fault(
		'responses that echo the connection’s tokens (headers, Never Error bodies, id tokens)',
		'redacted in the output and in errors',
		async () => {
			const idToken = 'eyJhbGciOi.id-token-secret-part.sig';
			const credential = await harness.connectedCredential();
			harness.store.setTokenData(credential.id, {
				...(harness.store.stored(credential.id).oauthTokenData as object),
				id_token: idToken,
			});
			harness.api.script('/contacts/echo-header', [
				{
					status: 200,
					headers: { 'x-echo': `Bearer ${credential.accessToken}` },
					body: { ok: true },
				},
			]);
			const headers = await run(
				credential,
				get('/contacts/echo-header', { options: { fullResponse: true } }),
			);
			assert.equal(
				(headers.items[0].json.headers as Record<string, string>)['x-echo'],
				'Bearer [redacted]',
			);

			harness.api.script('/contacts/echo-body', [
				{ status: 400, body: { error: 'bad', received: credential.accessToken, id: idToken } },
			]);
			const body = await run(
				credential,
				get('/contacts/echo-body', { options: { neverError: true } }),
			);
			assert.deepEqual(body.items[0].json, {
				error: 'bad',
				received: '[redacted]',
				id: '[redacted]',
			});

			harness.api.script('/contacts/echo-error', [
				{ status: 400, body: { error: `bad id ${idToken}` } },
			]);
			const failed = await run(credential, get('/contacts/echo-error'));
			assert.match(String(failed.items[0].json.error), /bad id \[redacted\]/);
			assert.doesNotMatch(JSON.stringify(failed.run), /id-token-secret-part/);
		},
	);

	fault(
		'2xx responses that echo the live tokens (an echo or token-info endpoint), in every response format of both nodes',
		'the tokens are replaced by a marker in the output, binary data, pages and variables',
		async () => {
			const idToken = 'eyJhbGciOi.live-id-token-part.sig';
			const credential = await harness.connectedCredential();
			harness.store.setTokenData(credential.id, {
				...(harness.store.stored(credential.id).oauthTokenData as object),
				id_token: idToken,
			});
			const { accessToken, refreshToken } = credential;
			const echo = () => ({
				status: 200,
				headers: { 'x-token-info': accessToken },
				body: {
					active: true,
					token: accessToken,
					refresh: `refresh is ${refreshToken}`,
					id: idToken,
					next: null,
				},
			});
			const runs: CapturedRun[] = [];
			for (const options of [
				{},
				{ fullResponse: true },
				{ responseFormat: 'text' },
				{ responseFormat: 'file' },
			]) {
				harness.api.script('/token-info', [echo()]);
				runs.push(await run(credential, get('/token-info', { options })));
			}
			const file = runs[3].items[0].binary?.data;
			assert.ok(file, 'the file format gives binary data');
			// In-memory binary mode: the file's content is in the item, base64.
			const fileText = Buffer.from(file.data, 'base64').toString('utf8');
			assert.match(fileText, /"token":"\[redacted\]"/);

			harness.api.script('/token-info-pages', [echo()]);
			runs.push(
				await run(credential, {
					...get('/token-info-pages'),
					pagination: 'nextUrl',
					nextUrlPath: 'next',
					paginationOutput: 'pages',
				}),
			);
			harness.api.script('/token-info-variables', [echo()]);
			const variables = await captureLogs(
				async () =>
					await harness.run(credential, 'fetchVariables', {
						url: '/token-info-variables',
						variables: {
							variable: [
								{ name: 'token', path: 'token' },
								{ name: 'id', path: 'id' },
							],
						},
					}),
			);
			runs.push({ ...variables.value, logs: variables.logs, elapsedMs: 0 });
			assert.equal(runs[0].items[0].json.token, '[redacted]');
			assert.equal(runs[5].items[0].json.token, '[redacted]');
			for (const result of runs) {
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 1);
				assertNoSecrets(result, credential);
				assert.doesNotMatch(JSON.stringify(result.run), /live-id-token-part/);
			}
		},
	);

	fault(
		"the path picker's sample is not JSON and holds the token",
		'its error carries no token',
		async () => {
			const { loadOptions } = await import('./harness/engine');
			const credential = await harness.connectedCredential();
			harness.api.script('/contacts/picker-text', [
				{
					status: 200,
					headers: { 'content-type': 'text/plain' },
					body: `seen ${credential.accessToken}`,
				},
			]);
			await assert.rejects(
				loadOptions(
					{
						store: harness.store,
						credential,
						nodeType: 'fetchVariables',
						parameters: { url: '/contacts/picker-text' },
					},
					'searchResponsePaths',
				),
				(error: Error) => {
					assert.match(error.message, /is not JSON/);
					assert.ok(!error.message.includes(credential.accessToken), error.message);
					return true;
				},
			);
		},
	);

	fault(
		'a failing refresh shared by two workflows',
		'each gets its own error, built with its own node',
		async () => {
			const credential = await connectedWithTokenUrl(`${harness.api.url}/oauth/slow-down`);
			harness.api.rejectToken(credential.accessToken);
			harness.api.script('/oauth/slow-down', [{ status: 503, delayMs: 300 }]);
			const [first, second] = await Promise.all([
				harness.run(
					credential,
					'oAuth2HttpRequest',
					get('/contacts/1?workflow=first'),
					itemsOf(1),
					false,
					'workflow-first',
				),
				harness.run(
					credential,
					'oAuth2HttpRequest',
					get('/contacts/2?workflow=second'),
					itemsOf(1),
					false,
					'workflow-second',
				),
			]);
			assert.equal(harness.api.count('/oauth/slow-down'), 1, 'the two runs shared one refresh');
			for (const [result, own] of [
				[first, 'first'],
				[second, 'second'],
			] as const) {
				assert.match(String(result.error?.message), /^Could not refresh the token of connection/);
				const node = (result.error as unknown as { node?: { parameters?: { url?: string } } }).node;
				assert.equal(node?.parameters?.url, `/contacts/${own === 'first' ? 1 : 2}?workflow=${own}`);
			}
		},
	);
});

test('token-endpoint text: the quoted response is left out and token fields are masked in every shape', () => {
	const quoted =
		'Expected JSON response from OAuth2 token endpoint (content-type: text/html) but received: access_token=abc&refresh_token=def';
	assert.equal(
		redactTokenEndpointText(quoted, []),
		'Expected JSON response from OAuth2 token endpoint (content-type: text/html) (its content is not shown)',
	);
	assert.equal(
		redactTokenEndpointText('{"access_token":"a\\/b","code":"xyz","id_token":"i"}', []),
		'{"access_token":"[redacted]","code":"[redacted]","id_token":"[redacted]"}',
	);
	assert.equal(
		redact('{"body":"{\\"refresh_token\\":\\"r1\\"}"}', []),
		'{"body":"{\\"refresh_token\\":\\"[redacted]\\"}"}',
	);
	assert.equal(redact('code=602&access_token=tok', []), 'code=602&access_token=[redacted]');
});

suite.faultTableTest();
