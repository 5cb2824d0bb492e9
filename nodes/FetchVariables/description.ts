import type { INodeProperties } from 'n8n-workflow';

import { keyValueList, requestOptionProperties } from '../shared/descriptions';

export const fetchProperties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'GET',
		options: [
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
		],
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://api.example.com/contacts/{{ $json.contactId }}',
		description: 'A full URL, or a path relative to the API base URL of the connection',
	},
	keyValueList('Query Parameters', 'queryParameters', undefined, 'Add Parameter'),
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		description: 'Sent with POST, e.g. for APIs whose lookups are POST requests',
		displayOptions: { show: { method: ['POST'] } },
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Variable',
		default: {
			variable: [
				{
					name: '',
					path: { __rl: true, mode: 'path', value: '' },
					type: 'auto',
					defaultValue: '',
					required: true,
				},
			],
		},
		options: [
			{
				name: 'variable',
				displayName: 'Variable',
				values: [
					{
						displayName: 'Default',
						name: 'defaultValue',
						type: 'string',
						default: '',
						description:
							'Used when the path is missing and the variable is not required; empty gives null',
						displayOptions: { show: { required: [false] } },
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. lastName',
						description: 'Later steps read the value by this name',
					},
					{
						displayName: 'Path',
						name: 'path',
						type: 'resourceLocator',
						default: { mode: 'list', value: '' },
						description: 'Where the value is in the response',
						modes: [
							{
								displayName: 'From Sample Response',
								name: 'list',
								type: 'list',
								typeOptions: { searchListMethod: 'searchResponsePaths', searchable: true },
							},
							{
								displayName: 'Path',
								name: 'path',
								type: 'string',
								placeholder: 'e.g. data.last_name',
							},
						],
					},
					{
						displayName: 'Required',
						name: 'required',
						type: 'boolean',
						default: true,
						description: 'Whether a missing path fails the item; otherwise the default is used',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'auto',
						options: [
							{ name: 'Auto (As Is)', value: 'auto' },
							{ name: 'Boolean', value: 'boolean' },
							{ name: 'Number', value: 'number' },
							{ name: 'Object or Array', value: 'object' },
							{ name: 'String', value: 'string' },
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'merge',
		options: [
			{ name: 'Input Fields Plus Variables', value: 'merge' },
			{ name: 'Only Variables', value: 'only' },
			{
				name: 'Variables Under a Key',
				value: 'key',
				description: 'Input fields, with the variables in one field',
			},
		],
	},
	{
		displayName: 'Key',
		name: 'outputKey',
		type: 'string',
		default: 'variables',
		displayOptions: { show: { output: ['key'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Sample URL for Path Picker',
				name: 'sampleUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://api.example.com/contacts/42',
				description:
					'The picker calls this URL to list paths, for when URL depends on the input item',
			},
			...requestOptionProperties,
		],
	},
];
