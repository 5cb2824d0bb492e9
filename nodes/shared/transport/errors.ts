/**
 * Errors in one place: recognising the host's errors, the connection problem an error carries,
 * and keeping secrets out of everything that could reach an output, an error or a log.
 */
import type { ConnectionProblem, NodeError } from './types';

// The host's errors. n8n loads this package with the host's n8n-workflow, but a package installed
// with its own copy (a plain `npm install` of the tarball) gets other classes, so the host's errors
// are recognised by name, never by `instanceof`.

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

// The connection problem an error carries, for the OAuth2 Connection node's health report.

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

/** A promise's value or its error, so that errors can be sorted outside a catch clause. */
export async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
	return await promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error: error ?? new Error('Unknown error') }),
	);
}

// Redaction: the connection's own values (client secret, access, refresh and id tokens), and any
// token field a provider's response carries, in form, JSON or JSON-in-a-string shapes.

const MASK = '[redacted]';

/** Token fields in any response; `code` only in token-endpoint errors (APIs use it for error codes). */
const TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'];
const TOKEN_ENDPOINT_FIELDS = [...TOKEN_FIELDS, 'code'];

function fieldPatterns(fields: string[]): RegExp[] {
	const names = fields.join('|');
	return [
		// JSON: "access_token": "value", with escapes such as \/ inside the value
		new RegExp(`("(?:${names})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, 'gi'),
		// JSON inside a JSON string: \"access_token\":\"value\"
		new RegExp(`(\\\\"(?:${names})\\\\"\\s*:\\s*\\\\")((?:[^"\\\\]|\\\\[^"])*)(\\\\")`, 'gi'),
		// Form or query: access_token=value
		new RegExp(`(\\b(?:${names})=)([^&\\s"'\\\\]+)()`, 'gi'),
	];
}

const TOKEN_FIELD_PATTERNS = fieldPatterns(TOKEN_FIELDS);
const TOKEN_ENDPOINT_PATTERNS = fieldPatterns(TOKEN_ENDPOINT_FIELDS);

function maskFields(text: string, patterns: RegExp[]): string {
	return patterns.reduce(
		(result, pattern) =>
			result.replace(pattern, (_match, head, _value, tail) => `${head}${MASK}${tail}`),
		text,
	);
}

/** Only the given values replaced: what a successful answer keeps (its own token fields stay). */
export function replaceSecrets(text: string, secrets: string[]): string {
	return secrets.reduce((result, secret) => result.split(secret).join(MASK), text);
}

export function redact(text: string, secrets: string[]): string {
	return maskFields(replaceSecrets(text, secrets), TOKEN_FIELD_PATTERNS);
}

/**
 * A token endpoint's error text: n8n's OAuth2 client quotes the start of a response it could not
 * parse ("... but received: access_token=..."), which is left out; token fields are masked.
 */
export function redactTokenEndpointText(text: string, secrets: string[]): string {
	const withoutQuote = text.replace(/\s*but received:[\s\S]*$/i, ' (its content is not shown)');
	return maskFields(redact(withoutQuote, secrets), TOKEN_ENDPOINT_PATTERNS);
}

/**
 * Redacts all of an error the host may log or store: message, description, stack, collected
 * messages, and the causes it wraps (the host's error reporter logs each cause's message).
 */
export function redactError(error: NodeError, secrets: string[]): void {
	error.message = redact(error.message, secrets);
	if (error.description) error.description = redact(error.description, secrets);
	error.messages = error.messages.map((message) => redact(message, secrets));
	const seen = new Set<unknown>();
	for (
		let current: unknown = error;
		current instanceof Error && !seen.has(current);
		current = current.cause
	) {
		seen.add(current);
		current.message = redact(current.message, secrets);
		if (current.stack) current.stack = redact(current.stack, secrets);
	}
}
