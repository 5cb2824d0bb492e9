/**
 * The Fetch Variables toolkit: its parameters as the editor stores them, runs through n8n-core's
 * engine (with a next step reading the variables), and the path picker as the editor calls it.
 * Shared by test/fetchVariables.test.ts, test/variables.test.ts and test/pathPicker.test.ts.
 */
import assert from 'node:assert/strict';

import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../nodes/shared/transport/connection';
import { loadOptions, nodeTypes, runFromSource, sourceNode, typesWith } from './engine';
import { startHarness, type Harness } from './fixtures';

export type Credential = { id: string; name: string };
export type VariableType = 'auto' | 'string' | 'number' | 'boolean' | 'object';

/** One entry of the Variables collection, as the editor stores it (path picked in "Path" mode). */
export function variable(
	name: string,
	path: string,
	extra: { type?: VariableType; required?: boolean; defaultValue?: string } = {},
) {
	return {
		name,
		path: { __rl: true, mode: 'path', value: path },
		type: 'auto',
		defaultValue: '',
		required: true,
		...extra,
	};
}

/** The node's parameters: GET `url`, map these variables, merge them into the input item. */
export function fetchParameters(
	url: string,
	variables: Array<ReturnType<typeof variable>>,
	extra: IDataObject = {},
): IDataObject {
	return { method: 'GET', url, variables: { variable: variables }, output: 'merge', ...extra };
}

/** Everything an error shows the user: message and description. */
export function errorText(
	error: { message?: string; description?: string | null } | undefined,
): string {
	assert.ok(error, 'the node failed');
	return `${error.message ?? ''}\n${error.description ?? ''}`;
}

/** A step after Fetch Variables that reads the variables with expressions, as a Set node would. */
class ReadVariablesNode implements INodeType {
	description = {
		displayName: 'Read Variables',
		name: 'readVariables',
		group: ['transform'],
		version: 1,
		description: 'Test consumer',
		defaults: { name: 'Read Variables' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'From $json', name: 'fromJson', type: 'string', default: '' },
			{ displayName: 'From Node', name: 'fromNode', type: 'string', default: '' },
		],
	} as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_, index) => ({
				json: {
					fromJson: this.getNodeParameter('fromJson', index) as string,
					fromNode: this.getNodeParameter('fromNode', index) as string,
				},
				pairedItem: { item: index },
			})),
		];
	}
}

/** A Fetch Variables test file's servers, and the runs bound to them. */
export function fetchVariablesSuite() {
	let harness: Harness;
	beforeAll(async () => {
		harness = await startHarness();
	});
	afterAll(async () => await harness.stop());

	async function fetchVariables(
		credential: Credential,
		parameters: IDataObject,
		items?: Parameters<Harness['run']>[3],
		continueOnFail?: boolean,
	) {
		return await harness.run(credential, 'fetchVariables', parameters, items, continueOnFail);
	}

	/** Runs `body` and asserts the resource server received no request meanwhile. */
	async function withoutRequests<T>(body: () => Promise<T>): Promise<T> {
		const seen = harness.api.requests.length;
		const result = await body();
		assert.equal(harness.api.requests.length, seen, 'the resource server saw no request');
		return result;
	}

	/** Source -> Fetch Variables -> Read Variables, through WorkflowExecute; returns what the last step saw. */
	async function runWithNextStep(
		credential: Credential,
		parameters: IDataObject,
		items: Array<{ json: IDataObject }>,
		nextParameters: IDataObject,
	) {
		const nodes: INode[] = [
			sourceNode(items),
			{
				id: 'fetch',
				name: 'Fetch Variables',
				type: 'fetchVariables',
				typeVersion: 1,
				position: [200, 0],
				parameters: parameters as INode['parameters'],
				credentials: { [CREDENTIAL_TYPE]: credential },
			},
			{
				id: 'next',
				name: 'Next',
				type: 'readVariables',
				typeVersion: 1,
				position: [400, 0],
				parameters: nextParameters as INode['parameters'],
			},
		];
		const connections = {
			Source: { main: [[{ node: 'Fetch Variables', type: NodeConnectionTypes.Main, index: 0 }]] },
			'Fetch Variables': { main: [[{ node: 'Next', type: NodeConnectionTypes.Main, index: 0 }]] },
		};
		const run = await runFromSource(
			harness.store,
			typesWith({
				fetchVariables: nodeTypes.getByName('fetchVariables') as INodeType,
				readVariables: new ReadVariablesNode(),
			}),
			nodes,
			connections,
			'workflow-fv',
		);
		const runData = run.data.resultData.runData;
		assert.equal(run.data.resultData.error, undefined, run.data.resultData.error?.message);
		return runData.Next?.[0]?.data?.main?.[0] ?? [];
	}

	/** The path picker as the editor calls it: list search `searchResponsePaths` with the node's parameters. */
	async function searchPaths(
		credential: Credential,
		parameters: IDataObject,
		filter?: string,
	): Promise<INodeListSearchResult> {
		return (await loadOptions(
			{ store: harness.store, credential, nodeType: 'fetchVariables', parameters },
			'searchResponsePaths',
			filter,
		)) as INodeListSearchResult;
	}

	return {
		get harness() {
			return harness;
		},
		fetchVariables,
		withoutRequests,
		runWithNextStep,
		searchPaths,
	};
}
