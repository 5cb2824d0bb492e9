/**
 * A runner modelled on test/harness/engine.ts: n8n-core's real WorkflowExecute runs a source node
 * emitting `count` items, then the node under test. Its registry also holds n8n's built-in HTTP
 * Request node (versioned), which the harness's registry does not.
 */
import { WorkflowExecute } from 'n8n-core';
import {
	NodeConnectionTypes,
	VersionedNodeType,
	Workflow,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowBase,
} from 'n8n-workflow';

import { OAuth2HttpRequest } from '../../dist/nodes/OAuth2HttpRequest/OAuth2HttpRequest.node.js';
import type { CredentialStore } from '../harness/credentialStore';
import { additionalData } from '../harness/engine';
import { CREDENTIAL_TYPE } from '../harness/resolveCredential';

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

export interface BenchRun {
	items: INodeExecutionData[];
	error?: Error;
	run: IRun;
}

export interface BenchRunOptions {
	store: CredentialStore;
	credential: { id: string; name: string };
	nodeType: string;
	typeVersion?: number;
	parameters: IDataObject;
	count: number;
}

export async function runBench(options: BenchRunOptions): Promise<BenchRun> {
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
			credentials: { [CREDENTIAL_TYPE]: options.credential },
		},
	];
	const connections = {
		Source: { main: [[{ node: 'Target', type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const workflowData = {
		id: 'workflow-bench',
		name: 'bench',
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: 'workflow-bench',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const execute = new WorkflowExecute(additionalData(options.store, workflowData), 'manual');
	const run = await execute.run({
		workflow,
		startNode: workflow.getNode('Source') as INode,
	} as never);
	const taskData = run.data.resultData.runData.Target?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as Error | undefined,
		run,
	};
}
