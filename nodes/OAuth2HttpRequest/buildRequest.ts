/** Turns the node's parameters for one item into the request to send. */
import {
	jsonParse,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
} from 'n8n-workflow';

import { type OutgoingRequest } from '../shared/transport';

interface KeyValue {
	name: string;
	value: unknown;
}

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

function parseJsonParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): IDataObject {
	const raw = context.getNodeParameter(parameter, itemIndex, '{}') as unknown;
	if (typeof raw === 'object' && raw !== null) return raw as IDataObject;
	const text = String(raw).trim();
	if (text === '') return {};
	let parsed: unknown;
	try {
		parsed = jsonParse(text);
	} catch (error) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex,
				description: `Fix the JSON in '${label}' (e.g. {"name": "value"}), or switch Specify As to Using Fields Below.`,
			},
		);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		if (parameter === 'jsonBody' && Array.isArray(parsed)) return parsed as unknown as IDataObject;
		throw new NodeOperationError(context.getNode(), `${label} must be a JSON object`, {
			itemIndex,
			description: `Write '${label}' as an object, e.g. {"name": "value"}.`,
		});
	}
	return parsed as IDataObject;
}

function keyValues(context: IExecuteFunctions, itemIndex: number, parameter: string): IDataObject {
	const list = context.getNodeParameter(`${parameter}.parameters`, itemIndex, []) as KeyValue[];
	const result: IDataObject = {};
	for (const { name, value } of list) {
		if (name !== '') result[name] = value as IDataObject[string];
	}
	return result;
}

function fieldsOrJson(
	context: IExecuteFunctions,
	itemIndex: number,
	mode: string,
	fields: string,
	json: string,
	label: string,
) {
	const specifyAs = context.getNodeParameter(mode, itemIndex, 'keypair') as string;
	return specifyAs === 'json'
		? parseJsonParameter(context, itemIndex, json, label)
		: keyValues(context, itemIndex, fields);
}

async function binaryBlob(context: IExecuteFunctions, itemIndex: number, property: string) {
	const item = context.getInputData()[itemIndex];
	const binary = item.binary?.[property];
	if (binary === undefined) {
		const available = Object.keys(item.binary ?? {});
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex} has no binary field '${property}'`,
			{
				itemIndex,
				description: available.length
					? `Use one of its binary fields: ${available.join(', ')}.`
					: 'The input item has no files. Add a node that reads or downloads the file before this one.',
			},
		);
	}
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	return {
		buffer,
		mimeType: binary.mimeType || 'application/octet-stream',
		fileName: binary.fileName ?? property,
	};
}

async function buildBody(
	context: IExecuteFunctions,
	itemIndex: number,
	request: OutgoingRequest,
): Promise<void> {
	const contentType = context.getNodeParameter('contentType', itemIndex, 'json') as string;
	const headers = (request.headers ??= {});
	if (contentType === 'json') {
		request.body = fieldsOrJson(
			context,
			itemIndex,
			'specifyBody',
			'bodyParameters',
			'jsonBody',
			'JSON body',
		);
		request.json = true;
	} else if (contentType === 'form-urlencoded') {
		const fields = keyValues(context, itemIndex, 'bodyParameters');
		request.body = new URLSearchParams(
			Object.entries(fields).map(([key, value]): [string, string] => [key, String(value ?? '')]),
		);
		headers['content-type'] = 'application/x-www-form-urlencoded';
	} else if (contentType === 'multipart-form-data') {
		const fields = context.getNodeParameter('multipartFields.fields', itemIndex, []) as Array<{
			kind: string;
			name: string;
			value?: string;
			binaryProperty?: string;
		}>;
		const form = new FormData();
		for (const field of fields) {
			if (field.name === '') continue;
			if (field.kind === 'file') {
				const file = await binaryBlob(context, itemIndex, field.binaryProperty ?? 'data');
				form.append(
					field.name,
					new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }),
					file.fileName,
				);
			} else {
				form.append(field.name, String(field.value ?? ''));
			}
		}
		request.body = form;
	} else if (contentType === 'binaryData') {
		const file = await binaryBlob(
			context,
			itemIndex,
			context.getNodeParameter('binaryProperty', itemIndex) as string,
		);
		request.body = file.buffer;
		headers['content-type'] ??= file.mimeType;
	} else {
		request.body = context.getNodeParameter('rawBody', itemIndex, '') as string;
		headers['content-type'] = context.getNodeParameter(
			'rawContentType',
			itemIndex,
			'text/plain',
		) as string;
	}
}

export async function buildRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	timeoutMs: number,
): Promise<OutgoingRequest> {
	const method = String(context.getNodeParameter('method', itemIndex))
		.trim()
		.toUpperCase() as IHttpRequestMethods;
	if (!METHODS.includes(method)) {
		throw new NodeOperationError(context.getNode(), `The method '${method}' is not supported`, {
			itemIndex,
			description: `Set Method to one of ${METHODS.join(', ')}.`,
		});
	}
	const request: OutgoingRequest = {
		method,
		url: context.getNodeParameter('url', itemIndex) as string,
		timeoutMs,
	};
	if (context.getNodeParameter('sendQuery', itemIndex, false)) {
		request.qs = fieldsOrJson(
			context,
			itemIndex,
			'specifyQuery',
			'queryParameters',
			'jsonQuery',
			'JSON query',
		);
	}
	if (context.getNodeParameter('sendHeaders', itemIndex, false)) {
		const headers = fieldsOrJson(
			context,
			itemIndex,
			'specifyHeaders',
			'headerParameters',
			'jsonHeaders',
			'JSON headers',
		);
		request.headers = Object.fromEntries(
			Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
		);
	}
	if (context.getNodeParameter('sendBody', itemIndex, false)) {
		if (METHODS_WITHOUT_BODY.has(method)) {
			throw new NodeOperationError(context.getNode(), `A ${method} request cannot have a body`, {
				itemIndex,
				description: 'Turn off Send Body, or use POST, PUT, PATCH or DELETE.',
			});
		}
		await buildBody(context, itemIndex, request);
	}
	return request;
}
