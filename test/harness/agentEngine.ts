/**
 * Runs the package's nodes as AI Agent tools through n8n-core's real WorkflowExecute, the way
 * n8n 2.41's AI Agent (3.x) has them run: the agent node answers with an engine request naming
 * the tool node and the model's arguments, the engine runs the tool node (its `$fromAI()`
 * placeholders resolve from those arguments) and resumes the agent with the tool's task data.
 *
 * Two stand-ins, both for parts of the host this package does not have in its dev dependencies:
 * `asTool` builds the tool variant as n8n's `convertNodeToAiTool` (packages/cli) does, and
 * `ScriptedAgent` plays the agent with scripted tool calls instead of a model. The end-to-end
 * suite runs the real AI Agent, OpenAI Chat Model and tool variant in n8n.
 */
import {
	NodeConnectionTypes,
	type EngineRequest,
	type EngineResponse,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type ITaskData,
} from 'n8n-workflow';

import { FetchVariables } from '../../dist/nodes/FetchVariables/FetchVariables.node.js';
import { OAuth2HttpRequest } from '../../dist/nodes/OAuth2HttpRequest/OAuth2HttpRequest.node.js';
import type { CredentialStore } from './credentialStore';
import { runFromSource, sourceNode, typesWith } from './engine';
import { CREDENTIAL_TYPE } from '../../nodes/shared/transport/connection';

