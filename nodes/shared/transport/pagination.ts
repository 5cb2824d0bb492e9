/**
 * Next page, the last step of the request path: following a paginated API to its end. Each style is a small strategy that reads a page and
 * says what to request next, or that this was the last page.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { readPath } from '../jsonPath';
import { parseJsonBody } from './response';
import { sendAuthorized, type SendOptions } from './request';
import type { OutgoingRequest, ReceivedResponse, RequestContext } from './types';

export type PaginationMode = 'off' | 'nextUrl' | 'linkHeader' | 'cursor' | 'offset' | 'page';

export interface PaginationSettings {
	mode: PaginationMode;
	/** Where the records of a page are, e.g. `data`; empty when the page itself is the list. */
	recordsPath: string;
	nextUrlPath: string;
	cursorPath: string;
	cursorParameter: string;
	offsetParameter: string;
	limitParameter: string;
	pageSize: number;
	pageParameter: string;
	firstPage: number;
	maxPages: number;
	/** The most bytes all pages of one item may bring together (each page is bounded on its own too). */
	maxTotalBytes: number;
}

export interface Page {
	number: number;
	body: unknown;
	/** undefined when no list was found at the records path. */
	records: unknown[] | undefined;
	response: ReceivedResponse;
}

interface PageState {
	request: OutgoingRequest;
	page: Page;
	/** Records seen so far, for offset paging. */
	recordsSoFar: number;
}

type NextRequest = (settings: PaginationSettings, state: PageState) => OutgoingRequest | undefined;

function withQuery(request: OutgoingRequest, query: IDataObject): OutgoingRequest {
	return { ...request, qs: { ...(request.qs ?? {}), ...query } };
}

