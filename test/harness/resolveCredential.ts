/**
 * Resolves stored credential data the way n8n's CredentialsHelper.applyDefaultsAndOverwrites does
 * (packages/cli/src/credentials-helper.ts in n8n 2.41): hidden OAuth fields are pinned to their
 * defaults, defaults fill what is missing, fields that are not displayed are dropped, and `={{ }}`
 * expressions are resolved with n8n-workflow's own expression engine, `$self` being the data.
 */
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodeTypes,
} from 'n8n-workflow';

import { ConnectionOAuth2Api } from '../../credentials/ConnectionOAuth2Api.credentials';
import { ensureExpressionEngine } from './expressionEngine';

/** Fields whose stored value the host drops when the credential type declares them hidden. */
const PINNED_WHEN_HIDDEN = ['authUrl', 'accessTokenUrl', 'grantType', 'authentication', 'scope'];

export function credentialProperties(): INodeProperties[] {
	return [
		...new ConnectionOAuth2Api().properties,
		{
			displayName: 'oauthTokenData',
			name: 'oauthTokenData',
			type: 'json',
			required: false,
			default: {},
		},
	];
}

const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as never,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as never,
	getKnownTypes: () => ({}),
} as INodeTypes;

/**
 * Defaults applied and non-displayed fields dropped; expressions still unresolved. `properties`:
 * another credential type's (the benchmark measures variants of this one and n8n's generic one).
 */
export function applyDefaults(
	stored: Record<string, unknown>,
	properties: INodeProperties[] = credentialProperties(),
): ICredentialDataDecryptedObject {
	const data = { ...stored };
	for (const field of PINNED_WHEN_HIDDEN) {
		if (properties.some((property) => property.name === field && property.type === 'hidden'))
			delete data[field];
	}
	const withDefaults = NodeHelpers.getNodeParameters(
		properties,
		data as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	if (stored.oauthTokenData !== undefined)
		withDefaults.oauthTokenData =
			stored.oauthTokenData as ICredentialDataDecryptedObject['oauthTokenData'];
	return withDefaults;
}

/** A workflow to resolve credentials in, as n8n's CredentialsHelper makes one: a mock node. */
export function credentialWorkflow(): Workflow {
	return new Workflow({
		nodes: [mockNode],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});
}

/** The expressions of `data` (defaults applied) resolved in `workflow`, whose isolate is held. */
export function resolveIn(
	workflow: Workflow,
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	return workflow.expression.getComplexParameterValue(
		mockNode,
		data as INodeParameters,
		'internal',
		{},
		undefined,
		undefined,
		data,
	) as ICredentialDataDecryptedObject;
}

/** What the host hands to n8n-core and to the OAuth2 authorize/callback flow. */
export async function resolveCredential(
	stored: Record<string, unknown>,
): Promise<ICredentialDataDecryptedObject> {
	await ensureExpressionEngine();
	const workflow = credentialWorkflow();
	await workflow.expression.acquireIsolate();
	try {
		return resolveIn(workflow, applyDefaults(stored));
	} finally {
		await workflow.expression.releaseIsolate();
	}
}
