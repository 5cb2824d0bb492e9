/** One item of the OAuth2 Connection node: Check, Refresh or Get Info, routed by the health found. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { PROVIDER_PRESETS } from '../../credentials/providerPresets';
import type { RoutedItems } from '../shared/itemRunner';
import {
	connectionName,
	CREDENTIAL_TYPE,
	describeConnection,
} from '../shared/transport/connection';
import { problemOf } from '../shared/transport/problems';
import { sendAuthorized } from '../shared/transport/request';
import { DEFAULT_RETRY_POLICY } from '../shared/transport/retry';
import { settle } from '../shared/transport/settle';
import { accountIn, readTokenFacts } from '../shared/transport/tokenFacts';
import { refreshNow } from '../shared/transport/tokenRefresh';
import {
	buildReport,
	findExpiringRefreshToken,
	findFromCheck,
	findFromStoredData,
	type Finding,
	type LiveCheck,
} from './health';

export const HEALTHY_OUTPUT = 0;
const HEALTH_OPERATIONS = ['check', 'refresh', 'getInfo'];
export const NEEDS_ATTENTION_OUTPUT = 1;

const DAY_MS = 86_400_000;

type Stored = Awaited<ReturnType<typeof readStored>>;

async function readStored(context: IExecuteFunctions, itemIndex: number) {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return {
		provider: credentials.provider,
		connection: describeConnection(credentials, connectionName(context.getNode())),
		facts: readTokenFacts(credentials),
	};
}

function checkUrlOf(context: IExecuteFunctions, itemIndex: number, provider: unknown) {
	const typed = String(context.getNodeParameter('checkUrl', itemIndex, '') ?? '').trim();
	return typed || PROVIDER_PRESETS.find((preset) => preset.id === provider)?.checkUrl;
}

function parsedBody(body: Buffer): unknown {
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		return undefined;
	}
}

/** Refreshes when asked, then calls the check endpoint through the one request path. */
async function probe(
	context: IExecuteFunctions,
	itemIndex: number,
	stored: Stored,
	refresh: boolean,
	timeoutMs: number,
): Promise<LiveCheck | undefined> {
	const connection = refresh
		? await refreshNow(context, stored.connection, itemIndex, timeoutMs)
		: stored.connection;
	const url = checkUrlOf(context, itemIndex, stored.provider);
	if (!url) return undefined;
	const response = await sendAuthorized(
		context,
		itemIndex,
		{ method: 'GET', url, timeoutMs },
		{
			retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, maxTotalWaitMs: 10_000 },
			connectionMemo: { current: Promise.resolve(connection) },
		},
	);
	return {
		url: response.url,
		statusCode: response.statusCode,
		account: response.statusCode < 300 ? accountIn(parsedBody(response.body)) : undefined,
	};
}

export async function executeHealthItem(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<RoutedItems> {
	const operation = context.getNodeParameter('operation', itemIndex, 'check') as string;
	if (!HEALTH_OPERATIONS.includes(operation)) {
		// n8n adds "Custom API Call" to nodes whose credential extends its OAuth2 type.
		throw new NodeOperationError(
			context.getNode(),
			'This node only checks connections: use the OAuth2 HTTP Request node for a custom API call',
			{
				itemIndex,
				description:
					'Set Operation to Check, Refresh or Get Info, or add an OAuth2 HTTP Request node with this connection for any other request.',
			},
		);
	}
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutMs = Math.max(1, Number(options.timeout ?? 30_000) || 30_000);
	const warnWithinMs = Math.max(0, Number(options.warnRefreshTokenDays ?? 7)) * DAY_MS;

	let stored = await readStored(context, itemIndex);
	let finding: Finding | undefined = findFromStoredData(stored.connection);
	let check: LiveCheck | undefined;
	if (finding === undefined && operation !== 'getInfo') {
		const outcome = await settle(
			probe(context, itemIndex, stored, operation === 'refresh', timeoutMs),
		);
		// A refresh may have replaced the token: report what is stored now.
		stored = await readStored(context, itemIndex);
		if (outcome.error !== undefined) {
			const error = outcome.error as Error & { description?: string };
			finding = {
				status: problemOf(error) ?? 'misconfigured',
				problem: error.message,
				fix: error.description ?? '',
			};
		} else {
			check = outcome.value;
			if (check) finding = findFromCheck(stored.connection, check);
		}
	}
	finding ??= findExpiringRefreshToken(stored.connection, stored.facts, warnWithinMs);
	const report = buildReport(stored.connection, stored.provider, stored.facts, finding, check);
	if (operation !== 'getInfo' && check === undefined && finding === undefined)
		report.note = `Not checked live: connection '${stored.connection.name}' has no check endpoint (a Custom connection has none), so only its stored data was read; set Check URL in this node to an endpoint that answers with the signed-in account (e.g. /me or a userinfo URL) to call it.`;
	return {
		output: report.status === 'healthy' ? HEALTHY_OUTPUT : NEEDS_ATTENTION_OUTPUT,
		items: [{ json: report }],
	};
}
