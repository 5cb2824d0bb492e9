/** What to do with the answer: pagination, format, output shape, and how requests are sent. */
import type { INodeProperties } from 'n8n-workflow';

import { requestOptionProperties } from '../shared/descriptions';

const paginated = { pagination: ['nextUrl', 'linkHeader', 'cursor', 'offset', 'page'] };

export const paginationProperties: INodeProperties[] = [
	{
		displayName: 'Pagination',
		name: 'pagination',
		type: 'options',
		default: 'off',
		description: 'How the API hands out long lists; pages must be JSON',
		options: [
			{
				name: 'Cursor in Response',
				value: 'cursor',
				description: 'A response field holds a cursor sent back as a query parameter',
			},
			{
				name: 'Link Header',
				value: 'linkHeader',
				description: 'The Link header has rel="next" (GitHub, GitLab, Shopify)',
			},
			{
				name: 'Next URL in Response',
				value: 'nextUrl',
				description: 'A response field holds the URL of the next page',
			},
			{ name: 'Off', value: 'off' },
			{
				name: 'Offset and Limit',
				value: 'offset',
				description: 'An offset query parameter grows by the page size',
			},
			{ name: 'Page Number', value: 'page', description: 'A page query parameter grows by one' },
		],
	},
	{
		displayName: 'Records Path',
		name: 'recordsPath',
		type: 'string',
		default: '',
		placeholder: 'e.g. data or items',
		description:
			'Where the list is in each page; empty when the page itself is a list. An empty list ends the paging.',
		displayOptions: { show: paginated },
	},
	{
		displayName: 'Next URL Path',
		name: 'nextUrlPath',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. links.next or @odata.nextLink',
		displayOptions: { show: { pagination: ['nextUrl'] } },
	},
	{
		displayName: 'Cursor Path',
		name: 'cursorPath',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. response_metadata.next_cursor',
		displayOptions: { show: { pagination: ['cursor'] } },
	},
	{
		displayName: 'Cursor Parameter',
		name: 'cursorParameter',
		type: 'string',
		default: 'cursor',
		description: 'The query parameter that carries the cursor',
		displayOptions: { show: { pagination: ['cursor'] } },
	},
	{
		displayName: 'Offset Parameter',
		name: 'offsetParameter',
		type: 'string',
		default: 'offset',
		displayOptions: { show: { pagination: ['offset'] } },
	},
	{
		displayName: 'Limit Parameter',
		name: 'limitParameter',
		type: 'string',
		default: 'limit',
		description: 'The query parameter for the page size; empty when the API has none',
		displayOptions: { show: { pagination: ['offset'] } },
	},
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 100,
		description: 'Records per page; a shorter page is the last one',
		displayOptions: { show: { pagination: ['offset'] } },
	},
	{
		displayName: 'Page Parameter',
		name: 'pageParameter',
		type: 'string',
		default: 'page',
		displayOptions: { show: { pagination: ['page'] } },
	},
	{
		displayName: 'First Page',
		name: 'firstPage',
		type: 'number',
		default: 1,
		displayOptions: { show: { pagination: ['page'] } },
	},
	{
		displayName: 'Max Pages',
		name: 'maxPages',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10000 },
		default: 100,
		description: 'Stop after this many pages even if the API has more (at most 10000)',
		displayOptions: { show: paginated },
	},
	{
		displayName: 'Max Total Size (MB)',
		name: 'maxTotalMegabytes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 256,
		description:
			'Stop with an error once the pages of one item bring more than this together, so paging cannot exhaust n8n’s memory',
		displayOptions: { show: paginated },
	},
	{
		displayName: 'Output',
		name: 'paginationOutput',
		type: 'options',
		default: 'records',
		displayOptions: { show: paginated },
		options: [
			{ name: 'One Item per Record', value: 'records' },
			{ name: 'One Item per Page', value: 'pages' },
		],
	},
];

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			default: 'autodetect',
			options: [
				{ name: 'Autodetect', value: 'autodetect', description: 'From the content type' },
				{ name: 'File', value: 'file', description: 'Stored as binary data' },
				{ name: 'JSON', value: 'json' },
				{ name: 'Text', value: 'text' },
			],
		},
		{
			displayName: 'Output Field',
			name: 'outputField',
			type: 'string',
			default: 'data',
			description: 'Where text goes in the JSON output, and the binary field for files',
		},
		{
			displayName: 'Include Response Headers and Status',
			name: 'fullResponse',
			type: 'boolean',
			default: false,
			description: 'Whether to return the status code and headers along with the body',
		},
		{
			displayName: 'Never Error',
			name: 'neverError',
			type: 'boolean',
			default: false,
			description: 'Whether to return 4xx and 5xx responses as data instead of failing the item',
		},
		...requestOptionProperties,
	],
};
