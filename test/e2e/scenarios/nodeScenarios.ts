// The nodes inside real workflows: the token reaches the API, refreshes happen, unconnected
// credentials fail before anything is sent.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {
	CREDENTIAL_TYPE,
	NODE_TYPES,
	type E2eContext,
	type Scenario,
} from '../../harness/n8n/context';
import {
	BUILTIN_HTTP_REQUEST_TYPE,
	builtinHttpRequestGet,
} from '../../harness/n8n/builtinHttpRequest';
import { sleep } from '../../harness/n8n/server';
import { runNodeViaWebhook, type WorkflowRun } from '../../harness/n8n/workflows';
import { builtinVersion } from '../realN8nTiming';
import {
	CLIENTS,
	createConnectedCredential,
	createCredential,
	customCredentialData,
	EXPECTED_SCOPE,
} from './credentialHelpers';

const needsHttpNode: Scenario['skip'] = (ctx) =>
	ctx.nodeTypes.has(NODE_TYPES.httpRequest) ? undefined : `${NODE_TYPES.httpRequest} is not loaded`;

async function runHttpNode(
	ctx: E2eContext,
	credential: { id: string; name: string },
	parameters: Record<string, unknown>,
): Promise<WorkflowRun> {
	return runNodeViaWebhook(ctx.rest, ctx.parseFlatted, {
		name: 'OAuth2 HTTP Request',
		type: NODE_TYPES.httpRequest,
		typeVersion: 1,
		parameters: { method: 'GET', ...parameters },
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	});
}

/** n8n's own HTTP Request node (latest 4.x) with this credential as a predefined credential type. */
async function runBuiltinHttpNode(
	ctx: E2eContext,
	credential: { id: string; name: string },
	url: string,
): Promise<WorkflowRun> {
	return runNodeViaWebhook(ctx.rest, ctx.parseFlatted, {
		name: 'HTTP Request',
		type: BUILTIN_HTTP_REQUEST_TYPE,
		typeVersion: await builtinVersion(ctx),
		parameters: builtinHttpRequestGet(url, 'ours'),
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
	});
}

function assertSucceeded(run: WorkflowRun): void {
	assert.equal(run.error, undefined, `the node failed: ${run.error}`);
	assert.equal(
		run.status,
		'success',
		`execution ${run.executionId} ended ${run.status}; webhook ${run.webhookStatus}: ${JSON.stringify(run.webhookBody).slice(0, 300)}`,
	);
}

function issuedTokens(ctx: E2eContext, grantType: string): string[] {
	return ctx.auth.tokenRequests
		.filter((r) => r.grantType === grantType && r.status === 200)
		.map((r) => r.accessToken!);
}

/** Every codex category (`*.node.json`) under a folder of nodes. */
function codexCategories(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.flatMap((file) =>
			file.endsWith('.node.json')
				? ((JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { categories?: string[] })
						.categories ?? [])
				: [],
		);
}

