/**
 * The one request path of all nodes: is the connection authorized -> may the token go there ->
 * is the token fresh -> send (the host injects the token; redirects hop by hop) -> refresh on the
 * expiry signal -> retry rate limits and flaky servers. Pagination (pagination.ts) calls it per page.
 */
import { NodeApiError, sleep, type JsonObject } from 'n8n-workflow';

import { assertAuthorized, assertConfigured, loadConnection, type Connection } from './connection';
import type {
	ConnectionMemo,
	OutgoingRequest,
	ReceivedResponse,
	RequestContext,
	RequestPacer,
} from './types';
import {
	assertDestinationAllowed,
	assertHeadersAllowed,
	resolveUrl,
	type Leg,
} from './destination';
import { DEFAULT_MAX_RESPONSE_BYTES, type Exchanged } from './exchange';
import { isNodeError } from './hostErrors';
import { withProblem } from './problems';
import { readPath } from '../jsonPath';
import { redact, redactError, replaceSecrets } from './redact';
import { recheckBeforeSend, sendFollowingRedirects, type Delivered } from './redirects';
import {
	DEFAULT_RETRY_POLICY,
	isRetryableNetworkError,
	nextRetryDelay,
	parseRetryAfter,
	type RetryPolicy,
} from './retry';
import { settle } from './settle';
import {
	DEFAULT_REFRESH_MARGIN_MS,
	ensureUsableToken,
	noteTokenAccepted,
	refreshRejectedToken,
	refusedAfterRefresh,
	tokenIsFresh,
} from './tokenRefresh';

export type {
	ConnectionMemo,
	OutgoingRequest,
	ReceivedResponse,
	RequestContext,
	RequestPacer,
} from './types';

export interface SendOptions {
	retry?: RetryPolicy;
	refreshMarginMs?: number;
	pacer?: RequestPacer;
	connectionMemo?: ConnectionMemo;
	/** Responses larger than this are cut off with an error. */
	maxResponseBytes?: number;
	/** Why the URL is sent: the first request, or a next page (for the wording of a refusal). */
	leg?: Leg;
}

/** The connection as this node run last read it (after any refresh), read now if it was not yet. */
export async function connectionOfRun(
	context: RequestContext,
	options: SendOptions,
	itemIndex?: number,
): Promise<Connection> {
	const memo = options.connectionMemo ?? {};
	memo.current ??= loadConnection(context, itemIndex);
	return await memo.current;
}

/** Whether a 2xx JSON body says the token expired (APIs such as Marketo answer 200 with code 602). */
function carriesBodySignal(connection: Connection, response: ReceivedResponse): boolean {
	const { responsePath, responseValues } = connection.expirySignal;
	if (responsePath === '' || response.body.length === 0 || response.body.length > 1_000_000)
		return false;
	let parsed: unknown;
	try {
		parsed = JSON.parse(response.body.toString('utf8'));
	} catch {
		return false;
	}
	const found = readPath(parsed, responsePath);
	if (found === undefined || found === null) return false;
	return responseValues.length === 0 || responseValues.includes(String(found));
}

/**
 * Whether the answer says the token expired: a configured status code (401 always; an ambiguous
 * one such as 403 only once the stored token is no longer fresh, as the host decides) or the body
 * signal. Only the origin that received the token can say so.
 */
function signalsExpiry(connection: Connection, delivered: Delivered): boolean {
	const response = delivered.response;
	if (!response || !delivered.sentToken) return false;
	const { statusCode } = response;
	if (connection.expirySignal.statusCodes.includes(statusCode))
		return statusCode === 401 || !tokenIsFresh(connection);
	return carriesBodySignal(connection, response);
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
	const memo = options.connectionMemo ?? {};
	// A next page is a later send: its connection is read again, not taken from the run's memo.
	if (options.leg === 'nextPage') memo.current = loadConnection(context, itemIndex);
	const connection = await connectionOfRun(context, { connectionMemo: memo }, itemIndex);
	const outcome = await settle(send(context, itemIndex, request, options, memo, connection));
	if (outcome.error === undefined) {
		const latest = await settle(memo.current ?? Promise.resolve(connection));
		return withoutLiveTokens(outcome.value as ReceivedResponse, [
			...connection.secrets,
			...(latest.value?.secrets ?? []),
		]);
	}
	// Errors of every path (the node's items, the path picker) leave here without a secret.
	if (isNodeError(outcome.error)) {
		const latest = await settle(memo.current ?? Promise.resolve(connection));
		redactError(outcome.error, [...connection.secrets, ...(latest.value?.secrets ?? [])]);
	}
	throw outcome.error;
}

