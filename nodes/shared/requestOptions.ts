/** Reads the shared request options of a node run into what the request path takes. */
import type { IDataObject } from 'n8n-workflow';

import {
	createPacer,
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_REQUESTS_PER_SECOND,
	DEFAULT_MAX_RESPONSE_BYTES,
	DEFAULT_REFRESH_MARGIN_MS,
	DEFAULT_RETRY_POLICY,
	DEFAULT_TIMEOUT_MS,
	RunConnection,
	type SendOptions,
} from './transport';

export interface RunSettings {
	concurrency: number;
	timeoutMs: number;
	/** The connection the items of this node run share. */
	runConnection: RunConnection;
	send: SendOptions;
}

function numberOr(value: unknown, fallback: number): number {
	const parsed = Number(value);
	return value === undefined || value === '' || !Number.isFinite(parsed) ? fallback : parsed;
}

export function readRunSettings(options: IDataObject): RunSettings {
	const runConnection = new RunConnection();
	return {
		concurrency: Math.max(1, numberOr(options.concurrency, DEFAULT_CONCURRENCY)),
		timeoutMs: Math.max(1, numberOr(options.timeout, DEFAULT_TIMEOUT_MS)),
		runConnection,
		send: {
			retry: {
				...DEFAULT_RETRY_POLICY,
				maxAttempts: Math.max(1, numberOr(options.maxAttempts, DEFAULT_RETRY_POLICY.maxAttempts)),
				maxTotalWaitMs: Math.max(
					0,
					numberOr(options.maxRetryWaitSeconds, DEFAULT_RETRY_POLICY.maxTotalWaitMs / 1000) * 1000,
				),
				retryNonIdempotent: options.retryNonIdempotent === true,
			},
			refreshMarginMs: Math.max(
				0,
				numberOr(options.refreshMarginSeconds, DEFAULT_REFRESH_MARGIN_MS / 1000) * 1000,
			),
			pacer: createPacer(numberOr(options.maxRequestsPerSecond, DEFAULT_MAX_REQUESTS_PER_SECOND)),
			maxResponseBytes:
				Math.max(
					1,
					numberOr(options.maxResponseMegabytes, DEFAULT_MAX_RESPONSE_BYTES / 1024 / 1024),
				) *
				1024 *
				1024,
			runConnection,
		},
	};
}