/** The tool variant of a node, as n8n 2.41 builds it (`<name>Tool`, no main input, ai_tool out). */
export function asTool(nodeType: INodeType): INodeType {
	const base = nodeType.description;
	const properties: INodeProperties[] = [...base.properties];
	if (!properties.some((property) => property.name === 'toolDescription')) {
		properties.push({
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			default: base.description,
			required: true,
		});
	}
	const description = {
		...base,
		name: `${base.name}Tool`,
		displayName: `${base.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties,
	};
	delete description.usableAsTool;
	return Object.assign(Object.create(nodeType) as INodeType, { description });
}

/** One tool call the scripted model makes: the tool node's name and the model's arguments. */
export interface ScriptedCall {
	tool: string;
	input: IDataObject;
}

/** What the agent got back from one call, as AI Agent 3.x hands it to the model. */
export interface ToolResult {
	tool: string;
	input: IDataObject;
	/** The tool message's text (the agent's `buildObservation`). */
	observation: string;
	/** The tool's answer items, parsed. */
	answer: IDataObject[];
}

/** A tool as the agent offers it to the model: n8n-core's createNodeAsTool built it. */
export interface OfferedTool {
	name: string;
	description: string;
	/** The `$fromAI()` keys: the arguments the model fills. */
	arguments: string[];
}

interface ScriptState extends IDataObject {
	round: number;
	results: IDataObject[];
	tools: IDataObject[];
}

/** The tools connected to the agent, as the host hands them to it (LangChain tools). */
async function offeredTools(context: IExecuteFunctions): Promise<IDataObject[]> {
	const connected = (await context.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as Array<{
		name: string;
		description: string;
		schema: { shape?: Record<string, unknown> };
	}>;
	return connected.map((tool) => ({
		name: tool.name,
		description: tool.description,
		arguments: Object.keys(tool.schema.shape ?? {}),
	}));
}

/** The tool message text the agent builds from a tool's task data (n8n-nodes-langchain 2.41). */
function observationOf(data: ITaskData): { observation: string; answer: IDataObject[] } {
	const answer = (data.data?.[NodeConnectionTypes.AiTool]?.[0] ?? []).map(
		(item) => item?.json ?? {},
	);
	if (answer.length > 0) return { observation: JSON.stringify(answer), answer };
	if (data.error) {
		const error = { error: data.error.message ?? 'Unknown error', errorType: data.error.name };
		return { observation: JSON.stringify(error), answer: [error] };
	}
	return { observation: JSON.stringify(''), answer: [] };
}

/** Plays an AI Agent whose model makes the scripted calls, one round at a time. */
class ScriptedAgent implements INodeType {
	description = {
		displayName: 'Scripted Agent',
		name: 'scriptedAgent',
		group: ['transform'],
		version: 1,
		description: 'Test agent',
		defaults: { name: 'Agent' },
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Rounds', name: 'rounds', type: 'json' as const, default: '[]' }],
	} as INodeType['description'];

	async execute(
		this: IExecuteFunctions,
		response?: EngineResponse<ScriptState>,
	): Promise<INodeExecutionData[][] | EngineRequest<ScriptState>> {
		const rounds = JSON.parse(this.getNodeParameter('rounds', 0) as string) as ScriptedCall[][];
		const previous = response?.actionResponses.length ? response.metadata : undefined;
		const results = [...(previous?.results ?? [])];
		for (const { action, data } of response?.actionResponses ?? []) {
			results.push({ tool: action.nodeName, input: action.input, ...observationOf(data) });
		}
		const round = previous ? previous.round + 1 : 0;
		const tools = previous?.tools ?? (await offeredTools(this));
		if (round < rounds.length) {
			const state: ScriptState = { round, results, tools };
			return {
				actions: rounds[round].map((call, index) => ({
					actionType: 'ExecutionNodeAction' as const,
					nodeName: call.tool,
					input: call.input,
					type: NodeConnectionTypes.AiTool,
					id: `call_${round}_${index}`,
					metadata: { ...state, itemIndex: 0 },
				})),
				metadata: state,
			};
		}
		return [[...results.map((result) => ({ json: result })), { json: { toolsOffered: tools } }]];
	}
}

const TOOL_TYPES: INodeTypes = typesWith({
	scriptedAgent: new ScriptedAgent(),
	oAuth2HttpRequestTool: asTool(new OAuth2HttpRequest()),
	fetchVariablesTool: asTool(new FetchVariables()),
});

export interface AgentRun {
	results: ToolResult[];
	tools: OfferedTool[];
	error?: Error;
	run: IRun;
}

/**
 * Source -> Agent, with one tool node (type `oAuth2HttpRequestTool` or `fetchVariablesTool`,
 * named `Tool`) on the agent's tool connector; the agent makes the scripted calls round by round.
 */
export async function runAgentWithTool(options: {
	store: CredentialStore;
	credential: { id: string; name: string };
	toolType: 'oAuth2HttpRequestTool' | 'fetchVariablesTool';
	parameters: Record<string, unknown>;
	rounds: IDataObject[][];
}): Promise<AgentRun> {
	const nodes: INode[] = [
		sourceNode([{ json: { chatInput: 'scripted' } }]),
		{
			id: 'agent',
			name: 'Agent',
			type: 'scriptedAgent',
			typeVersion: 1,
			position: [200, 0],
			parameters: {
				rounds: JSON.stringify(
					options.rounds.map((round) => round.map((input) => ({ tool: 'Tool', input }))),
				),
			},
		},
		{
			id: 'tool',
			name: 'Tool',
			type: options.toolType,
			typeVersion: 1,
			position: [200, 200],
			parameters: options.parameters as INode['parameters'],
			credentials: { [CREDENTIAL_TYPE]: options.credential },
		},
	];
	const connections = {
		Source: { main: [[{ node: 'Agent', type: NodeConnectionTypes.Main, index: 0 }]] },
		Tool: { ai_tool: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	const run = await runFromSource(options.store, TOOL_TYPES, nodes, connections, 'agent-workflow');
	const runs = run.data.resultData.runData.Agent ?? [];
	const last = runs[runs.length - 1];
	const output = (last?.data?.main?.[0] ?? []).map((item) => item.json);
	const offered = output.find((json) => json.toolsOffered !== undefined);
	return {
		results: output.filter((json) => json !== offered) as unknown as ToolResult[],
		tools: (offered?.toolsOffered ?? []) as unknown as OfferedTool[],
		error: (last?.error ?? run.data.resultData.error) as Error | undefined,
		run,
	};
}
