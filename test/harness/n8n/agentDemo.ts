// The agent demo of `npm start`: n8n's AI Agent with the OAuth2 HTTP Request tool, and as its
// model a scripted stub on 127.0.0.1 (not a language model): it calls the tool for the contact
// number or the URL in the prompt, then answers from what the tool returned.
import { randomUUID } from 'node:crypto';

import { ChatModelStub, toolResultsOf, type ChatRequest, type ChatStep } from '../chatModelStub';
import type { N8nRest } from './server';
import { agentWorkflow } from './agentWorkflow';

export const AGENT_DEMO_PROMPT = 'What is the last name of contact 7?';

/** What the stub "model" does with a conversation: one tool call, then an answer from its result. */
function playDemo(request: ChatRequest): ChatStep {
	const results = toolResultsOf(request);
	if (results.length > 0) {
		return {
			answer: ([result]) => {
				const lastName = /"last_name":\s*"([^"]+)"/.exec(result)?.[1];
				return lastName
					? `The last name is ${lastName} (read from the API through the OAuth2 connection).`
					: `The tool answered: ${result}`;
			},
		};
	}
	const prompt = String(request.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '');
	const url = /https?:\/\/\S+/.exec(prompt)?.[0];
	const contact = /contact\D*(\d+)/i.exec(prompt)?.[1];
	const path = url ?? (contact ? `/contacts/${contact}` : '/me');
	return { toolCalls: [{ arguments: { method: 'GET', path } }] };
}

export function startDemoModel(): ChatModelStub {
	return new ChatModelStub(playDemo);
}

/** The demo's agent flow: Manual trigger -> AI Agent, with the stub model and the HTTP tool. */
export async function createAgentDemo(
	rest: N8nRest,
	connection: { id: string; name: string },
	modelBaseUrl: string,
): Promise<{ id: string; name: string }> {
	const model = await rest.createCredential('Stub model (scripted, not an LLM)', 'openAiApi', {
		apiKey: 'stub-key-not-a-secret',
		url: modelBaseUrl,
		header: false,
	});
	return await rest.createWorkflow(
		agentWorkflow({
			name: 'Demo: AI Agent calls the API through the connection (stub model, scripted)',
			prompt: AGENT_DEMO_PROMPT,
			modelCredentialId: model.id,
			connection,
			trigger: {
				id: randomUUID(),
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				parameters: {},
			},
		}),
	);
}
