/** One item of Fetch Variables: request through the shared path, map paths to variables. */
import {
	jsonParse,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import type { RunSettings } from '../shared/requestOptions';
import {
	redact,
	sendAuthorized,
	type OutgoingRequest,
	httpStatusError,
	parseJsonBody,
} from '../shared/transport';
import {
	extractVariables,
	validateMappings,
	type VariableMapping,
	type VariableType,
} from './variables';

interface RawMapping {
	name?: string;
	path?: string | { value?: string };
	type?: VariableType;
	defaultValue?: string;
	required?: boolean;
}

export function readMappings(context: IExecuteFunctions, itemIndex: number): VariableMapping[] {
	const raw = context.getNodeParameter('variables.variable', itemIndex, []) as RawMapping[];
	return raw.map((entry) => ({
		name: String(entry.name ?? '').trim(),
		path: String(
			typeof entry.path === 'object' && entry.path !== null
				? (entry.path.value ?? '')
				: (entry.path ?? ''),
		).trim(),
		type: entry.type ?? 'auto',
		defaultValue: String(entry.defaultValue ?? ''),
		required: entry.required !== false,
	}));
}

function buildRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	timeoutMs: number,
): OutgoingRequest {
	const given = String(context.getNodeParameter('method', itemIndex, 'GET') ?? '')
		.trim()
		.toUpperCase();
	if (given !== 'GET' && given !== 'POST') {
		throw new NodeOperationError(context.getNode(), `The method '${given}' is not supported`, {
			itemIndex,
			description:
				'Fetch Variables reads data: set Method to GET or POST. To change data, use the OAuth2 HTTP Request node.',
		});
	}
	const method: 'GET' | 'POST' = given;
	const query = context.getNodeParameter('queryParameters.parameters', itemIndex, []) as Array<{
		name: string;
		value: string;
	}>;
	const request: OutgoingRequest = {
		method,
		url: context.getNodeParameter('url', itemIndex) as string,
		qs: Object.fromEntries(
			query.filter(({ name }) => name !== '').map(({ name, value }) => [name, value]),
		),
		timeoutMs,
	};
	if (method === 'POST') {
		const body = context.getNodeParameter('jsonBody', itemIndex, '{}') as unknown;
		try {
			request.body = (
				typeof body === 'string' ? jsonParse(body.trim() || '{}') : body
			) as IDataObject;
		} catch (error) {
			throw new NodeOperationError(
				context.getNode(),
				`JSON Body is not valid JSON: ${(error as Error).message}`,
				{
					itemIndex,
					description: 'Fix the JSON in JSON Body, e.g. {"email": "{{ $json.email }}"}.',
				},
			);
		}
		request.json = true;
	}
	return request;
}

/** Where the variables go; checked before anything is sent. */
function readOutput(
	context: IExecuteFunctions,
	itemIndex: number,
): { mode: 'merge' | 'only' } | { mode: 'key'; key: string } {
	const mode = context.getNodeParameter('output', itemIndex, 'merge') as string;
	if (mode !== 'key') return { mode: mode === 'only' ? 'only' : 'merge' };
	const key = String(context.getNodeParameter('outputKey', itemIndex, 'variables') ?? '').trim();
	if (key === '' || key === '__proto__') {
		throw new NodeOperationError(
			context.getNode(),
			key === ''
				? 'Output is Variables Under a Key, but Key is empty'
				: `Key '${key}' cannot be a field name`,
			{
				itemIndex,
				description:
					'Enter the field name to put the variables in (e.g. variables), or choose another Output.',
			},
		);
	}
	return { mode: 'key', key };
}

export async function executeFetchItem(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const mappings = readMappings(context, itemIndex);
	validateMappings(node, mappings, itemIndex);
	const output = readOutput(context, itemIndex);
	const response = await sendAuthorized(
		context,
		itemIndex,
		buildRequest(context, itemIndex, settings.timeoutMs),
		settings.send,
	);
	if (response.statusCode >= 400) {
		const { secrets } = await settings.runConnection.read(context, itemIndex);
		throw httpStatusError(node, response, secrets, redact, itemIndex);
	}
	const variables = extractVariables(
		node,
		parseJsonBody(node, response, itemIndex),
		mappings,
		itemIndex,
	);
	const input = context.getInputData()[itemIndex];
	if (output.mode === 'only') return [{ json: variables }];
	const json =
		output.mode === 'key'
			? { ...input.json, [output.key]: variables }
			: { ...input.json, ...variables };
	return [input.binary ? { json, binary: input.binary } : { json }];
}
