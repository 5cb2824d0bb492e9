/** Parameters both nodes show: the connection check and how requests are sent. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export type Show = NonNullable<IDisplayOptions['show']>;

/** A list of name/value pairs (query parameters, headers, form fields), read as `<name>.parameters`. */
export function keyValueList(
	displayName: string,
	name: string,
	show: Show | undefined,
	placeholder: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder,
		default: { parameters: [{ name: '', value: '' }] },
		...(show ? { displayOptions: { show } } : {}),
		options: [
			{
				name: 'parameters',
				displayName: 'Parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/**
 * Loads the status line. Kept apart from the property: n8n's lint rules for dynamic options read
 * a literal `loadOptionsMethod` and then want a picker's "Name or ID" label and help, and this
 * field picks nothing, it shows a status.
 */
const statusLoader = { loadOptionsMethod: 'getConnectionStatus' };

export const connectionStatusProperty: INodeProperties = {
	displayName: 'Connection Status',
	name: 'connectionStatus',
	type: 'options',
	typeOptions: statusLoader,
	default: '',
	description:
		'The status of the connection chosen above (an Any Service OAuth2 API credential), read-only: whether it is authorized, until when its token is valid, its scopes and where its token may be sent (open the list for the whole line). Checked again when you choose another connection; ⋯ > Refresh List checks now.',
};

export const methodProperty: INodeProperties = {
	displayName: 'Method',
	name: 'method',
	type: 'options',
	default: 'GET',
	options: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].map((method) => ({
		name: method,
		value: method,
	})),
	description: 'The HTTP method to use',
};

export const urlProperty: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. /contacts or https://api.example.com/v1/contacts',
	description: 'A full URL, or a path relative to the API base URL of the connection',
};

/**
 * Options that tune the shared request path; each node adds them to its Options collection.
 * Defaults are literals (the linter reads them) and equal transport/defaults.ts (test/defaults.test.ts).
 */
export const requestOptionProperties: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'How many items send their requests at the same time',
	},
	{
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Spaces requests across all items; 0 means no limit',
	},
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 4,
		description:
			'Attempts per request when the API answers 429, 502, 503, 504 or the network fails',
	},
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description: 'Total time one request may spend waiting between attempts, Retry-After included',
	},
	{
		displayName: 'Retry POST and PATCH',
		name: 'retryNonIdempotent',
		type: 'boolean',
		default: false,
		description:
			'Whether to retry methods that are not idempotent even when the server did not send Retry-After (a retried POST may create a record twice)',
	},
	{
		displayName: 'Refresh Token Ahead (Seconds)',
		name: 'refreshMarginSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 120,
		description:
			'Refresh the token when it expires within this many seconds, so no request is sent with an expiring token. Each n8n process refreshes at its own moment between half and all of it, so queue-mode workers do not refresh at once.',
	},
	{
		displayName: 'Max Response Size (MB)',
		name: 'maxResponseMegabytes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 64,
		description:
			'Larger responses are cut off while they arrive, with an error, so one response cannot exhaust n8n’s memory',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30000,
		description:
			'Time to wait for the server to answer a request; also the longest wait for the token endpoint during a refresh',
	},
];
