/** One item of the OAuth2 HTTP Request node: build, send (page by page), shape the output. */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import type { RunSettings } from '../shared/requestOptions';
import {
	DEFAULT_MAX_TOTAL_MEGABYTES,
	fetchPages,
	MAX_PAGES_LIMIT,
	type PaginationMode,
	type PaginationSettings,
	redact,
	sendAuthorized,
	type ReceivedResponse,
	detectFormat,
	httpStatusError,
	parseJsonBody,
	type ResponseFormat,
} from '../shared/transport';
import { buildRequest } from './buildRequest';

const PAGINATION_MODES: PaginationMode[] = [
	'off',
	'nextUrl',
	'linkHeader',
	'cursor',
	'offset',
	'page',
];

function readPagination(context: IExecuteFunctions, itemIndex: number): PaginationSettings {
	const mode = context.getNodeParameter('pagination', itemIndex, 'off') as PaginationMode;
	if (!PAGINATION_MODES.includes(mode)) {
		throw new NodeOperationError(
			context.getNode(),
			`Pagination '${String(mode)}' is not a pagination style`,
			{
				itemIndex,
				description: `Set Pagination to one of: ${PAGINATION_MODES.join(', ')}.`,
			},
		);
	}
	const value = <T>(name: string, fallback: T) =>
		mode === 'off' ? fallback : (context.getNodeParameter(name, itemIndex, fallback) as T);
	const atLeastOne = (
		name: string,
		label: string,
		fallback: number,
		fix: string,
		atMost = Number.MAX_SAFE_INTEGER,
	) => {
		const number = value<unknown>(name, fallback);
		if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > atMost) {
			throw new NodeOperationError(
				context.getNode(),
				atMost === Number.MAX_SAFE_INTEGER
					? `${label} must be a whole number of at least 1, not '${String(number)}'`
					: `${label} must be a whole number from 1 to ${atMost}, not '${String(number)}'`,
				{
					itemIndex,
					description: fix,
				},
			);
		}
		return number;
	};
	return {
		mode,
		recordsPath: value('recordsPath', ''),
		nextUrlPath: value('nextUrlPath', ''),
		cursorPath: value('cursorPath', ''),
		cursorParameter: value('cursorParameter', 'cursor'),
		offsetParameter: value('offsetParameter', 'offset'),
		limitParameter: value('limitParameter', 'limit'),
		pageSize:
			mode === 'offset'
				? atLeastOne(
						'pageSize',
						'Page Size',
						100,
						'Set Page Size to the number of records the API returns per page.',
					)
				: 100,
		pageParameter: value('pageParameter', 'page'),
		firstPage: value('firstPage', 1),
		maxPages: atLeastOne(
			'maxPages',
			'Max Pages',
			100,
			`Set Max Pages from 1 to ${MAX_PAGES_LIMIT}: paging stops after that many pages. To send a single request, set Pagination to Off; for more pages, split the work (e.g. by date range) across items.`,
			MAX_PAGES_LIMIT,
		),
		maxTotalBytes:
			atLeastOne(
				'maxTotalMegabytes',
				'Max Total Size (MB)',
				DEFAULT_MAX_TOTAL_MEGABYTES,
				'Set Max Total Size (MB) to a whole number of at least 1.',
			) *
			1024 *
			1024,
	};
}

function withStatus(json: IDataObject, response: ReceivedResponse, full: boolean): IDataObject {
	if (!full) return json;
	return { statusCode: response.statusCode, headers: response.headers as IDataObject, body: json };
}

/**
 * What the user gets to see of a response must not echo the connection's tokens: headers when
 * they are returned (Full Response), and the body of an error response returned as data (Never
 * Error). Headers that are not returned are left as they are: redacting them costs every item.
 */
function withoutSecrets(
	response: ReceivedResponse,
	secrets: string[],
	headersReturned: boolean,
): ReceivedResponse {
	const headers = headersReturned
		? Object.fromEntries(
				Object.entries(response.headers).map(([name, value]) => [
					name,
					Array.isArray(value)
						? value.map((entry) => redact(entry, secrets))
						: value === undefined
							? value
							: redact(String(value), secrets),
				]),
			)
		: response.headers;
	const isText = !response.body.subarray(0, 512).includes(0);
	const body =
		response.statusCode >= 400 && isText
			? Buffer.from(redact(response.body.toString('utf8'), secrets))
			: response.body;
	return { ...response, headers, body };
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
		const binary = await context.helpers.prepareBinaryData(
			response.body,
			path.split('/').pop() || 'file',
			contentType.split(';')[0],
		);
		const json = full
			? { statusCode: response.statusCode, headers: response.headers as IDataObject }
			: {};
		return [{ json, binary: { [outputField]: binary } }];
	}
	if (format === 'text') {
		return [
			{ json: withStatus({ [outputField]: response.body.toString('utf8') }, response, full) },
		];
	}
	const body = parseJsonBody(context.getNode(), response, itemIndex);
	if (full) return [{ json: withStatus(body as IDataObject, response, true) }];
	if (Array.isArray(body))
		return body.map((entry) => ({
			json: (typeof entry === 'object' && entry !== null
				? entry
				: { [outputField]: entry }) as IDataObject,
		}));
	return [
		{
			json: (typeof body === 'object' && body !== null
				? body
				: { [outputField]: body }) as IDataObject,
		},
	];
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
		const { secrets } = await settings.runConnection.read(context, itemIndex);
		throw httpStatusError(context.getNode(), response, secrets, redact, itemIndex);
	};

	const pagination = readPagination(context, itemIndex);
	if (pagination.mode === 'off') {
		const response = await sendAuthorized(context, itemIndex, request, settings.send);
		await failOnStatus(response);
		const { secrets } = await settings.runConnection.read(context, itemIndex);
		return await shapeResponse(
			context,
			itemIndex,
			withoutSecrets(response, secrets, options.fullResponse === true),
			options,
		);
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
				output.push({
					json: (typeof record === 'object' && record !== null
						? record
						: { value: record }) as IDataObject,
				});
			}
		},
		failOnStatus,
	);
	return output;
}
