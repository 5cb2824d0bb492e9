/** What to send: query, headers and body. */
import type { INodeProperties } from 'n8n-workflow';

import { keyValueList, type Show } from '../shared/descriptions';

function specifyAs(name: string, show: Show): INodeProperties {
	return {
		displayName: 'Specify As',
		name,
		type: 'options',
		default: 'keypair',
		displayOptions: { show },
		options: [
			{ name: 'Using Fields Below', value: 'keypair' },
			{ name: 'Using JSON', value: 'json' },
		],
	};
}

function jsonField(displayName: string, name: string, show: Show): INodeProperties {
	return { displayName, name, type: 'json', default: '{}', displayOptions: { show } };
}

export const requestProperties: INodeProperties[] = [
	{
		displayName: 'Send Query Parameters',
		name: 'sendQuery',
		type: 'boolean',
		default: false,
		description: 'Whether the request has query parameters',
	},
	specifyAs('specifyQuery', { sendQuery: [true] }),
	keyValueList(
		'Query Parameters',
		'queryParameters',
		{ sendQuery: [true], specifyQuery: ['keypair'] },
		'Add Parameter',
	),
	jsonField('JSON', 'jsonQuery', { sendQuery: [true], specifyQuery: ['json'] }),
	{
		displayName: 'Send Headers',
		name: 'sendHeaders',
		type: 'boolean',
		default: false,
		description:
			'Whether the request has headers (the Authorization header is added by the connection)',
	},
	specifyAs('specifyHeaders', { sendHeaders: [true] }),
	keyValueList(
		'Header Parameters',
		'headerParameters',
		{ sendHeaders: [true], specifyHeaders: ['keypair'] },
		'Add Header',
	),
	jsonField('JSON', 'jsonHeaders', { sendHeaders: [true], specifyHeaders: ['json'] }),
	{
		displayName: 'Send Body',
		name: 'sendBody',
		type: 'boolean',
		default: false,
		description: 'Whether the request has a body',
	},
	{
		displayName: 'Body Content Type',
		name: 'contentType',
		type: 'options',
		default: 'json',
		displayOptions: { show: { sendBody: [true] } },
		options: [
			{
				name: 'Binary File',
				value: 'binaryData',
				description: 'The raw bytes of a file from the input item',
			},
			{ name: 'Form Urlencoded', value: 'form-urlencoded' },
			{ name: 'JSON', value: 'json' },
			{
				name: 'Multipart Form Data',
				value: 'multipart-form-data',
				description: 'Fields and files from the input item',
			},
			{ name: 'Raw', value: 'raw', description: 'Text with a content type you choose' },
		],
	},
	specifyAs('specifyBody', { sendBody: [true], contentType: ['json'] }),
	keyValueList(
		'Body Parameters',
		'bodyParameters',
		{ sendBody: [true], contentType: ['json', 'form-urlencoded'], specifyBody: ['keypair'] },
		'Add Parameter',
	),
	jsonField('JSON', 'jsonBody', { sendBody: [true], contentType: ['json'], specifyBody: ['json'] }),
	{
		displayName: 'Form Fields',
		name: 'multipartFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: { fields: [{ kind: 'text', name: '', value: '' }] },
		displayOptions: { show: { sendBody: [true], contentType: ['multipart-form-data'] } },
		options: [
			{
				name: 'fields',
				displayName: 'Field',
				values: [
					{
						displayName: 'Kind',
						name: 'kind',
						type: 'options',
						default: 'text',
						options: [
							{ name: 'Text', value: 'text' },
							{ name: 'Binary File', value: 'file' },
						],
					},
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						displayOptions: { show: { kind: ['text'] } },
					},
					{
						displayName: 'Input Binary Field',
						name: 'binaryProperty',
						type: 'string',
						default: 'data',
						hint: 'The name of the input binary field holding the file',
						displayOptions: { show: { kind: ['file'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the file to send',
		displayOptions: { show: { sendBody: [true], contentType: ['binaryData'] } },
	},
	{
		displayName: 'Content Type',
		name: 'rawContentType',
		type: 'string',
		default: 'text/plain',
		placeholder: 'e.g. text/csv',
		displayOptions: { show: { sendBody: [true], contentType: ['raw'] } },
	},
	{
		displayName: 'Body',
		name: 'rawBody',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: { show: { sendBody: [true], contentType: ['raw'] } },
	},
];
