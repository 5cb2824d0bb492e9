/** One item of the OAuth2 Connection node: Check, Refresh or Get Info, routed by the health found. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	fieldsReplacedByTokenResponse,
	fillPresetTemplate,
	PROVIDER_PRESETS,
	type CheckRequestShape,
	type ProviderPreset,
} from '../../credentials/providerPresets';
import type { RoutedItems } from '../shared/itemRunner';
import {
	connectionName,
	CREDENTIAL_TYPE,
	describeConnection,
	type Connection,
	problemOf,
	sendAuthorized,
	DEFAULT_RETRY_POLICY,
	settle,
	accountIn,
	readTokenFacts,
	refreshNow,
	DEFAULT_TIMEOUT_MS,
	DEFAULT_WARN_REFRESH_TOKEN_DAYS,
	RunConnection,
} from '../shared/transport';
import {
	buildReport,
	findExpiringRefreshToken,
	findFromCheck,
	findFromStoredData,
	findMissingScopes,
	type Finding,
	type LiveCheck,
} from './health';

export const HEALTHY_OUTPUT = 0;
const HEALTH_OPERATIONS = ['check', 'refresh', 'getInfo'];
export const NEEDS_ATTENTION_OUTPUT = 1;

const DAY_MS = 86_400_000;

type Stored = Awaited<ReturnType<typeof readStored>>;

/**
 * What the items of one node run share: the node has one connection, so Refresh asks the token
 * endpoint once per run and every item reports that one outcome (a rotation per item would spend
 * refresh tokens, and a failing endpoint would be asked once per item).
 */
export interface HealthRun {
	refreshed?: Promise<Connection>;
}

async function readStored(context: IExecuteFunctions, itemIndex: number) {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return {
		provider: credentials.provider,
		credentials,
		connection: describeConnection(credentials, connectionName(context.getNode())),
		facts: readTokenFacts(credentials),
	};
}

/**
 * The preset's check URL with its placeholders filled. A host the token response named (Salesforce's
 * instance_url, Zoho's api_domain) replaces a host built from the fields it stands in for, as it
 * does in the API base URL.
 */
function presetCheckUrl(preset: ProviderPreset, stored: Stored, template: string): string {
	const [, origin = '', path = template] = /^(https?:\/\/[^/]*)(.*)$/.exec(template) ?? [];
	const fromToken = stored.connection.apiBaseUrlFrom !== undefined;
	const replaced = fieldsReplacedByTokenResponse(preset).some((key) => origin.includes(`{${key}}`));
	if (fromToken && replaced && stored.connection.apiBaseUrl !== '') {
		return `${new URL(stored.connection.apiBaseUrl).origin}${fillPresetTemplate(path, stored.credentials)}`;
	}
	return fillPresetTemplate(template, stored.credentials);
}

/**
 * The check request: the typed Check URL (a GET), or the preset's check for the connection's grant
 * with its method, headers and body; undefined when there is none (Custom, or a check naming a
 * user on a client-credentials connection).
 */
function checkRequestOf(
	context: IExecuteFunctions,
	itemIndex: number,
	stored: Stored,
): { url: string; shape: CheckRequestShape } | undefined {
	const typed = String(context.getNodeParameter('checkUrl', itemIndex, '') ?? '').trim();
	if (typed) return { url: typed, shape: { method: 'GET' } };
	const preset = PROVIDER_PRESETS.find((entry) => entry.id === stored.provider);
	const template =
		stored.connection.grantType === 'clientCredentials' &&
		preset?.clientCredentialsCheckUrl !== undefined
			? preset.clientCredentialsCheckUrl
			: preset?.checkUrl;
	if (!preset || !template) return undefined;
	return {
		url: presetCheckUrl(preset, stored, template),
		shape: preset.checkRequest ?? { method: 'GET' },
	};
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
	run: HealthRun,
): Promise<LiveCheck | undefined> {
	let connection = stored.connection;
	if (refresh) {
		run.refreshed ??= refreshNow(context, stored.connection, itemIndex, timeoutMs);
		connection = await run.refreshed;
	}
	const request = checkRequestOf(context, itemIndex, stored);
	if (!request) return undefined;
	const { method, headers, body } = request.shape;
	const response = await sendAuthorized(
		context,
		itemIndex,
		{
			method,
			url: request.url,
			timeoutMs,
			...(headers ? { headers } : {}),
			...(body ? { body, json: true } : {}),
		},
		{
			retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, maxTotalWaitMs: 10_000 },
			runConnection: RunConnection.startingWith(connection),
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
	run: HealthRun,
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
	const timeoutMs = Math.max(
		1,
		Number(options.timeout ?? DEFAULT_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
	);
	const warnWithinMs =
		Math.max(0, Number(options.warnRefreshTokenDays ?? DEFAULT_WARN_REFRESH_TOKEN_DAYS)) * DAY_MS;

	let stored = await readStored(context, itemIndex);
	let finding: Finding | undefined = findFromStoredData(stored.connection);
	let check: LiveCheck | undefined;
	if (finding === undefined && operation !== 'getInfo') {
		const outcome = await settle(
			probe(context, itemIndex, stored, operation === 'refresh', timeoutMs, run),
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
	finding ??= findMissingScopes(
		stored.connection,
		stored.facts,
		options.acceptNarrowerScopes === true,
	);
	const report = buildReport(stored.connection, stored.provider, stored.facts, finding, check);
	if (operation !== 'getInfo' && check === undefined && finding === undefined)
		report.note = `Not checked live: connection '${stored.connection.name}' has no check endpoint (a Custom connection has none, nor a client-credentials one whose provider's check names a signed-in user), so only its stored data was read; set Check URL in this node to an endpoint that answers with the signed-in account (e.g. /me or a userinfo URL) to call it.`;
	return {
		output: report.status === 'healthy' ? HEALTHY_OUTPUT : NEEDS_ATTENTION_OUTPUT,
		items: [{ json: report }],
	};
}
