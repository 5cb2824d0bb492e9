/**
 * When and how long to wait before sending a request again: rate limits (429), gateway
 * failures (502/503/504) and network errors, with exponential backoff, full jitter and the
 * server's Retry-After, bounded by attempts and total wait.
 */
export interface RetryPolicy {
	maxAttempts: number;
	maxTotalWaitMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Whether POST and PATCH may be retried without the server asking (Retry-After). */
	retryNonIdempotent: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	retryNonIdempotent: false,
};

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
