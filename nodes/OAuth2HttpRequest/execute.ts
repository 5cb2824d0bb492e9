/** One item of the OAuth2 HTTP Request node: build, send (page by page), shape the output. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { RunSettings } from '../shared/requestOptions';
import { loadConnection } from '../shared/transport/connection';
import { fetchPages, type PaginationMode, type PaginationSettings } from '../shared/transport/pagination';
import { redact } from '../shared/transport/redact';
import { sendAuthorized, type ReceivedResponse } from '../shared/transport/request';
import { detectFormat, httpStatusError, parseJsonBody, type ResponseFormat } from '../shared/transport/response';
import { buildRequest } from './buildRequest';

function readPagination(context: IExecuteFunctions, itemIndex: number): PaginationSettings {
	const mode = context.getNodeParameter('pagination', itemIndex, 'off') as PaginationMode;
	const value = <T>(name: string, fallback: T) =>
		(mode === 'off' ? fallback : (context.getNodeParameter(name, itemIndex, fallback) as T));
	return {
		mode,
		recordsPath: value('recordsPath', ''),
		nextUrlPath: value('nextUrlPath', ''),
		cursorPath: value('cursorPath', ''),
		cursorParameter: value('cursorParameter', 'cursor'),
		offsetParameter: value('offsetParameter', 'offset'),
		limitParameter: value('limitParameter', 'limit'),
		pageSize: value('pageSize', 100),
		pageParameter: value('pageParameter', 'page'),
		firstPage: value('firstPage', 1),
		maxPages: value('maxPages', 100),
	};
}

function withStatus(json: IDataObject, response: ReceivedResponse, full: boolean): IDataObject {
	if (!full) return json;
	return { statusCode: response.statusCode, headers: response.headers as IDataObject, body: json };
}

async function shapeResponse(
	context: IExecuteFunctions,
	itemIndex: number,
	response: ReceivedResponse,
	options: IDataObject,
): Promise<INodeExecutionData[]> {
	const requested = (options.responseFormat as ResponseFormat) ?? 'autodetect';
	const format = requested === 'autodetect' ? detectFormat(response) : requested;
	const outputField = (options.outputField as string) || 'data';
	const full = options.fullResponse === true;
	if (format === 'file') {
		const path = new URL(response.url).pathname;
		const contentType = String(response.headers['content-type'] ?? 'application/octet-stream');
		const binary = await context.helpers.prepareBinaryData(response.body, path.split('/').pop() || 'file', contentType.split(';')[0]);
		const json = full ? { statusCode: response.statusCode, headers: response.headers as IDataObject } : {};
		return [{ json, binary: { [outputField]: binary } }];
	}
	if (format === 'text') {
		return [{ json: withStatus({ [outputField]: response.body.toString('utf8') }, response, full) }];
	}
	const body = parseJsonBody(context.getNode(), response, itemIndex);
	if (full) return [{ json: withStatus(body as IDataObject, response, true) }];
	if (Array.isArray(body)) return body.map((entry) => ({ json: (typeof entry === 'object' && entry !== null ? entry : { [outputField]: entry }) as IDataObject }));
	return [{ json: (typeof body === 'object' && body !== null ? body : { [outputField]: body }) as IDataObject }];
}

export async function executeRequestItem(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
): Promise<INodeExecutionData[]> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const request = await buildRequest(context, itemIndex, settings.timeoutMs);
	const neverError = options.neverError === true;
	const failOnStatus = async (response: ReceivedResponse) => {
		if (response.statusCode < 400 || neverError) return;
		const { secrets } = await loadConnection(context, itemIndex);
		throw httpStatusError(context.getNode(), response, secrets, redact, itemIndex);
	};

	const pagination = readPagination(context, itemIndex);
	if (pagination.mode === 'off') {
		const response = await sendAuthorized(context, itemIndex, request, settings.send);
		await failOnStatus(response);
		return await shapeResponse(context, itemIndex, response, options);
	}

	const output: INodeExecutionData[] = [];
	const onePerPage = context.getNodeParameter('paginationOutput', itemIndex, 'records') === 'pages';
	await fetchPages(
		context,
		itemIndex,
		request,
		pagination,
		settings.send,
		(page) => {
			if (onePerPage || page.records === undefined) {
				output.push({ json: page.body as IDataObject });
				return;
			}
			for (const record of page.records) {
				output.push({ json: (typeof record === 'object' && record !== null ? record : { value: record }) as IDataObject });
			}
		},
		failOnStatus,
	);
	return output;
}