async function send(
	context: RequestContext,
	itemIndex: number | undefined,
	request: OutgoingRequest,
	options: SendOptions,
	memo: ConnectionMemo,
	loaded: Connection,
): Promise<ReceivedResponse> {
	const node = context.getNode();
	const policy = options.retry ?? DEFAULT_RETRY_POLICY;
	const timeoutMs = request.timeoutMs ?? 30_000;
	const freshen = (current: Connection) =>
		ensureUsableToken(
			context,
			current,
			itemIndex,
			options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
			timeoutMs,
		);
	let connection = loaded;
	assertConfigured(node, connection, itemIndex);
	assertAuthorized(node, connection, itemIndex);
	if (connection.grantType === 'clientCredentials' && !connection.accessToken) {
		// The first token may name the API host (Salesforce's instance_url): get it before resolving.
		connection = await freshen(connection);
		memo.current = Promise.resolve(connection);
	}
	const url = resolveUrl(node, connection, request.url, itemIndex);
	const leg = options.leg ?? 'request';
	assertDestinationAllowed(node, connection, url, itemIndex, leg);
	assertHeadersAllowed(node, request.headers, itemIndex);

	let waitedMs = 0;
	let refreshedAfterSignal = false;
	for (let attempt = 1; ; attempt++) {
		if (attempt > 1) connection = await recheckBeforeSend(context, memo, url, itemIndex, leg);
		const beforeRefresh = connection;
		connection = await freshen(connection);
		if (connection !== beforeRefresh) memo.current = Promise.resolve(connection);
		const delivered = await sendFollowingRedirects(
			context,
			connection,
			{ memo, pacer: options.pacer },
			{ ...request, url },
			options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
			itemIndex,
		);
		const { response, networkFailure } = delivered;

		if (signalsExpiry(connection, delivered)) {
			const answer = `${new URL((response as ReceivedResponse).url).host} answered ${(response as ReceivedResponse).statusCode}`;
			if (refreshedAfterSignal) throw refusedAfterRefresh(context, connection, itemIndex, answer);
			refreshedAfterSignal = true;
			connection = await refreshRejectedToken(context, connection, itemIndex, timeoutMs, answer);
			memo.current = Promise.resolve(connection);
			attempt--;
			continue;
		}
		if (delivered.sentToken && response !== undefined && response.statusCode < 400)
			noteTokenAccepted(context, connection);

		const delay = nextRetryDelay(policy, {
			attempt,
			method: request.method,
			statusCode: response?.statusCode,
			retryAfterMs: response ? parseRetryAfter(response.headers['retry-after']) : undefined,
			networkError:
				networkFailure !== undefined &&
				isRetryableNetworkError(networkFailure.code, networkFailure.message),
			waitedMs,
		});
		if (delay === undefined) {
			if (response) return response;
			throw networkError(
				context,
				connection,
				url,
				networkFailure ?? { message: 'No response' },
				attempt,
				itemIndex,
				request.timeoutMs,
			);
		}
		waitedMs += delay;
		await sleep(delay);
	}
}

function networkError(
	context: RequestContext,
	connection: Connection,
	url: string,
	failure: NonNullable<Exchanged['networkFailure']>,
	attempts: number,
	itemIndex: number | undefined,
	timeoutMs: number | undefined,
): NodeApiError {
	const message = redact(failure.message, connection.secrets);
	const host = new URL(url).host;
	const times = attempts === 1 ? 'once' : `${attempts} times`;
	const timedOut = failure.code === 'ETIMEDOUT' || /timeout|timed out/i.test(message);
	const error = new NodeApiError(
		context.getNode(),
		{ message, code: failure.code ?? '' } as JsonObject,
		{
			description: timedOut
				? `${host} did not answer within the timeout (${times}). Raise Options > Timeout if the endpoint is slow, or check that the server is up.`
				: `The request failed ${times} without an HTTP answer. Check that the server is up and reachable from n8n, or raise the timeout.`,
			itemIndex,
		},
	);
	// Set after construction: NodeApiError swaps a message naming a network code for a generic one without the host.
	error.message = timedOut
		? `The request to ${host} timed out${timeoutMs ? ` after ${timeoutMs} ms` : ''}`
		: `Could not reach ${host}: ${failure.code ? `${message} (${failure.code})` : message}`;
	return withProblem(error, 'unreachable');
}
