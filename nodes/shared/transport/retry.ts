/**
 * Retry, the step after send: the attempts of one request. The answer may say the token expired
 * (the connection's expiry signal): the token is refreshed and the request sent again, once. Rate
 * limits (429), gateway failures (502/503/504) and network errors are sent again after a wait,
 * with exponential backoff, full jitter and the server's Retry-After, bounded by attempts and
 * total wait. Every attempt after the first reads the connection again (send.ts).
 */
import { NodeApiError, sleep, type JsonObject } from 'n8n-workflow';

import { readPath } from '../jsonPath';
import { redact, withProblem } from './errors';
import type { RunConnection } from './runConnection';
import { recheckBeforeSend, sendFollowingRedirects, type Delivered } from './send';
import {
	ensureUsableToken,
	noteTokenAccepted,
	refreshRejectedToken,
	refusedAfterRefresh,
	tokenIsFresh,
} from './tokenRefresh';
import type {
	Connection,
	Leg,
	NetworkFailure,
	OutgoingRequest,
	ReceivedResponse,
	RequestContext,
	RequestPacer,
	RetryPolicy,
} from './types';

export const RETRYABLE_STATUS_CODES = new Set([429, 502, 503, 504]);

const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Seconds or an HTTP date (RFC 9110 section 10.2.3), as milliseconds from now. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value)
		? String(value[0])
		: typeof value === 'string'
			? value.trim()
			: '';
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function isRetryableNetworkError(code: string | undefined, message: string): boolean {
	return (
		(code !== undefined && RETRYABLE_NETWORK_CODES.has(code)) ||
		/socket hang up|timeout/i.test(message)
	);
}

export interface FailedAttempt {
	/** 1 for the first send. */
	attempt: number;
	method: string;
	statusCode?: number;
	retryAfterMs?: number;
	networkError?: boolean;
	/** Total time already spent waiting between attempts. */
	waitedMs: number;
}

/** Milliseconds to wait before the next attempt, or undefined when the request must not be retried. */
export function nextRetryDelay(
	policy: RetryPolicy,
	failed: FailedAttempt,
	random = Math.random,
): number | undefined {
	if (failed.attempt >= policy.maxAttempts) return undefined;
	const retryable =
		failed.networkError ||
		(failed.statusCode !== undefined && RETRYABLE_STATUS_CODES.has(failed.statusCode));
	if (!retryable) return undefined;
	const serverAsked = failed.retryAfterMs !== undefined;
	if (
		!IDEMPOTENT_METHODS.has(failed.method.toUpperCase()) &&
		!serverAsked &&
		!policy.retryNonIdempotent
	) {
		return undefined;
	}
	const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failed.attempt - 1));
	// Full jitter spreads retries of many items. The server's Retry-After is a floor, but a wait
	// longer than one request may spend is capped to what is left of it (a timer cannot hold more).
	const remaining = policy.maxTotalWaitMs - failed.waitedMs;
	const delay = serverAsked
		? Math.min(
				(failed.retryAfterMs as number) + random() * policy.baseDelayMs * 0.2,
				policy.maxDelayMs,
				remaining,
			)
		: random() * backoff;
	if (delay <= 0 || failed.waitedMs + delay > policy.maxTotalWaitMs) return undefined;
	return Math.ceil(delay);
}

/** How the attempts of one request go: the run's settings, resolved by the request path. */
export interface Attempts {
	policy: RetryPolicy;
	refreshMarginMs: number;
	/** The request's timeout, also the longest wait for the token endpoint. */
	timeoutMs: number;
	pacer?: RequestPacer;
	maxResponseBytes: number;
	leg: Leg;
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
 * Sends `request` (its URL resolved and allowed for `loaded`) until an answer is final: refreshing
 * once on the expiry signal, waiting and sending again on a retryable failure.
 */
export async function sendRetrying(
	context: RequestContext,
	itemIndex: number | undefined,
	request: OutgoingRequest,
	run: RunConnection,
	loaded: Connection,
	attempts: Attempts,
): Promise<ReceivedResponse> {
	const { policy, timeoutMs, leg } = attempts;
	const url = request.url;
	let connection = loaded;
	let waitedMs = 0;
	let refreshedAfterSignal = false;
	for (let attempt = 1; ; attempt++) {
		if (attempt > 1) connection = await recheckBeforeSend(context, run, url, itemIndex, leg);
		const beforeRefresh = connection;
		connection = await ensureUsableToken(
			context,
			connection,
			itemIndex,
			attempts.refreshMarginMs,
			timeoutMs,
		);
		if (connection !== beforeRefresh) run.replace(connection);
		const delivered = await sendFollowingRedirects(
			context,
			connection,
			{ connection: run, pacer: attempts.pacer },
			request,
			attempts.maxResponseBytes,
			itemIndex,
		);
		const { response, networkFailure } = delivered;

		if (signalsExpiry(connection, delivered)) {
			const answer = `${new URL((response as ReceivedResponse).url).host} answered ${(response as ReceivedResponse).statusCode}`;
			if (refreshedAfterSignal) throw refusedAfterRefresh(context, connection, itemIndex, answer);
			refreshedAfterSignal = true;
			connection = await refreshRejectedToken(context, connection, itemIndex, timeoutMs, answer);
			run.replace(connection);
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
	failure: NetworkFailure,
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
