/**
 * Send, the step after the token is fresh: one request delivered, following redirects hop by hop
 * (each hop is one exchange.ts). Redirects are followed here rather than in the host's HTTP client
 * (which keeps the Authorization header on a redirect to a subdomain): every hop is checked against
 * the connection's allowed domains before it is sent, and the token goes only to the exact origin
 * (scheme, host, port) of the first request.
 */
import { NodeOperationError } from 'n8n-workflow';

import { assertDestinationAllowed } from './allowed';
import { assertAuthorized, assertConfigured } from './authorized';
import { loadConnection } from './connection';
import { MAX_REDIRECTS } from './defaults';
import { exchange, type Exchanged, type RunSending } from './exchange';
import type { RunConnection } from './runConnection';
import type { Connection, Leg, OutgoingRequest, RequestContext } from './types';

/**
 * Before a send that follows an earlier one (a retry, a redirect hop, a next page): the connection
 * read again, as the host will sign this send, and the destination checked against it, so an edit
 * made meanwhile (a host dropped, all requests blocked) stops it.
 */
export async function recheckBeforeSend(
	context: RequestContext,
	run: RunConnection,
	url: string,
	itemIndex: number | undefined,
	leg: Leg,
): Promise<Connection> {
	const node = context.getNode();
	const current = await loadConnection(context, itemIndex);
	run.replace(current);
	assertConfigured(node, current, itemIndex);
	assertAuthorized(node, current, itemIndex);
	assertDestinationAllowed(node, current, url, itemIndex, leg);
	return current;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface Delivered extends Exchanged {
	/** Whether the answering origin received the token (only the first request's origin does). */
	sentToken: boolean;
}

function locationOf(headers: Record<string, string | string[] | undefined>): string | undefined {
	const value = headers.location;
	const location = Array.isArray(value) ? value[0] : value;
	return location && location.trim() !== '' ? location.trim() : undefined;
}

/** 307 and 308 repeat the request; 303 (and 301/302 after a POST, as browsers do) become a GET. */
function nextHop(request: OutgoingRequest, status: number, url: string): OutgoingRequest {
	const becomesGet =
		status === 303 || ((status === 301 || status === 302) && request.method === 'POST');
	if (!becomesGet) return { ...request, url, qs: undefined };
	const headers = Object.fromEntries(
		Object.entries(request.headers ?? {}).filter(
			([name]) => !/^content-(type|length|encoding)$/i.test(name),
		),
	);
	return {
		...request,
		method: 'GET',
		url,
		qs: undefined,
		body: undefined,
		json: undefined,
		headers,
	};
}

export async function sendFollowingRedirects(
	context: RequestContext,
	connection: Connection,
	run: RunSending,
	request: OutgoingRequest,
	maxBytes: number,
	itemIndex: number | undefined,
): Promise<Delivered> {
	const tokenOrigin = new URL(request.url).origin;
	let hop = request;
	let current = connection;
	for (let redirects = 0; ; redirects++) {
		const sentToken = new URL(hop.url).origin === tokenOrigin;
		const delivered = await exchange(context, current, run, sentToken, hop, maxBytes, itemIndex);
		const response = delivered.response;
		const location = response && locationOf(response.headers);
		if (!response || !REDIRECT_STATUSES.has(response.statusCode) || location === undefined) {
			return { ...delivered, sentToken };
		}
		if (redirects === MAX_REDIRECTS) {
			throw new NodeOperationError(
				context.getNode(),
				`The server redirected more than ${MAX_REDIRECTS} times (last to ${new URL(location, hop.url).host})`,
				{
					itemIndex,
					description:
						'The redirects probably loop. Call the final URL directly, or check the URL and the API’s documentation.',
				},
			);
		}
		const next = new URL(location, hop.url).toString();
		current = await recheckBeforeSend(context, run.connection, next, itemIndex, 'redirect');
		hop = nextHop(hop, response.statusCode, next);
	}
}
