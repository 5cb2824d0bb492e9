/**
 * The request path's front door: what the nodes import from transport/. Read it from here down;
 * each step is a file that imports only the files below it (scripts/checkStructure.ts keeps it so):
 *
 *   pagination.ts  next page: follows a paginated API, one request per page
 *   request.ts     one request through all steps; what leaves it holds no secret
 *   retry.ts       retry: refresh once on the expiry signal, wait and resend on 429/5xx/network
 *   send.ts        send: one delivery, redirects hop by hop (exchange.ts: one hop through the host)
 *   tokenRefresh.ts  fresh?: refresh ahead of expiry, after the expiry signal, once per connection
 *   allowed.ts     allowed?: may the token go to this URL, these headers
 *   authorized.ts  authorized?: is the connection connected and its settings usable
 *
 * Below them: runConnection.ts (the run's connection), connection.ts (reading the credential),
 * pacing.ts, response.ts, tokenFacts.ts, connectionSettings.ts, errors.ts, defaults.ts, types.ts.
 */
export * from './defaults';
export * from './types';
export {
	isNodeError,
	problemOf,
	redact,
	redactError,
	redactTokenEndpointText,
	settle,
} from './errors';
export { CREDENTIAL_TYPE, connectionName, describeConnection, loadConnection } from './connection';
export { readTokenFacts, accountIn, missingScopes, type TokenFacts } from './tokenFacts';
export { RunConnection } from './runConnection';
export { createPacer } from './pacing';
export { assertAuthorized, assertConfigured } from './authorized';
export { refreshNow } from './tokenRefresh';
export { sendAuthorized, type SendOptions } from './request';
export {
	contentTypeOf,
	detectFormat,
	httpStatusError,
	parseJsonBody,
	type ResponseFormat,
} from './response';
export {
	fetchPages,
	nextLinkFromHeader,
	type Page,
	type PaginationMode,
	type PaginationSettings,
} from './pagination';
