/**
 * One HTTP exchange: the request goes out through the host, with the connection's token when
 * `withToken` (httpRequestWithAuthentication: the host injects it), without it otherwise (a
 * redirect hop to another origin). The body is read as it arrives and cut off at the size limit.
 * Redirects and expiry signals come back as responses: the request path decides about them.
 */
import { NodeOperationError, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './connection';
import { isNodeError, settle, unwrapHostError } from './errors';
import { pacedContext } from './pacing';
import type { RunConnection } from './runConnection';
import type {
	Connection,
	NetworkFailure,
	OutgoingRequest,
	ReceivedResponse,
	RequestContext,
	RequestPacer,
} from './types';

/** What came back: a response (any status), or why none did. */
export interface Exchanged {
	response?: ReceivedResponse;
	networkFailure?: NetworkFailure;
}

/** What the sends of one node run share: its connection, and its pace when it has one. */
export interface RunSending {
	connection: RunConnection;
	pacer?: RequestPacer;
}

interface StreamedResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Reads a body stream, stopping (and closing the connection) once it passes `maxBytes`. */
async function readBody(
	node: INode,
	body: unknown,
	url: string,
	maxBytes: number,
	itemIndex: number | undefined,
): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (typeof body === 'string') return Buffer.from(body);
	const stream = body as AsyncIterable<Buffer | string> & { destroy?: () => void };
	if (typeof stream[Symbol.asyncIterator] !== 'function') return Buffer.from(JSON.stringify(body));
	const chunks: Buffer[] = [];
	let received = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		received += buffer.length;
		if (received > maxBytes) {
			stream.destroy?.();
			throw new NodeOperationError(
				node,
				`The response from ${new URL(url).host} is larger than Max Response Size (${megabytes(maxBytes)})`,
				{
					itemIndex,
					description:
						'Ask for less (filters, a smaller page size with pagination), or raise Options > Max Response Size (MB) if you expect a response this large.',
				},
			);
		}
		chunks.push(buffer);
	}
	return Buffer.concat(chunks, received);
}

/** Whatever the host's HTTP client threw, split into a response (an HTTP status) or a network failure. */
function readThrown(error: unknown): {
	response?: StreamedResponse;
	networkFailure?: NetworkFailure;
} {
	const failure = error as {
		response?: { status?: number; headers?: Record<string, string>; data?: unknown };
		code?: string;
		cause?: { code?: string };
		message?: string;
	};
	const status = failure.response?.status;
	if (typeof status === 'number') {
		return {
			response: {
				statusCode: status,
				headers: { ...(failure.response?.headers ?? {}) },
				body: failure.response?.data,
			},
		};
	}
	return {
		networkFailure: {
			code: failure.code ?? failure.cause?.code,
			message: failure.message ?? String(error),
		},
	};
}

export async function exchange(
	context: RequestContext,
	connection: Connection,
	run: RunSending,
	withToken: boolean,
	request: OutgoingRequest,
	maxBytes: number,
	itemIndex: number | undefined,
): Promise<Exchanged> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: request.headers,
		body: request.body,
		json: request.json,
		timeout: request.timeoutMs,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Each hop is checked against the allowed domains before it is sent, by the request path.
		disableFollowRedirect: true,
		allowedDomains: connection.allowedDomains,
	};
	const sender = run.pacer ? pacedContext(context, run.pacer) : context;
	const outcome = await settle(
		(withToken
			? sender.helpers.httpRequestWithAuthentication.call(
					run.connection.hostContext(sender),
					CREDENTIAL_TYPE,
					options,
					// Refreshing on the expiry signal is the request path's job (tokenRefresh.ts).
					{
						oauth2: {
							tokenType: 'Bearer',
							skipTokenRefresh: true,
							...(connection.tokenHeader
								? { keyToIncludeInAccessTokenHeader: connection.tokenHeader }
								: {}),
						},
					},
				)
			: sender.helpers.httpRequest(options)) as Promise<StreamedResponse>,
	);
	const thrown = unwrapHostError(outcome.error);
	// The host's own errors (e.g. "needs to be reconnected") already say what to do.
	if (isNodeError(thrown)) throw thrown;
	const { response: raw, networkFailure } =
		outcome.error === undefined
			? { response: outcome.value, networkFailure: undefined }
			: readThrown(thrown);
	if (raw === undefined) {
		return { networkFailure: networkFailure ?? { message: 'No response' } };
	}
	return {
		response: {
			statusCode: raw.statusCode,
			headers: { ...raw.headers },
			body: await readBody(context.getNode(), raw.body, request.url, maxBytes, itemIndex),
			url: request.url,
		},
	};
}
