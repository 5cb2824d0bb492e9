/**
 * What kind of trouble a connection is in, attached to the errors of the request path so that the
 * OAuth2 Connection node can report a connection's health as data instead of failing.
 */
import type { NodeError } from './hostErrors';
import { isNodeError, isReconnectError } from './hostErrors';

export type ConnectionProblem =
	| 'needsReconnect'
	| 'misconfigured'
	| 'unreachable'
	| 'refreshFailing';

export function withProblem<E extends NodeError>(error: E, problem: ConnectionProblem): E {
	error.context.connectionProblem = problem;
	return error;
}

export function problemOf(error: unknown): ConnectionProblem | undefined {
	if (!isNodeError(error)) return undefined;
	const tagged = error.context.connectionProblem;
	if (typeof tagged === 'string') return tagged as ConnectionProblem;
	return isReconnectError(error) ? 'needsReconnect' : undefined;
}
