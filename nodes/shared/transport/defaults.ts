/**
 * Every default of the request path, in one place. The node descriptions repeat them as literals
 * (n8n's linter reads a parameter's default as written); test/defaults.test.ts keeps them equal.
 */
import type { RetryPolicy } from './types';

/** Options > Timeout (Ms): how long to wait for an answer, from the API or the token endpoint. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Options > Concurrency: how many items send at the same time. */
export const DEFAULT_CONCURRENCY = 10;

/** Options > Max Requests per Second: 0, no limit. */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 0;

/** Options > Max Response Size (MB), in bytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Options > Max Attempts, Max Retry Wait (Seconds), Retry POST and PATCH. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	retryNonIdempotent: false,
};

/** Options > Refresh Token Ahead (Seconds): refresh when the token has less than this left; the host itself treats 60 s as expired. */
export const DEFAULT_REFRESH_MARGIN_MS = 120_000;

/** Pagination > Max Total Size (MB). */
export const DEFAULT_MAX_TOTAL_MEGABYTES = 256;

/** Max Pages may not be set higher: a loop that never ends costs the API and n8n's memory. */
export const MAX_PAGES_LIMIT = 10_000;

/** Redirects followed before the request fails as a loop. */
export const MAX_REDIRECTS = 10;

/** OAuth2 Connection node, Options > Warn When the Refresh Token Expires Within (Days). */
export const DEFAULT_WARN_REFRESH_TOKEN_DAYS = 7;
