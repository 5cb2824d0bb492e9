/**
 * The one request path of both nodes: is the connection authorized -> is the host allowed ->
 * is the token fresh -> send (the host injects the token) -> refresh on the expiry signal ->
 * retry rate limits and flaky servers.
 */
import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import {
	assertAuthorized,
	assertConfigured,
	assertHostAllowed,
	CREDENTIAL_TYPE,
	loadConnection,
	resolveUrl,
	type Connection,
} from './connection';
import { reuseResolvedCredential } from './credentialReuse';
import { readPath } from '../jsonPath';
import { redact } from './redact';
import { settle } from './settle';
import {
	DEFAULT_RETRY_POLICY,
	isRetryableNetworkError,
	nextRetryDelay,
	parseRetryAfter,
	type RetryPolicy,
} from './retry';
import { DEFAULT_REFRESH_MARGIN_MS, refreshIfExpiring, refreshRejectedToken } from './tokenRefresh';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface OutgoingRequest {
	method: IHttpRequestMethods;
	/** Absolute, or relative to the connection's API base URL. */
	url: string;
	qs?: IDataObject;
	headers?: IDataObject;
	body?: IHttpRequestOptions['body'];
	/** Whether `body` is JSON to serialize. */
	json?: boolean;
	timeoutMs?: number;
}

export interface ReceivedResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
	/** The URL the request was sent to (before redirects). */
	url: string;
}

/** Spaces requests out to a rate, shared by all items of one node run. */
export interface RequestPacer {
	waitTurn(): Promise<void>;
}

/**
 * The connection as last read in this node run. Reading it resolves the whole credential, so items
 * share one read; a refresh replaces it. The host still reads the stored token for every request.
 */
export interface ConnectionMemo {
	current?: Promise<Connection>;
}

export interface SendOptions {
	retry?: RetryPolicy;
	refreshMarginMs?: number;
	pacer?: RequestPacer;
	connectionMemo?: ConnectionMemo;
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (typeof body === 'string') return Buffer.from(body);
	return Buffer.from(JSON.stringify(body));
}

/** Whether a 2xx JSON body says the token expired (APIs such as Marketo answer 200 with code 602). */
function carriesExpirySignal(connection: Connection, response: ReceivedResponse): boolean {
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
 * httpRequestWithAuthentication wraps whatever it caught in a NodeApiError; the HTTP client's
 * own error (status, headers, code) or the host's own node error is its cause.
 */
function unwrapHostError(error: unknown): unknown {
	if (error instanceof NodeApiError && error.cause !== undefined) return error.cause;
	return error;
}

interface TransportFailure {
	response?: ReceivedResponse;
	code?: string;
	message: string;
}

/** Splits what the host's HTTP client threw into a response (an HTTP status) or a network failure. */
function readFailure(error: unknown, url: string): TransportFailure {
	const failure = error as {
		response?: { status?: number; headers?: Record<string, string>; data?: unknown };
		code?: string;
		cause?: { code?: string };
		message?: string;
	};
	const status = failure.response?.status;
	if (typeof status === 'number') {
		return {
			response: {
				statusCode: status,
				headers: { ...(failure.response?.headers ?? {}) },
				body: toBuffer(failure.response?.data),
				url,
			},
			message: failure.message ?? `Request failed with status ${status}`,
		};
	}
	return { code: failure.code ?? failure.cause?.code, message: failure.message ?? String(error) };
}

export async function sendAuthorized(
	context: RequestContext,
	itemIndex: number | undefined,
	request: OutgoingRequest,
	options: SendOptions = {},
): Promise<ReceivedResponse> {
	const node = context.getNode();
	const policy = options.retry ?? DEFAULT_RETRY_POLICY;
	const memo = options.connectionMemo ?? {};
	memo.current ??= loadConnection(context, itemIndex);
	let connection = await memo.current;
	assertConfigured(node, connection, itemIndex);
	assertAuthorized(node, connection, itemIndex);
	const url = resolveUrl(node, connection, request.url, itemIndex);
	assertHostAllowed(node, connection, url, itemIndex);

	let waitedMs = 0;
	let refreshedForBodySignal = false;
	for (let attempt = 1; ; attempt++) {
		const beforeRefresh = connection;
		connection = await refreshIfExpiring(
			context,
			connection,
			itemIndex,
			options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
		);
		if (connection !== beforeRefresh) memo.current = Promise.resolve(connection);
		await options.pacer?.waitTurn();
		const outcome = await settle(
			context.helpers.httpRequestWithAuthentication.call(
				reuseResolvedCredential(context, memo),
				CREDENTIAL_TYPE,
				{
					method: request.method,
					url,
					qs: request.qs,
					headers: request.headers,
					body: request.body,
					json: request.json,
					timeout: request.timeoutMs,
					encoding: 'arraybuffer',
					returnFullResponse: true,
					// Expiry status codes still throw, so the host refreshes the token and sends again.
					ignoreHttpStatusErrors: { ignore: true, except: connection.expirySignal.statusCodes },
					allowedDomains: connection.allowedDomains,
					sendCredentialsOnCrossOriginRedirect: false,
				},
				{
					oauth2: {
						tokenType: 'Bearer',
						tokenExpiredStatusCode: connection.expirySignal.statusCodes,
						// A 403 that is not about the token must not cost a refresh while the token is fresh.
						skipRefreshWhileTokenIsFresh: true,
					},
				},
			) as Promise<{ statusCode: number; headers: Record<string, string>; body: unknown }>,
		);
		const thrown = unwrapHostError(outcome.error);
		// The host's own errors (e.g. "needs to be reconnected") already say what to do.
		if (thrown instanceof NodeOperationError || thrown instanceof NodeApiError) throw thrown;
		let response: ReceivedResponse | undefined;
		let networkFailure: TransportFailure | undefined;
		if (outcome.error === undefined && outcome.value) {
			const raw = outcome.value;
			response = {
				statusCode: raw.statusCode,
				headers: { ...raw.headers },
				body: toBuffer(raw.body),
				url,
			};
		} else {
			const failure = readFailure(thrown, url);
			if (/domain not allowed/i.test(failure.message)) {
				throw new NodeOperationError(node, redact(failure.message, connection.secrets), {
					itemIndex,
					description: `The server redirected to a host outside the allowed domains of connection '${connection.name}'; the token was not sent there. Call the final URL directly if it is on an allowed domain, or add its host to Allowed Domains in the connection if you trust it.`,
				});
			}
			response = failure.response;
			if (response === undefined) networkFailure = failure;
		}

		if (response && !refreshedForBodySignal && carriesExpirySignal(connection, response)) {
			refreshedForBodySignal = true;
			connection = await refreshRejectedToken(context, connection, itemIndex);
			memo.current = Promise.resolve(connection);
			attempt--;
			continue;
		}

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
				networkFailure as TransportFailure,
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
	failure: TransportFailure,
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
	return error;
}
