/**
 * The types the steps of the request path share. They sit below every step, so no step imports
 * its caller to name what it hands on.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import type { GrantType } from '../../../credentials/grantTypes';

export {
	BROWSER_GRANTS,
	GRANT_TYPES,
	grantTypeOf,
	isBrowserGrant,
	type GrantType,
} from '../../../credentials/grantTypes';

export interface ExpirySignal {
	statusCodes: number[];
	/** Path in a JSON response body, e.g. `errors[0].code`; empty when the API uses status codes only. */
	responsePath: string;
	responseValues: string[];
}

/** A setting of the connection that cannot work, as an error message and its fix. */
export interface Misconfiguration {
	message: string;
	description: string;
}

/** What a node needs to know about the selected OAuth2 Connection (connection.ts reads it). */
export interface Connection {
	name: string;
	grantType: GrantType;
	/** The token endpoint, for naming it in errors (the host sends the token requests). */
	tokenUrl: string;
	apiBaseUrl: string;
	/** Headers the preset's provider wants on every request (Etsy's x-api-key), filled in. */
	apiHeaders?: Record<string, string>;
	/** A header the host also puts the access token in (Shopify's X-Shopify-Access-Token). */
	tokenHeader?: string;
	/** The token-response field the API base URL was taken from (instance_url), if it was. */
	apiBaseUrlFrom: string | undefined;
	/** undefined: any host; otherwise n8n's comma-separated allowedDomains syntax. */
	allowedDomains: string | undefined;
	/** Whether the allowed domains are the preset's (or the API base URL's host), not typed by the user. */
	allowedDomainsAreDefault: boolean;
	blocksAllRequests: boolean;
	accessToken: string | undefined;
	hasRefreshToken: boolean;
	/**
	 * Which signed-in account the tokens are (a hash of the refresh token; empty without one): with
	 * n8n's per-user credentials one credential holds each user's own tokens.
	 */
	account: string;
	/** Epoch milliseconds from the host's `n8n_expires_at`, when the provider sent expires_in. */
	expiresAt: number | undefined;
	/** How long the provider said the token lives (its expires_in), in milliseconds. */
	lifetimeMs: number | undefined;
	expirySignal: ExpirySignal;
	/** Values that must never appear in an error, an output or a log. */
	secrets: string[];
	/** A setting of the connection that cannot work, found before anything is sent. */
	misconfiguration: Misconfiguration | undefined;
}

export type NodeError = NodeOperationError | NodeApiError;

/**
 * What kind of trouble a connection is in, attached to the errors of the request path so that the
 * OAuth2 Connection node can report a connection's health as data instead of failing.
 */
export type ConnectionProblem =
	| 'needsReconnect'
	| 'misconfigured'
	| 'unreachable'
	| 'refreshFailing';

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
	/** The URL that answered (after redirects). */
	url: string;
}

/** A failure before any HTTP answer: connection refused, reset, timed out. */
export interface NetworkFailure {
	code?: string;
	message: string;
}

/** Spaces requests out to a rate, shared by all items of one node run (pacing.ts). */
export interface RequestPacer {
	waitTurn(): Promise<void>;
}

/** Why a URL is checked: the first request, a redirect hop or a next page. */
export type Leg = 'request' | 'redirect' | 'nextPage';

export interface RetryPolicy {
	maxAttempts: number;
	maxTotalWaitMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Whether POST and PATCH may be retried without the server asking (Retry-After). */
	retryNonIdempotent: boolean;
}
