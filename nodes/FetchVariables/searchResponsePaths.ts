/** Path picker: calls the endpoint with the selected connection and lists the paths it answered with. */
import {
	NodeOperationError,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { listPaths, readPath } from '../shared/jsonPath';
import {
	loadConnection,
	isNodeError,
	redact,
	redactError,
	sendAuthorized,
	httpStatusError,
	parseJsonBody,
} from '../shared/transport';

function preview(value: unknown): string {
	if (typeof value === 'object' && value !== null)
		return Array.isArray(value) ? `list of ${value.length}` : 'object';
	const text = JSON.stringify(value) ?? 'null';
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The sample URL, else the URL; an URL built from the input item cannot be worked out at design time. */
function pickerUrl(context: ILoadOptionsFunctions): string {
	const options = (context.getNodeParameter('options', {}) ?? {}) as { sampleUrl?: string };
	if (options.sampleUrl) return options.sampleUrl;
	try {
		return context.getNodeParameter('url', '') as string;
	} catch (error) {
		throw new NodeOperationError(
			context.getNode(),
			`The URL cannot be worked out without an input item: ${(error as Error).message}`,
			{
				description:
					'Set Options > Sample URL for Path Picker to one example URL (e.g. /contacts/42), or type the path in Path mode.',
			},
		);
	}
}

async function samplePaths(context: ILoadOptionsFunctions, filter?: string) {
	const url = pickerUrl(context);
	const response = await sendAuthorized(context, undefined, {
		method: 'GET',
		url,
		timeoutMs: 15_000,
	});
	if (response.statusCode >= 400) {
		const { secrets } = await loadConnection(context);
		throw httpStatusError(context.getNode(), response, secrets, redact);
	}
	const body = parseJsonBody(context.getNode(), response);
	const needle = (filter ?? '').toLowerCase();
	return {
		results: listPaths(body)
			.filter((path) => path.toLowerCase().includes(needle))
			.map((path) => ({ name: `${path}  (${preview(readPath(body, path))})`, value: path })),
	};
}

/** The picker's errors are shown in the editor: none may carry a secret the sample held. */
export async function searchResponsePaths(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	try {
		return await samplePaths(this, filter);
	} catch (error) {
		const nodeError = isNodeError(error)
			? error
			: new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error));
		redactError(nodeError, (await loadConnection(this)).secrets);
		throw nodeError;
	}
}
