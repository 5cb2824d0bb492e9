// An AI Agent workflow with the OAuth2 HTTP Request tool, as the end-to-end suite and the demo
// build it: n8n's AI Agent 3.1, n8n's OpenAI Chat Model pointed at a stub model, the tool.
import { randomUUID } from 'node:crypto';

import { CREDENTIAL_TYPE, NODE_TYPES } from './context';

export const TOOL_TYPE = `${NODE_TYPES.httpRequest}Tool`;
export const TOOL_NODE = 'CRM API';
export const AGENT_NODE = 'AI Agent';
export const MODEL_NODE = 'Stub Model (scripted)';

/** What the model fills in: the tool's parameters are `$fromAI()` placeholders. */
export const MODEL_FILLED_REQUEST = {
	method: "={{ $fromAI('method', 'HTTP method: GET, POST, PUT, PATCH or DELETE', 'string') }}",
	url: "={{ $fromAI('path', 'Path relative to the API base URL, e.g. /contacts/7', 'string') }}",
};

/** Trigger -> AI Agent, with the stub's chat model and one OAuth2 HTTP Request tool. */
export function agentWorkflow(options: {
	name: string;
	prompt: string;
	modelCredentialId: string;
	connection: { id: string; name: string };
	toolParameters?: Record<string, unknown>;
	trigger: Record<string, unknown>;
}): Record<string, unknown> {
	const triggerName = String(options.trigger.name);
	return {
		name: options.name,
		nodes: [
			{ ...options.trigger, position: [0, 0] },
			{
				id: randomUUID(),
				name: AGENT_NODE,
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [260, 0],
				parameters: {
					promptType: 'define',
					text: options.prompt,
					options: { enableStreaming: false },
				},
			},
			{
				id: randomUUID(),
				name: MODEL_NODE,
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [160, 240],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'stub-model' },
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: { id: options.modelCredentialId, name: 'Stub model' } },
			},
			{
				id: randomUUID(),
				name: TOOL_NODE,
				type: TOOL_TYPE,
				typeVersion: 1,
				position: [400, 240],
				parameters: { ...MODEL_FILLED_REQUEST, ...options.toolParameters },
				credentials: { [CREDENTIAL_TYPE]: options.connection },
			},
		],
		connections: {
			[triggerName]: { main: [[{ node: AGENT_NODE, type: 'main', index: 0 }]] },
			[MODEL_NODE]: {
				ai_languageModel: [[{ node: AGENT_NODE, type: 'ai_languageModel', index: 0 }]],
			},
			[TOOL_NODE]: { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] },
		},
	};
}
