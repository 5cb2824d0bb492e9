/**
 * Runs the package's nodes through n8n-core's real WorkflowExecute: a source node emits the input
 * items, the node under test runs after it with a credential from the CredentialStore.
 * Expressions are evaluated by n8n's default engine, vm (see expressionEngine.ts).
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	NodeConnectionTypes,
} from 'n8n-workflow';

// The built package, as n8n loads it (a .node path would also resolve to the codex .node.json).
import { FetchVariables } from '../../dist/nodes/FetchVariables/FetchVariables.node.js';
import { OAuth2Connection } from '../../dist/nodes/OAuth2Connection/OAuth2Connection.node.js';
import { OAuth2HttpRequest } from '../../dist/nodes/OAuth2HttpRequest/OAuth2HttpRequest.node.js';
import type { CredentialStore } from './credentialStore';
import { ensureExpressionEngine } from './expressionEngine';
import { CREDENTIAL_TYPE } from '../../nodes/shared/transport/connection';

/** Emits the items given in its `items` parameter (binary given as base64 strings). */
class SourceNode implements INodeType {
	description = {
		displayName: 'Source',
		name: 'source',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Source' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json' as const, default: '[]' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as Array<{
			json: IDataObject;
			binary?: Record<string, { base64: string; mimeType: string; fileName: string }>;
		}>;
		const output: INodeExecutionData[] = [];
		for (const item of items) {
			const binary: INodeExecutionData['binary'] = {};
			for (const [key, file] of Object.entries(item.binary ?? {})) {
				binary[key] = await this.helpers.prepareBinaryData(
					Buffer.from(file.base64, 'base64'),
					file.fileName,
					file.mimeType,
				);
			}
			output.push({ json: item.json, ...(item.binary ? { binary } : {}) });
		}
		return [output];
	}
}

const NODE_TYPES: Record<string, INodeType> = {
	source: new SourceNode(),
	oAuth2HttpRequest: new OAuth2HttpRequest(),
	fetchVariables: new FetchVariables(),
	oAuth2Connection: new OAuth2Connection(),
};

/** The Source node plus the given node types, as the engine looks them up. */
export function typesWith(types: Record<string, INodeType>): INodeTypes {
	const all: Record<string, INodeType> = { source: NODE_TYPES.source, ...types };
	return {
		getByName: (type) => all[type],
		getByNameAndVersion: (type) => all[type],
		getKnownTypes: () => ({}),
	} as INodeTypes;
}

export const nodeTypes: INodeTypes = typesWith(NODE_TYPES);

export interface InputItem {
	json: IDataObject;
	binary?: Record<string, { base64: string; mimeType: string; fileName: string }>;
}

export interface NodeRun {
	/** The main output (output 0). */
	items: INodeExecutionData[];
	/** Every output: with On Error "Continue (using error output)", output 1 holds the error items. */
	outputs: INodeExecutionData[][];
	/** The node's error when the run failed. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	run: IRun;
}

export function additionalData(
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

export interface RunOptions {
	store: CredentialStore;
	credential: { id: string; name: string };
	nodeType: 'oAuth2HttpRequest' | 'fetchVariables' | 'oAuth2Connection';
	parameters: Record<string, unknown>;
	items?: InputItem[];
	/** true: On Error "Continue (regular output)"; or the node's On Error setting itself. */
	continueOnFail?: boolean | 'continueRegularOutput' | 'continueErrorOutput';
	/** Workflow id and name, for runs of different workflows side by side. */
	workflowId?: string;
	/** The node types to run with (default: the package's nodes from dist/). */
	types?: INodeTypes;
}

/** The Source node, handing `items` to the node after it. */
export function sourceNode(items: InputItem[]): INode {
	return {
		id: 'source',
		name: 'Source',
		type: 'source',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
}

export async function runNode(options: RunOptions): Promise<NodeRun> {
	const nodes: INode[] = [
		sourceNode(options.items ?? [{ json: {} }]),
		{
			id: 'target',
			name: 'Target',
			type: options.nodeType,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: { [CREDENTIAL_TYPE]: options.credential },
			...(options.continueOnFail
				? {
						onError:
							options.continueOnFail === true ? 'continueRegularOutput' : options.continueOnFail,
					}
				: {}),
		},
	];
	return await runSourceToTarget(
		options.store,
		options.types ?? nodeTypes,
		nodes,
		options.workflowId,
	);
}

/**
 * Runs a two-node workflow, `Source` -> `Target`, through WorkflowExecute and returns what the
 * target produced (the benchmarks use it too, with their own node types).
 */
export async function runSourceToTarget(
	store: CredentialStore,
	types: INodeTypes,
	nodes: INode[],
	workflowId = 'workflow-1',
): Promise<NodeRun> {
	const run = await runFromSource(
		store,
		types,
		nodes,
		{ Source: { main: [[{ node: 'Target', type: NodeConnectionTypes.Main, index: 0 }]] } },
		workflowId,
	);
	const taskData = run.data.resultData.runData.Target?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
		run,
	};
}

/** Runs `nodes`, wired by `connections`, through WorkflowExecute from the node named Source. */
export async function runFromSource(
	store: CredentialStore,
	types: INodeTypes,
	nodes: INode[],
	connections: IConnections,
	workflowId: string,
): Promise<IRun> {
	await ensureExpressionEngine();
	const settings = { executionOrder: 'v1' as const };
	const workflowData = {
		id: workflowId,
		name: `test ${workflowId}`,
		nodes,
		connections,
		active: false,
		settings,
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowId,
		nodes,
		connections,
		active: false,
		nodeTypes: types,
		settings,
	});
	const execute = new WorkflowExecute(additionalData(store, workflowData), 'manual');
	return await execute.run({
		workflow,
		startNode: workflow.getNode('Source') as INode,
	} as never);
}

/** A load-options call as the editor makes it, with the node's current parameters. */
export async function loadOptions(
	options: Omit<RunOptions, 'items' | 'continueOnFail' | 'credential'> & {
		/** None: the node has no credential yet (the editor asks before one is assigned). */
		credential?: RunOptions['credential'];
	},
	method: string,
	filter?: string,
): Promise<unknown> {
	await ensureExpressionEngine();
	const { LoadOptionsContext } = await import('n8n-core');
	const node: INode = {
		id: 'target',
		name: 'Target',
		type: options.nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		...(options.credential ? { credentials: { [CREDENTIAL_TYPE]: options.credential } } : {}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const workflowData = {
		id: 'w',
		name: 'w',
		nodes: [node],
		connections: {},
		active: false,
	} as unknown as IWorkflowBase;
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData(options.store, workflowData),
		'',
	) as unknown as ILoadOptionsFunctions;
	type DesignTimeMethod = (this: ILoadOptionsFunctions, filter?: string) => Promise<unknown>;
	const groups = (NODE_TYPES[options.nodeType].methods ?? {}) as unknown as Record<
		string,
		Record<string, DesignTimeMethod>
	>;
	for (const group of Object.values(groups)) {
		if (group[method]) return await group[method].call(context, filter);
	}
	throw new Error(`No method ${method}`);
}