export const nodeScenarios: Scenario[] = [
	{
		// The panel groups nodes by these; a category n8n does not know puts a node nowhere.
		name: "node codex: every category of the package's nodes is one n8n's own nodes use",
		async run(ctx) {
			const known = new Set(
				codexCategories(path.join(ctx.install.dir, 'node_modules/n8n-nodes-base/dist/nodes')),
			);
			const ours = codexCategories(path.resolve(__dirname, '..', '..', '..', 'dist', 'nodes'));
			assert.ok(ours.length > 0, 'the built nodes have codex files');
			for (const category of ours) assert.ok(known.has(category), category);
		},
	},
	{
		name: 'HTTP Request node: GET /contacts/1 with a connected credential, Bearer token arrives',
		skip: needsHttpNode,
		async run(ctx) {
			const { credential } = await createConnectedCredential(
				ctx,
				'Node basic',
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			const [issued] = issuedTokens(ctx, 'authorization_code');
			const run = await runHttpNode(ctx, credential, { url: '/contacts/1' });
			assertSucceeded(run);
			assert.deepEqual(
				(run.items[0] as { data?: Record<string, unknown> }).data?.last_name,
				'Lovelace-1',
			);
			assert.equal(ctx.api.requests.length, 1, `API requests: ${JSON.stringify(ctx.api.requests)}`);
			assert.equal(
				ctx.api.requests[0].token,
				issued,
				'the API got the token the auth server issued',
			);
			assert.equal(ctx.api.requests[0].status, 200);
		},
	},
	{
		name: 'Salesforce-like: the API host is the instance_url of the token response; token parameters reach the code exchange',
		skip: needsHttpNode,
		async run(ctx) {
			ctx.auth.setExtraTokenFields({ instance_url: ctx.api.url });
			try {
				const { credential } = await createConnectedCredential(ctx, 'Node instance_url', {
					...customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
					customApiBaseUrl: '',
					customApiBaseUrlField: 'instance_url',
					// A Custom connection takes a host outside its allowed domains only when told to.
					customApiHostAnywhere: true,
					extraGrantParameters: 'audience=e2e-api',
				});
				const exchange = ctx.auth.tokenRequests.find((r) => r.grantType === 'authorization_code');
				assert.equal(exchange?.status, 200, exchange?.error);
				assert.equal(
					exchange?.params.audience,
					'e2e-api',
					'n8n sends additionalBodyProperties with the code exchange',
				);
				const run = await runHttpNode(ctx, credential, { url: '/contacts/1' });
				assertSucceeded(run);
				assert.equal(ctx.api.requests.length, 1, JSON.stringify(ctx.api.requests));
				assert.equal(ctx.api.requests[0].status, 200);
				assert.equal(ctx.api.requests[0].token, exchange?.accessToken);
			} finally {
				ctx.auth.setExtraTokenFields({});
			}
		},
	},
	{
		name: 'HTTP Request node: a revoked access token is refreshed on 401 and the call retried',
		skip: needsHttpNode,
		async run(ctx) {
			const { credential } = await createConnectedCredential(
				ctx,
				'Node refresh',
				customCredentialData(ctx, CLIENTS.post, 'authorizationCode'),
			);
			const [first] = issuedTokens(ctx, 'authorization_code');
			assert.ok((await ctx.auth.revokeAccessTokens()) > 0);
			const run = await runHttpNode(ctx, credential, { url: '/contacts/2' });
			assertSucceeded(run);
			assert.equal((run.items[0]?.data as { last_name?: string })?.last_name, 'Lovelace-2');
			const refresh = ctx.auth.tokenRequests.find((r) => r.grantType === 'refresh_token');
			assert.ok(refresh, `no refresh request: ${JSON.stringify(ctx.auth.tokenRequests)}`);
			assert.equal(refresh.status, 200, refresh.error);
			assert.equal(
				refresh.clientAuth,
				'body',
				'the refresh uses the credential’s client authentication',
			);
			const statuses = ctx.api.requests.map(
				(r) =>
					`${r.status}:${r.token === first ? 'old' : r.token === refresh.accessToken ? 'new' : '?'}`,
			);
			assert.deepEqual(statuses, ['401:old', '200:new']);
		},
	},
	{
		name: 'HTTP Request node: an expired access token (2 s lifetime) is refreshed',
		skip: needsHttpNode,
		async run(ctx) {
			ctx.auth.setAccessTokenTtl(2);
			try {
				const { credential } = await createConnectedCredential(
					ctx,
					'Node expiry',
					customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
				);
				await sleep(3000);
				const run = await runHttpNode(ctx, credential, { url: '/contacts/3' });
				assertSucceeded(run);
				const refreshes = issuedTokens(ctx, 'refresh_token');
				assert.ok(
					refreshes.length >= 1,
					`no successful refresh: ${JSON.stringify(ctx.auth.tokenRequests)}`,
				);
				const last = ctx.api.requests.at(-1);
				assert.equal(last?.status, 200);
				assert.ok(refreshes.includes(last!.token!), 'the last API call used a refreshed token');
			} finally {
				ctx.auth.setAccessTokenTtl(3600);
			}
		},
	},
	{
		name: 'HTTP Request node: client credentials (client_secret_post) fetch a token on first use',
		skip: needsHttpNode,
		async run(ctx) {
			const credential = await createCredential(
				ctx,
				'Node client credentials',
				customCredentialData(ctx, CLIENTS.post, 'clientCredentials'),
			);
			const run = await runHttpNode(ctx, credential, { url: '/contacts/1' });
			assertSucceeded(run);
			const tokenRequest = ctx.auth.tokenRequests.find((r) => r.grantType === 'client_credentials');
			assert.ok(
				tokenRequest,
				`no client_credentials request: ${JSON.stringify(ctx.auth.tokenRequests)}`,
			);
			assert.equal(tokenRequest.status, 200, tokenRequest.error);
			assert.equal(tokenRequest.clientAuth, 'body');
			assert.equal(tokenRequest.scope, EXPECTED_SCOPE);
			assert.equal(ctx.api.requests.at(-1)?.token, tokenRequest.accessToken);
		},
	},
	{
		name: 'HTTP Request node: client credentials (client_secret_basic)',
		skip: needsHttpNode,
		async run(ctx) {
			const credential = await createCredential(
				ctx,
				'Node client credentials basic',
				customCredentialData(ctx, CLIENTS.basic, 'clientCredentials'),
			);
			const run = await runHttpNode(ctx, credential, { url: '/contacts/2' });
			assertSucceeded(run);
			const tokenRequest = ctx.auth.tokenRequests.find((r) => r.grantType === 'client_credentials');
			assert.equal(tokenRequest?.clientAuth, 'basic');
			assert.equal(ctx.api.requests.at(-1)?.status, 200);
		},
	},
	{
		name: 'HTTP Request node: an unconnected credential fails with "not authorized yet", nothing sent',
		skip: needsHttpNode,
		async run(ctx) {
			const credential = await createCredential(
				ctx,
				'Node unconnected',
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			const run = await runHttpNode(ctx, credential, { url: '/contacts/1' });
			assert.match(run.error ?? '', /not authorized yet/, `error was: ${run.error}`);
			assert.equal(ctx.api.requests.length, 0, 'the API saw no request');
			assert.equal(ctx.auth.tokenRequests.length, 0, 'the auth server saw no token request');
		},
	},
	{
		name: 'HTTP Request node: cursor pagination over /items/cursor returns every record',
		skip: needsHttpNode,
		async run(ctx) {
			const { credential } = await createConnectedCredential(
				ctx,
				'Node pagination',
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			const run = await runHttpNode(ctx, credential, {
				url: '/items/cursor',
				pagination: 'cursor',
				recordsPath: 'data',
				cursorPath: 'meta.next_cursor',
				cursorParameter: 'cursor',
			});
			assertSucceeded(run);
			assert.deepEqual(
				run.items.map((item) => item.id),
				Array.from({ length: 25 }, (_, index) => index + 1),
			);
			assert.deepEqual(
				ctx.api.requests.map((r) => r.query.cursor ?? ''),
				['', '10', '20'],
			);
		},
	},
	{
		name: 'HTTP Request node: a host outside the allowed domains gets no token',
		skip: needsHttpNode,
		async run(ctx) {
			const { credential } = await createConnectedCredential(ctx, 'Node domains', {
				...customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
				allowedHttpRequestDomains: 'domains',
				allowedDomains: 'api.example.com',
			});
			const run = await runHttpNode(ctx, credential, { url: `${ctx.api.url}/contacts/1` });
			assert.ok(run.error, 'the node fails');
			assert.equal(ctx.api.requests.length, 0, 'the API saw no request');
		},
	},
	{
		name: "n8n's HTTP Request node: Allowed Domains left empty, the token reaches the API base URL's host",
		async run(ctx) {
			const { credential } = await createConnectedCredential(ctx, 'Builtin empty domains', {
				...customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
				allowedDomainsMode: 'domains',
				allowedDomainsList: '',
			});
			const [issued] = issuedTokens(ctx, 'authorization_code');
			const run = await runBuiltinHttpNode(ctx, credential, `${ctx.api.url}/contacts/1`);
			assertSucceeded(run);
			assert.equal(ctx.api.requests.length, 1, JSON.stringify(ctx.api.requests));
			assert.equal(ctx.api.requests[0].token, issued, 'the API got the Bearer token issued');
			assert.equal(ctx.api.requests[0].status, 200);
		},
	},
	{
		name: "n8n's HTTP Request node: Allowed Domains left empty, a foreign host gets nothing",
		async run(ctx) {
			const { credential } = await createConnectedCredential(ctx, 'Builtin foreign host', {
				...customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
				allowedDomainsMode: 'domains',
				allowedDomainsList: '',
			});
			// The same server under another name: only the domain check can stop the request.
			const foreign = `${ctx.api.url.replace('127.0.0.1', 'localhost')}/contacts/1`;
			const run = await runBuiltinHttpNode(ctx, credential, foreign);
			assert.ok(run.error, 'the node fails');
			assert.match(String(run.error), /Domain not allowed/, String(run.error));
			assert.equal(ctx.api.requests.length, 0, 'the API saw no request');
		},
	},
	{
		name: 'Fetch Variables node: /contacts/1 fields become variables, Bearer token arrives',
		skip: (ctx) =>
			ctx.nodeTypes.has(NODE_TYPES.fetchVariables)
				? undefined
				: `${NODE_TYPES.fetchVariables} is not loaded`,
		async run(ctx) {
			const { credential } = await createConnectedCredential(
				ctx,
				'Fetch variables',
				customCredentialData(ctx, CLIENTS.basic, 'authorizationCode'),
			);
			const [issued] = issuedTokens(ctx, 'authorization_code');
			const variable = (name: string, pathValue: string) => ({
				name,
				path: { __rl: true, mode: 'path', value: pathValue },
				type: 'string',
				defaultValue: '',
				required: true,
			});
			const run = await runNodeViaWebhook(ctx.rest, ctx.parseFlatted, {
				name: 'Fetch Variables',
				type: NODE_TYPES.fetchVariables,
				typeVersion: 1,
				parameters: {
					method: 'GET',
					url: '/contacts/1',
					variables: {
						variable: [
							variable('firstName', 'data.first_name'),
							variable('lastName', 'data.last_name'),
						],
					},
					output: 'only',
				},
				credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			});
			assertSucceeded(run);
			assert.deepEqual(run.items[0], { firstName: 'Ada', lastName: 'Lovelace-1' });
			assert.equal(ctx.api.requests.at(-1)?.token, issued);
		},
	},
];
