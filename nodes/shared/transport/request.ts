/**
 * One request through the whole path, as both nodes send it: is the connection authorized ->
 * is the destination allowed -> is the token fresh -> send -> retry. Pagination (pagination.ts)
 * calls it per page. Whatever leaves here, an answer or an error, holds no secret.
 */
import { assertDestinationAllowed, assertHeadersAllowed, resolveUrl } from './allowed';
import { assertAuthorized, assertConfigured } from './authorized';
import {
	DEFAULT_MAX_RESPONSE_BYTES,
	DEFAULT_REFRESH_MARGIN_MS,
	DEFAULT_RETRY_POLICY,
	DEFAULT_TIMEOUT_MS,
} from './defaults';
import { isNodeError, redactError, replaceSecrets, settle } from './errors';
import { sendRetrying } from './retry';
import { RunConnection } from './runConnection';
import { ensureUsableToken } from './tokenRefresh';
import {
	isBrowserGrant,
	type Connection,
	type Leg,
	type OutgoingRequest,
	type ReceivedResponse,
	type RequestContext,
	type RequestPacer,
	type RetryPolicy,
} from './types';

export interface SendOptions {
	retry?: RetryPolicy;
	refreshMarginMs?: number;
	pacer?: RequestPacer;
	/** The run's connection, shared by its items; a request without one reads its own. */
	runConnection?: RunConnection;
	/** Responses larger than this are cut off with an error. */
	maxResponseBytes?: number;
	/** Why the URL is sent: the first request, or a next page (for the wording of a refusal). */
	leg?: Leg;
}

/**
 * A response as the nodes may keep it: an API that echoes the connection's live values (an echo
 * or token-info endpoint) gets them replaced by a marker in its headers and in a text body, so no
 * output, page, variable or binary file of an execution holds them.
 */
function withoutLiveTokens(response: ReceivedResponse, secrets: string[]): ReceivedResponse {
	const found = (text: string | Buffer) => secrets.some((secret) => text.includes(secret));
	const headers = Object.fromEntries(
		Object.entries(response.headers).map(([name, value]) => [
			name,
			Array.isArray(value)
				? value.map((entry) => (found(entry) ? replaceSecrets(entry, secrets) : entry))
				: typeof value === 'string' && found(value)
					? replaceSecrets(value, secrets)
					: value,
		]),
	);
	const isText = !response.body.subarray(0, 512).includes(0);
	const body =
		isText && found(response.body)
			? Buffer.from(replaceSecrets(response.body.toString('utf8'), secrets))
			: response.body;
	return { ...response, headers, body };
}

export async function sendAuthorized(
	context: RequestContext,
	itemIndex: number | undefined,
	request: OutgoingRequest,
	options: SendOptions = {},
): Promise<ReceivedResponse> {
	const run = options.runConnection ?? new RunConnection();
	// A next page is a later send: its connection is read again, not taken from the run.
	const connection =
		options.leg === 'nextPage'
			? await run.readAgain(context, itemIndex)
			: await run.read(context, itemIndex);
	const outcome = await settle(send(context, itemIndex, request, options, run, connection));
	if (outcome.error === undefined) {
		return withoutLiveTokens(outcome.value as ReceivedResponse, await run.secretsWith(connection));
	}
	// Errors of every path (the node's items, the path picker) leave here without a secret.
	if (isNodeError(outcome.error)) redactError(outcome.error, await run.secretsWith(connection));
	throw outcome.error;
}

/** The preset's API headers under the request's own: a header the request names wins. */
function withApiHeaders(
	connection: Connection,
	headers: OutgoingRequest['headers'],
): OutgoingRequest['headers'] {
	if (!connection.apiHeaders) return headers;
	const named = new Set(Object.keys(headers ?? {}).map((name) => name.toLowerCase()));
	const fromPreset = Object.entries(connection.apiHeaders).filter(
		([name]) => !named.has(name.toLowerCase()),
	);
	return { ...Object.fromEntries(fromPreset), ...headers };
}

/** The checks before the first send, then the attempts (retry.ts). */
async function send(
	context: RequestContext,
	itemIndex: number | undefined,
	request: OutgoingRequest,
	options: SendOptions,
	run: RunConnection,
	loaded: Connection,
): Promise<ReceivedResponse> {
	const node = context.getNode();
	const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const refreshMarginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
	let connection = loaded;
	assertConfigured(node, connection, itemIndex);
	assertAuthorized(node, connection, itemIndex);
	if (!isBrowserGrant(connection.grantType) && !connection.accessToken) {
		// The first token may name the API host (Salesforce's instance_url): get it before resolving.
		connection = await ensureUsableToken(
			context,
			connection,
			itemIndex,
			refreshMarginMs,
			timeoutMs,
		);
		run.replace(connection);
	}
	const url = resolveUrl(node, connection, request.url, itemIndex);
	const leg = options.leg ?? 'request';
	assertDestinationAllowed(node, connection, url, itemIndex, leg);
	assertHeadersAllowed(node, request.headers, itemIndex);
	const headers = withApiHeaders(connection, request.headers);
	return await sendRetrying(context, itemIndex, { ...request, url, headers }, run, connection, {
		policy: options.retry ?? DEFAULT_RETRY_POLICY,
		refreshMarginMs,
		timeoutMs,
		pacer: options.pacer,
		maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
		leg,
	});
}
