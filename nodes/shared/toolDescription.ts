/**
 * The description a model reads about a node used as an AI Agent tool. n8n builds the tool from
 * the node's parameters before any of this package's code runs, and an expression cannot read a
 * credential, so the connection's facts (provider, API base URL, allowed hosts) reach it at design
 * time: the panel offers a description built from the selected connection, which the Description
 * field uses unless the user writes their own.
 */
import type { ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PROVIDER_PRESETS } from '../../credentials/providerPresets';
import { connectionName, CREDENTIAL_TYPE, describeConnection } from './transport';
import { DEFAULT_TOOL_ANSWER_CHARACTERS } from './toolAnswer';

export type ToolKind = 'request' | 'variables';

/** What the connection lets the tool reach, as the model should know it. */
export interface ToolReach {
	provider: string;
	apiBaseUrl: string;
	/** undefined: any host; '': none. */
	allowedDomains: string | undefined;
}

const WHAT_IT_DOES: Record<ToolKind, (api: string) => string> = {
	request: (api) =>
		`Calls the ${api} over HTTP with an OAuth2 connection that signs every request itself, and returns the response body (JSON or text).`,
	variables: (api) =>
		`Fetches one endpoint of the ${api} with an OAuth2 connection that signs the request itself, and returns the named values the flow maps from the response.`,
};

/** Used when the user did not pick the connection's description: true of every connection. */
export const GENERIC_TOOL_DESCRIPTIONS: Record<ToolKind, string> = {
	request: `${WHAT_IT_DOES.request('API of an OAuth2 connection')} Give a path relative to the API base URL (e.g. /v1/contacts) or a full https URL on a host the connection allows; other hosts, plain http, and Authorization or Host headers are refused. Long answers are cut.`,
	variables: `${WHAT_IT_DOES.variables('API of an OAuth2 connection')} Give a path relative to the API base URL or a full https URL on a host the connection allows; other hosts are refused.`,
};

export function buildToolDescription(kind: ToolKind, reach: ToolReach): string {
	const api = reach.apiBaseUrl
		? `${reach.provider} API at ${reach.apiBaseUrl}`
		: `${reach.provider} API`;
	const where =
		reach.allowedDomains === undefined
			? 'The connection may call any host.'
			: reach.allowedDomains === ''
				? 'The connection allows no host: every call is refused.'
				: `Only these hosts are allowed: ${reach.allowedDomains}; other hosts, plain http, and Authorization or Host headers are refused.`;
	const path = reach.apiBaseUrl
		? `Give a path relative to ${reach.apiBaseUrl} (e.g. /v1/contacts) or a full https URL.`
		: 'Give a full https URL.';
	const size =
		kind === 'request'
			? ` Answers longer than the set size (${DEFAULT_TOOL_ANSWER_CHARACTERS} characters by default) are cut, with a note.`
			: '';
	return `${WHAT_IT_DOES[kind](api)} ${path} ${where}${size}`;
}

/**
 * The tool variant's description fields (n8n adds its own Description only when a node has none).
 * Both show only on the tool variant.
 */
export function toolDescriptionProperties(kind: ToolKind): INodeProperties[] {
	return [
		{
			displayName: 'Description From Connection Name or ID',
			name: 'toolConnectionDescription',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getToolDescription' },
			default: '',
			description:
				'Pick the description built from the selected connection (provider, API base URL, allowed hosts) for the model to read. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show: { '@tool': [true] } },
		},
		{
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			typeOptions: { rows: 3 },
			default: `={{ $parameter.toolConnectionDescription || ${JSON.stringify(GENERIC_TOOL_DESCRIPTIONS[kind])} }}`,
			required: true,
			description:
				'What the model reads about this tool: by default the description picked above. Replace it with your own text to override it.',
			displayOptions: { show: { '@tool': [true] } },
		},
	];
}

/** The load-options method behind Description From Connection, for one kind of tool. */
export function toolDescriptionMethod(kind: ToolKind) {
	return async function getToolDescription(
		this: ILoadOptionsFunctions,
	): Promise<INodePropertyOptions[]> {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const connection = describeConnection(credentials, connectionName(this.getNode()));
		const preset = PROVIDER_PRESETS.find((entry) => entry.id === credentials.provider);
		const text = buildToolDescription(kind, {
			provider: preset?.displayName ?? connection.name,
			apiBaseUrl: connection.apiBaseUrl,
			allowedDomains: connection.blocksAllRequests ? '' : connection.allowedDomains,
		});
		return [{ name: text, value: text }];
	};
}
