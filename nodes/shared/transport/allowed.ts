/**
 * Is the destination allowed, the second step of the request path: where a connection's token may
 * go. The URL a request is sent to (and every redirect hop and next page), checked against the
 * connection's allowed domains, scheme and port, and the headers a user may not set because they
 * decide where a request lands or what it carries.
 */
import { isDomainAllowed, NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import type { Connection, Leg } from './types';

/** Headers that carry the token or decide which host a request lands on: the node sets them. */
const RESERVED_HEADERS: Record<string, string> = {
	authorization: 'Remove the Authorization header: the node adds the connection’s token itself.',
	'proxy-authorization':
		'Remove the Proxy-Authorization header: set a proxy in n8n’s own settings instead.',
	host: 'Remove the Host header: put the host into the URL instead.',
	'x-forwarded-host': 'Remove the X-Forwarded-Host header: put the host into the URL instead.',
	forwarded: 'Remove the Forwarded header: put the host into the URL instead.',
	':authority': 'Remove the :authority header: put the host into the URL instead.',
};

const HEADER_LABELS: Record<string, string> = {
	authorization: 'Authorization',
	'proxy-authorization': 'Proxy-Authorization',
	host: 'Host',
	'x-forwarded-host': 'X-Forwarded-Host',
	forwarded: 'Forwarded',
	':authority': ':authority',
};

/** An absolute http(s) URL, or one relative to the connection's API base URL. */
export function resolveUrl(
	node: INode,
	connection: Connection,
	url: string,
	itemIndex?: number,
): string {
	const trimmed = String(url ?? '').trim();
	if (trimmed === '') {
		throw new NodeOperationError(node, 'The URL is empty', {
			itemIndex,
			description:
				'Enter a full URL (https://...) or a path relative to the connection’s API base URL.',
		});
	}
	const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
	if (!isAbsolute && /^[^/?#]*:\/\//.test(trimmed)) {
		throw new NodeOperationError(
			node,
			`The URL '${trimmed}' is not a valid URL: '${trimmed.split(':')[0]}' is not a scheme`,
			{
				itemIndex,
				description:
					'Start the URL with https:// (or http://), or enter a path relative to the connection’s API base URL, e.g. /v1/contacts.',
			},
		);
	}
	if (!isAbsolute && connection.apiBaseUrl === '') {
		throw new NodeOperationError(
			node,
			`The URL '${trimmed}' is relative but the connection has no API base URL`,
			{
				itemIndex,
				description: `Enter a full URL (https://...), or set API Base URL in the connection '${connection.name}'.`,
			},
		);
	}
	const candidate = isAbsolute
		? trimmed
		: `${connection.apiBaseUrl}/${trimmed.replace(/^\/+/, '')}`;
	let parsed: URL;
	try {
		parsed = new URL(candidate);
	} catch {
		throw new NodeOperationError(node, `The URL '${candidate}' is not a valid URL`, {
			itemIndex,
			description:
				'Check for spaces or missing parts; a valid URL looks like https://api.example.com/v1/contacts.',
		});
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new NodeOperationError(
			node,
			`The URL '${candidate}' uses ${parsed.protocol} but only http and https are supported`,
			{
				itemIndex,
				description: 'Use an https:// URL.',
			},
		);
	}
	return parsed.toString();
}

function effectivePort(url: URL): string {
	return url.port || (url.protocol === 'https:' ? '443' : '80');
}

const LEG_NAMES: Record<Leg, string> = {
	request: 'The URL',
	redirect: 'The server redirected to a URL that',
	nextPage: 'The next page URL',
};

/**
 * Refuses, before anything is sent, a destination the connection's token may not go to: outside
 * the allowed domains, in cleartext when the API itself is served over https, or on another port
 * of the API's own host when the allowed domains are the ones taken from its base URL.
 */
export function assertDestinationAllowed(
	node: INode,
	connection: Connection,
	url: string,
	itemIndex?: number,
	leg: Leg = 'request',
): void {
	const target = new URL(url);
	const notSent = leg === 'redirect' ? ' Nothing was sent there.' : '';
	if (connection.blocksAllRequests) {
		throw new NodeOperationError(node, `Connection '${connection.name}' blocks all requests`, {
			itemIndex,
			description: 'Open the connection and set Allowed HTTP Request Domains to Specific Domains.',
		});
	}
	const base = connection.apiBaseUrl ? new URL(connection.apiBaseUrl) : undefined;
	if (target.protocol === 'http:' && base?.protocol !== 'http:') {
		throw new NodeOperationError(
			node,
			`${LEG_NAMES[leg]} uses http:// (${target.host}): the token of connection '${connection.name}' is only sent over https`,
			{
				itemIndex,
				description: `Use the https:// URL.${notSent} Plain http is accepted only when the connection’s API base URL is http itself (a local development server).`,
			},
		);
	}
	if (connection.allowedDomains === undefined) return;
	if (connection.allowedDomains === '') {
		throw new NodeOperationError(node, `Connection '${connection.name}' allows no domains`, {
			itemIndex,
			description: `Open the connection and add ${target.hostname} to Allowed Domains, or set its API Base URL.`,
		});
	}
	if (!isDomainAllowed({ url, allowedDomains: connection.allowedDomains })) {
		throw new NodeOperationError(
			node,
			leg === 'redirect'
				? `The server redirected to ${target.host}, which is not in the allowed domains of connection '${connection.name}'`
				: `The host ${target.host} is not in the allowed domains of connection '${connection.name}'`,
			{
				itemIndex,
				description:
					leg === 'redirect'
						? `The token was not sent there and nothing was requested from it. Call the final URL directly if it is on an allowed domain, or add ${target.hostname} to Allowed Domains in the connection if you trust it.`
						: `The token is only sent to: ${connection.allowedDomains}. Use a URL on one of them, or add ${target.hostname} to Allowed Domains in the connection.`,
			},
		);
	}
	if (
		connection.allowedDomainsAreDefault &&
		base !== undefined &&
		target.hostname === base.hostname &&
		effectivePort(target) !== effectivePort(base)
	) {
		throw new NodeOperationError(
			node,
			`${LEG_NAMES[leg]} uses port ${effectivePort(target)} of ${target.hostname}, but connection '${connection.name}' only sends its token to port ${effectivePort(base)} there`,
			{
				itemIndex,
				description: `Use the port of the API base URL (${base.host}).${notSent} To allow another port, list ${target.host} in Allowed Domains in the connection.`,
			},
		);
	}
}

/** Refuses headers the node sets itself, and values that are not text. */
export function assertHeadersAllowed(
	node: INode,
	headers: IDataObject | undefined,
	itemIndex?: number,
): void {
	for (const [name, value] of Object.entries(headers ?? {})) {
		const lower = name.trim().toLowerCase();
		const fix = RESERVED_HEADERS[lower];
		if (fix !== undefined) {
			const label = HEADER_LABELS[lower];
			throw new NodeOperationError(
				node,
				lower === 'authorization'
					? 'The Authorization header is set by the connection'
					: `The ${label} header cannot be set: it decides where the connection’s token goes`,
				{ itemIndex, description: fix },
			);
		}
		if (typeof value === 'object' && value !== null) {
			throw new NodeOperationError(
				node,
				`Header '${name}' is ${Array.isArray(value) ? 'a list' : 'an object'}, not text`,
				{
					itemIndex,
					description: `Give '${name}' a text value: join a list with commas (e.g. {{ $json.tags.join(',') }}) or write an object as JSON (e.g. {{ JSON.stringify($json.meta) }}).`,
				},
			);
		}
	}
}
