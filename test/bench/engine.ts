/**
 * The harness's Source -> Target run (n8n-core's real WorkflowExecute) with a source node emitting
 * `count` items, then the node under test. Its registry also holds n8n's built-in HTTP
 * Request node (versioned), which the harness's registry does not.
 */
import {
	NodeConnectionTypes,
	VersionedNodeType,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { OAuth2HttpRequest } from '../../dist/nodes/OAuth2HttpRequest/OAuth2HttpRequest.node.js';
import type { CredentialStore } from '../harness/credentialStore';
import { FloorNode, FLOOR_NODE } from './generic';
import { runSourceToTarget, type NodeRun } from '../harness/engine';
import { CREDENTIAL_TYPE } from '../../nodes/shared/transport/connection';

/** Emits `count` items `{ index }`. */
class CountSource implements INodeType {
	description = {
		displayName: 'Count Source',
		name: 'countSource',
		group: ['input'],
		version: 1,
		description: 'Benchmark input',
		defaults: { name: 'Source' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Count', name: 'count', type: 'number' as const, default: 1 }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const count = this.getNodeParameter('count', 0) as number;
		return [Array.from({ length: count }, (_, index) => ({ json: { index } }))];
	}
}

const registry: Record<string, INodeType | VersionedNodeType> = {
	countSource: new CountSource(),
	oAuth2HttpRequest: new OAuth2HttpRequest(),
	[FLOOR_NODE]: new FloorNode(),
};

export function registerNodeType(name: string, type: INodeType | VersionedNodeType): void {
	registry[name] = type;
}

const nodeTypes: INodeTypes = {
	getByName: (type) => registry[type],
	getByNameAndVersion: (type, version) => {
		const found = registry[type];
		return found instanceof VersionedNodeType ? found.getNodeType(version) : (found as INodeType);
	},
	getKnownTypes: () => ({}),
} as INodeTypes;

export interface BenchRunOptions {
	store: CredentialStore;
	credential: { id: string; name: string };
	/** The credential's type; the package's own when not given. */
	credentialType?: string;
	nodeType: string;
	typeVersion?: number;
	parameters: IDataObject;
	count: number;
}

export async function runBench(options: BenchRunOptions): Promise<NodeRun> {
	const nodes: INode[] = [
		{
			id: 'source',
			name: 'Source',
			type: 'countSource',
			typeVersion: 1,
			position: [0, 0],
			parameters: { count: options.count },
		},
		{
			id: 'target',
			name: 'Target',
			type: options.nodeType,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: { [options.credentialType ?? CREDENTIAL_TYPE]: options.credential },
		},
	];
	return await runSourceToTarget(options.store, nodeTypes, nodes);
}
