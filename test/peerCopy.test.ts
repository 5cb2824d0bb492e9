/**
 * A package installed with its peer (a plain `npm install <tarball>`) runs with its own copy of
 * n8n-workflow, whose error classes are not the host's. The nodes recognise the host's errors by
 * name, so the messages users get are the same as with n8n's own installer (peers omitted).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import * as hostWorkflow from 'n8n-workflow';
import type { INodeType } from 'n8n-workflow';

import { runNode, typesWith } from './harness/engine';
import { itemsOf, startHarness, type Harness } from './harness/fixtures';

const REPO = path.resolve(__dirname, '..');
/** Inside node_modules, so the copy's own dependencies (lodash, luxon, ...) still resolve. */
const COPY_ROOT = path.join(REPO, 'node_modules', '.peer-copy-test');

let harness: Harness;
let copiedNode: INodeType;
let copiedWorkflow: typeof hostWorkflow;

beforeAll(async () => {
	fs.rmSync(COPY_ROOT, { recursive: true, force: true });
	fs.cpSync(path.join(REPO, 'dist'), path.join(COPY_ROOT, 'package', 'dist'), { recursive: true });
	fs.cpSync(
		path.join(REPO, 'node_modules', 'n8n-workflow'),
		path.join(COPY_ROOT, 'node_modules', 'n8n-workflow'),
		{ recursive: true },
	);
	// Required as n8n loads a package: CommonJS, resolving n8n-workflow from the package's folder.
	const requireFromCopy = createRequire(path.join(COPY_ROOT, 'package', 'dist', 'index.js'));
	const { OAuth2HttpRequest } = requireFromCopy(
		'./nodes/OAuth2HttpRequest/OAuth2HttpRequest.node.js',
	) as { OAuth2HttpRequest: new () => INodeType };
	copiedNode = new OAuth2HttpRequest();
	copiedWorkflow = requireFromCopy('n8n-workflow') as typeof hostWorkflow;
	harness = await startHarness();
});
afterAll(async () => {
	await harness.stop();
	fs.rmSync(COPY_ROOT, { recursive: true, force: true });
});

async function firstError(
	withCopy: boolean,
	credential: { id: string; name: string },
	parameters: Record<string, unknown>,
): Promise<string> {
	if (!withCopy) {
		const run = await harness.run(credential, 'oAuth2HttpRequest', parameters, itemsOf(1), true);
		return String(run.items[0].json.error);
	}
	const run = await runNode({
		store: harness.store,
		credential,
		nodeType: 'oAuth2HttpRequest',
		parameters,
		continueOnFail: true,
		types: typesWith({ oAuth2HttpRequest: copiedNode }),
	});
	return String(run.items[0].json.error);
}

test('the copy really has its own error classes', () => {
	assert.notEqual(copiedWorkflow.NodeOperationError, hostWorkflow.NodeOperationError);
	assert.notEqual(copiedWorkflow.NodeApiError, hostWorkflow.NodeApiError);
});

for (const [fault, setUp] of [
	[
		'a refresh refused with invalid_grant',
		async () => {
			const credential = await harness.connectedCredential({ name: 'Revoked', expiresInMs: 5_000 });
			return {
				credential,
				parameters: { method: 'GET', url: '/contacts/1' },
				knob: 'revoked' as const,
			};
		},
	],
	[
		'an API that cannot be reached',
		async () => {
			const credential = await harness.connectedCredential({
				name: 'Anywhere',
				extra: { allowedDomainsMode: 'all' },
			});
			return {
				credential,
				parameters: { method: 'GET', url: 'http://127.0.0.1:9/x' },
				knob: undefined,
			};
		},
	],
	[
		'a token the API refuses even after a refresh',
		async () => {
			const credential = await harness.connectedCredential({ name: 'Refused' });
			return { credential, parameters: { method: 'GET', url: '/status/401' }, knob: undefined };
		},
	],
] as const) {
	test(`${fault}: the same message with a second n8n-workflow copy`, async () => {
		const messages: string[] = [];
		for (const withCopy of [false, true]) {
			const { credential, parameters, knob } = await setUp();
			if (knob) harness.auth[knob] = true;
			try {
				messages.push(await firstError(withCopy, credential, parameters));
			} finally {
				if (knob) harness.auth[knob] = false;
			}
		}
		assert.doesNotMatch(messages[0], /undefined|\[object/);
		assert.equal(messages[1], messages[0]);
	});
}
