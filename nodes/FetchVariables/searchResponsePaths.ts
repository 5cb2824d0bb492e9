/** Path picker: calls the endpoint with the selected connection and lists the paths it answered with. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listPaths, readPath } from '../shared/jsonPath';
import { loadConnection } from '../shared/transport/connection';
import { redact } from '../shared/transport/redact';
import { sendAuthorized } from '../shared/transport/request';
import { httpStatusError, parseJsonBody } from '../shared/transport/response';

function preview(value: unknown): string {
	if (typeof value === 'object' && value !== null) return Array.isArray(value) ? `list of ${value.length}` : 'object';
	const text = JSON.stringify(value) ?? 'null';
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export async function searchResponsePaths(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const options = (this.getNodeParameter('options', {}) ?? {}) as { sampleUrl?: string };
	const url = options.sampleUrl || (this.getNodeParameter('url', '') as string);
	const response = await sendAuthorized(this, undefined, { method: 'GET', url, timeoutMs: 15_000 });
	if (response.statusCode >= 400) {
		const { secrets } = await loadConnection(this);
		throw httpStatusError(this.getNode(), response, secrets, redact);
	}
	const body = parseJsonBody(this.getNode(), response);
	const needle = (filter ?? '').toLowerCase();
	return {
		results: listPaths(body)
			.filter((path) => path.toLowerCase().includes(needle))
			.map((path) => ({ name: `${path}  (${preview(readPath(body, path))})`, value: path })),
	};
}
