/** Reads the shared request options of a node run into what the request path takes. */
import type { IDataObject } from 'n8n-workflow';

import { createPacer } from './itemRunner';
import { DEFAULT_MAX_RESPONSE_BYTES } from './transport/exchange';
import type { SendOptions } from './transport/request';
import { DEFAULT_RETRY_POLICY } from './transport/retry';
import { DEFAULT_REFRESH_MARGIN_MS } from './transport/tokenRefresh';

export interface RunSettings {
	concurrency: number;
	timeoutMs: number;
	send: SendOptions;
}

function numberOr(value: unknown, fallback: number): number {
	const parsed = Number(value);
	return value === undefined || value === '' || !Number.isFinite(parsed) ? fallback : parsed;
}

export function readRunSettings(options: IDataObject): RunSettings {
	return {
		concurrency: Math.max(1, numberOr(options.concurrency, 10)),
		timeoutMs: Math.max(1, numberOr(options.timeout, 30_000)),
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
			pacer: createPacer(numberOr(options.maxRequestsPerSecond, 0)),
			maxResponseBytes:
				Math.max(
					1,
					numberOr(options.maxResponseMegabytes, DEFAULT_MAX_RESPONSE_BYTES / 1024 / 1024),
				) *
				1024 *
				1024,
			connectionMemo: {},
		},
	};
}
