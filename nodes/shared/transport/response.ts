/** Turning a received body into what the user asked for, with errors that say what came back. */
import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import type { ReceivedResponse } from './types';

export type ResponseFormat = 'autodetect' | 'json' | 'text' | 'file';

export function contentTypeOf(response: ReceivedResponse): string {
	const value = response.headers['content-type'];
	return String(Array.isArray(value) ? value[0] : (value ?? '')).toLowerCase();
}

function looksLikeJson(contentType: string): boolean {
	return /[/+]json\b/.test(contentType);
}

function looksLikeText(contentType: string): boolean {
	return (
		contentType.startsWith('text/') || /xml|javascript|x-www-form-urlencoded/.test(contentType)
	);
}

/** The format `autodetect` settles on for this response. */
export function detectFormat(response: ReceivedResponse): Exclude<ResponseFormat, 'autodetect'> {
	const contentType = contentTypeOf(response);
	if (looksLikeJson(contentType)) return 'json';
	if (looksLikeText(contentType) || contentType === '')
		return response.body.length && !isProbablyText(response.body) ? 'file' : 'text';
	return 'file';
}

function isProbablyText(body: Buffer): boolean {
	return !body.subarray(0, 512).includes(0);
}

function preview(body: Buffer): string {
	const text = body.subarray(0, 80).toString('utf8').replace(/\s+/g, ' ');
	return body.length > 80 ? `${text}…` : text;
}

export function parseJsonBody(
	node: INode,
	response: ReceivedResponse,
	itemIndex?: number,
): unknown {
	const text = response.body.toString('utf8');
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		const where = new URL(response.url);
		throw new NodeOperationError(
			node,
			`The response from ${where.host}${where.pathname} is not JSON (content type '${contentTypeOf(response) || 'none'}', starts with '${preview(response.body)}')`,
			{
				itemIndex,
				description:
					'Check the URL points at the API and not at a web page or login page. If the endpoint returns text or a file, set Response Format accordingly.',
			},
		);
	}
}

/** The provider's own words from an error body: OAuth's error / error_description, or a message. */
function providerMessage(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const record = body as Record<string, unknown>;
	const nested =
		typeof record.error === 'object' && record.error !== null
			? (record.error as Record<string, unknown>)
			: undefined;
	const parts = [
		typeof record.error === 'string' ? record.error : undefined,
		record.error_description,
		nested?.message,
		nested?.code,
		record.message,
		record.detail,
	].filter((part): part is string => typeof part === 'string' && part !== '');
	return parts.length ? [...new Set(parts)].join(': ') : undefined;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Check the query parameters and the body against the API documentation.',
	401: 'The token was refused even after a refresh. Open the connection and click Reconnect; check the scopes.',
	403: 'The connection is authorized but not allowed to do this: add the needed scopes in the connection and reconnect, or check the account’s permissions.',
	404: 'Check the URL and the IDs in it.',
	405: 'The endpoint does not accept this method: check the API documentation.',
	409: 'The resource is in a conflicting state: fetch it again and retry.',
	422: 'The API rejected the body: check the required fields and their formats.',
	429: 'The API kept rate-limiting after the retries: lower Concurrency or set Max Requests per Second.',
};

export function httpStatusError(
	node: INode,
	response: ReceivedResponse,
	secrets: string[],
	redactText: (text: string, secrets: string[]) => string,
	itemIndex?: number,
): NodeApiError {
	let body: unknown = redactText(response.body.subarray(0, 2000).toString('utf8'), secrets);
	try {
		body = JSON.parse(body as string);
	} catch {
		// keep the text
	}
	const fromProvider = providerMessage(body);
	const where = new URL(response.url);
	const hint =
		STATUS_HINTS[response.statusCode] ??
		(response.statusCode >= 500
			? 'The API failed on its side and kept failing after the retries: try again later.'
			: 'Check the request against the API documentation.');
	return new NodeApiError(node, { status: response.statusCode, body } as unknown as JsonObject, {
		httpCode: String(response.statusCode),
		message: `${where.host} answered ${response.statusCode}${fromProvider ? `: ${fromProvider}` : ''}`,
		description: `${hint} Turn on Never Error to get such responses as data.`,
		itemIndex,
	});
}
