/**
 * A runner modelled on test/harness/engine.ts: n8n-core's real WorkflowExecute runs a source node
 * emitting `count` items, then the node under test. Its registry also holds n8n's built-in HTTP
 * Request node (versioned), which the harness's registry does not.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
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
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { OAuth2HttpRequest } from '../../dist/nodes/OAuth2HttpRequest/OAuth2HttpRequest.node.js';
import type { CredentialStore } from '../harness/credentialStore';
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

function additionalData(
	store: CredentialStore,
	workflowData: IWorkflowBase,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: store,
		hooks: new ExecutionLifecycleHooks('manual', 'execution-1', workflowData),
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1:5678/formBaseUrl',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/formWaitingBaseUrl',
		formTestBaseUrl: 'http://127.0.0.1:5678/formTestBaseUrl',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhookBaseUrl',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhookWaitingBaseUrl',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhookTestBaseUrl',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcpBaseUrl',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcpTestBaseUrl',
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

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
