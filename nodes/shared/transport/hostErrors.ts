/**
 * Errors the host built. n8n loads this package with the host's n8n-workflow, but a package
 * installed with its own copy (a plain `npm install` of the tarball) gets other classes, so the
 * host's errors are recognised by name, never by `instanceof`.
 */
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type NodeError = NodeOperationError | NodeApiError;

const NODE_ERROR_NAMES = new Set(['NodeOperationError', 'NodeApiError']);

export function isNodeError(error: unknown): error is NodeError {
	return (
		error instanceof Error &&
		NODE_ERROR_NAMES.has(error.name) &&
		typeof (error as { node?: unknown }).node === 'object'
	);
}

/**
 * httpRequestWithAuthentication wraps whatever it caught in a NodeApiError; the HTTP client's own
 * error (status, headers, code) or the host's own node error is its cause.
 */
export function unwrapHostError(error: unknown): unknown {
	if (
		error instanceof Error &&
		error.name === 'NodeApiError' &&
		error.cause !== undefined &&
		error.cause !== null
	) {
		return error.cause;
	}
	return error;
}

/** The host's answer to `invalid_grant` on a refresh: "The credential ... needs to be reconnected." */
export function isReconnectError(error: unknown): boolean {
	return error instanceof Error && /needs to be reconnected/i.test(error.message);
}