function nonEmptyString(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a link's parameters (`; rel="next"; title="..."`) name the rel type `next`. */
function isRelNext(parameters: string): boolean {
	return parameters
		.replace(/,\s*$/, '')
		.split(';')
		.some((parameter) => {
			const [name, ...rest] = parameter.split('=');
			if (name.trim().toLowerCase() !== 'rel') return false;
			const value = rest.join('=').trim().replace(/^"|"$/g, '');
			return value.toLowerCase().split(/\s+/).includes('next');
		});
}

/**
 * `<https://api.example.com/items?page=2>; rel="next", <...>; rel="last"` (RFC 8288). One pass
 * over the header: each link's parameters run to the next `<`, so hostile headers cost linear time.
 */
export function nextLinkFromHeader(header: string | string[] | undefined): string | undefined {
	const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
	let position = 0;
	while (position < text.length) {
		const open = text.indexOf('<', position);
		if (open === -1) return undefined;
		const close = text.indexOf('>', open + 1);
		if (close === -1) return undefined;
		const next = text.indexOf('<', close + 1);
		const end = next === -1 ? text.length : next;
		if (isRelNext(text.slice(close + 1, end))) return text.slice(open + 1, close);
		position = end;
	}
	return undefined;
}

/** A next URL replaces the query: the server put everything it needs into it. */
function followUrl(request: OutgoingRequest, next: string, base: string): OutgoingRequest {
	return { ...request, url: new URL(next, base).toString(), qs: undefined };
}

const NEXT_REQUEST: Record<Exclude<PaginationMode, 'off'>, NextRequest> = {
	nextUrl: (settings, { request, page }) => {
		const next = nonEmptyString(readPath(page.body, settings.nextUrlPath));
		return next === undefined ? undefined : followUrl(request, next, page.response.url);
	},
	linkHeader: (_settings, { request, page }) => {
		const next = nextLinkFromHeader(page.response.headers.link);
		return next === undefined ? undefined : followUrl(request, next, page.response.url);
	},
	cursor: (settings, { request, page }) => {
		const cursor = nonEmptyString(readPath(page.body, settings.cursorPath));
		return cursor === undefined
			? undefined
			: withQuery(request, { [settings.cursorParameter]: cursor });
	},
	offset: (settings, { request, page, recordsSoFar }) => {
		if ((page.records?.length ?? 0) < settings.pageSize) return undefined;
		return withQuery(request, { [settings.offsetParameter]: recordsSoFar });
	},
	page: (settings, { request, page }) =>
		withQuery(request, { [settings.pageParameter]: settings.firstPage + page.number }),
};

function firstRequest(settings: PaginationSettings, request: OutgoingRequest): OutgoingRequest {
	if (settings.mode === 'offset') {
		return withQuery(request, {
			[settings.offsetParameter]: 0,
			...(settings.limitParameter ? { [settings.limitParameter]: settings.pageSize } : {}),
		});
	}
	if (settings.mode === 'page')
		return withQuery(request, { [settings.pageParameter]: settings.firstPage });
	return request;
}

function recordsOf(settings: PaginationSettings, body: unknown): unknown[] | undefined {
	const found = settings.recordsPath ? readPath(body, settings.recordsPath) : body;
	return Array.isArray(found) ? found : undefined;
}

/**
 * Requests page after page, handing each to `onPage` as it arrives (pages are not kept), until a
 * page is empty, has no next, or `maxPages` is reached. Every page goes through the full request
 * path, so a next URL on another host is refused like any other.
 */
export async function fetchPages(
	context: RequestContext,
	itemIndex: number,
	request: OutgoingRequest,
	settings: PaginationSettings,
	sendOptions: SendOptions,
	onPage: (page: Page) => void,
	checkResponse: (response: ReceivedResponse) => Promise<void>,
): Promise<number> {
	const node = context.getNode();
	let next: OutgoingRequest | undefined = firstRequest(settings, request);
	let recordsSoFar = 0;
	let number = 0;
	let totalBytes = 0;
	/** Each page's request, so that a server handing out the same next URL or cursor again is caught. */
	const requested = new Map<string, number>();
	while (next !== undefined && number < settings.maxPages) {
		const current: OutgoingRequest = next;
		const key = JSON.stringify([current.url, current.qs ?? {}]);
		const earlier = requested.get(key);
		if (earlier !== undefined) {
			const what = settings.mode === 'cursor' ? 'cursor' : 'next page';
			throw new NodeOperationError(
				node,
				earlier === 1
					? `Pagination stopped: page ${number} points back to the first page`
					: `Pagination stopped: page ${number} gave the same ${what} as page ${earlier - 1}`,
				{
					itemIndex,
					description: `The API answered with a ${what} it had given before, so paging would never end. Check the pagination settings against the API documentation (e.g. the cursor path or parameter name).`,
				},
			);
		}
		requested.set(key, number + 1);
		const response = await sendAuthorized(context, itemIndex, current, {
			...sendOptions,
			leg: number === 0 ? 'request' : 'nextPage',
		});
		await checkResponse(response);
		number++;
		totalBytes += response.body.length;
		if (totalBytes > settings.maxTotalBytes) {
			const limit = Math.round((settings.maxTotalBytes / 1024 / 1024) * 10) / 10;
			throw new NodeOperationError(
				node,
				`Pagination stopped: the pages of this item passed Max Total Size (${limit} MB) at page ${number}`,
				{
					itemIndex,
					description:
						'Ask for less per item (filters, a date range per item), or raise Max Total Size (MB) in the pagination settings if you expect this much.',
				},
			);
		}
		const body = parseJsonBody(node, response, itemIndex);
		const records = recordsOf(settings, body);
		if (settings.recordsPath && records === undefined && number === 1) {
			throw new NodeOperationError(
				node,
				`No list found at records path '${settings.recordsPath}' in the first page`,
				{
					itemIndex,
					description:
						'Set Records Path to where the page’s list is (e.g. data or items), or leave it empty when the page itself is a list.',
				},
			);
		}
		const page: Page = { number, body, records, response };
		onPage(page);
		recordsSoFar += records?.length ?? 0;
		if (records !== undefined && records.length === 0) break;
		if (settings.mode === 'off') break;
		next = NEXT_REQUEST[settings.mode](settings, { request: current, page, recordsSoFar });
	}
	return number;
}
