/**
 * What users would pick instead of this package, for the benchmark:
 *  - n8n's own generic OAuth2 credential (`oAuth2Api` from n8n-nodes-base, loaded from the
 *    end-to-end suite's n8n install), used by n8n's HTTP Request node as "Generic Credential Type";
 *  - the host floor: a minimal node that sends each item through httpRequestWithAuthentication
 *    with an OAuth2 credential that has no expressions (`floorOAuth2Api`, extending oAuth2Api with
 *    the same fields), 10 at a time like our node.
 * The store resolves them as n8n's CredentialsHelper does (defaults, then the expression engine
 * over the whole object), next to the package's own credential.
 */
import path from 'node:path';

import {
	NodeConnectionTypes,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentialsExpressionResolveValues,
	type IExecuteFunctions,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { CredentialStore, resolveInWorkflow } from '../harness/credentialStore';

export const GENERIC_TYPE = 'oAuth2Api';
export const FLOOR_TYPE = 'floorOAuth2Api';
export const FLOOR_NODE = 'floorHttp';

/** What n8n adds to every OAuth2 credential type (DOMAIN_RESTRICTION_FIELDS in n8n-workflow). */
const DOMAIN_FIELDS: INodeProperties[] = [
	{
		displayName: 'Allowed HTTP Request Domains',
		name: 'allowedHttpRequestDomains',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Specific Domains', value: 'domains' },
			{ name: 'None', value: 'none' },
		],
		default: 'all',
	},
	{
		displayName: 'Allowed Domains',
		name: 'allowedDomains',
		type: 'string',
		default: '',
		displayOptions: { show: { allowedHttpRequestDomains: ['domains'] } },
	},
];

export function loadGenericOAuth2Properties(install: string): INodeProperties[] {
	const file = path.join(
		install,
		'node_modules',
		'n8n-nodes-base',
		'dist',
		'credentials',
		'OAuth2Api.credentials.js',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { OAuth2Api } = require(file) as { OAuth2Api: new () => { properties: INodeProperties[] } };
	const properties = new OAuth2Api().properties;
	const expressions = JSON.stringify(properties).match(/"=\{\{/g)?.length ?? 0;
	if (expressions) throw new Error(`n8n's oAuth2Api has ${expressions} expression defaults now`);
	return [
		...properties,
		...DOMAIN_FIELDS,
		{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', default: {} },
	];
}

/** The harness's store, plus n8n's generic OAuth2 credential and the floor's. */
export class BenchCredentialStore extends CredentialStore {
	constructor(private readonly genericProperties: INodeProperties[]) {
		super();
	}

	private isGeneric(type: string): boolean {
		return type === GENERIC_TYPE || type === FLOOR_TYPE;
	}

	getParentTypes(name: string): string[] {
		if (name === FLOOR_TYPE) return [GENERIC_TYPE];
		if (name === GENERIC_TYPE) return [];
		return super.getParentTypes(name);
	}

	getCredentialsProperties(type?: string): INodeProperties[] {
		return type && this.isGeneric(type) ? this.genericProperties : super.getCredentialsProperties();
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: unknown,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		if (!this.isGeneric(type)) {
			return await super.getDecrypted(
				additionalData,
				details,
				type,
				mode,
				executeData,
				raw,
				expressionResolveValues,
			);
		}
		const stored = this.stored(details.id as string);
		if (raw) return stored;
		const data = NodeHelpers.getNodeParameters(
			this.genericProperties,
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (stored.oauthTokenData !== undefined) data.oauthTokenData = stored.oauthTokenData;
		if (!expressionResolveValues) return data;
		return resolveInWorkflow(data, mode, executeData, expressionResolveValues);
	}
}

/** The floor: GET the URL for each item through httpRequestWithAuthentication, `concurrency` at a time. */
export class FloorNode implements INodeType {
	description = {
		displayName: 'Floor HTTP',
		name: FLOOR_NODE,
		group: ['transform'],
		version: 1,
		description: 'The least a node can do per request with an OAuth2 credential',
		defaults: { name: 'Floor' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: FLOOR_TYPE, required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string' as const, default: '' },
			{ displayName: 'Concurrency', name: 'concurrency', type: 'number' as const, default: 10 },
		],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const url = this.getNodeParameter('url', 0) as string;
		const concurrency = this.getNodeParameter('concurrency', 0) as number;
		const output: INodeExecutionData[] = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const index = next++;
				const body = await this.helpers.httpRequestWithAuthentication.call(
					this,
					FLOOR_TYPE,
					{ method: 'GET', url, json: true },
					{ oauth2: { tokenType: 'Bearer' } },
				);
				output[index] = { json: body, pairedItem: { item: index } };
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
		return [output];
	}
}
