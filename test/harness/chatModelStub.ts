/**
 * A stand-in for a language model: an OpenAI-compatible Chat Completions endpoint on 127.0.0.1
 * (`POST /v1/chat/completions`, non-streaming) that answers each request with the next scripted
 * step: tool calls, or a final answer built from the tool results it received. n8n's own OpenAI
 * Chat Model node talks to it when its OpenAI credential's Base URL is `stub.baseUrl`. It records
 * every request, so a test can read what the agent sent back as each tool's result.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
	role: string;
	content?: string | null;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatRequest {
	model?: string;
	messages: ChatMessage[];
	tools?: Array<{ function: { name: string; description?: string; parameters?: unknown } }>;
	stream?: boolean;
}

/** One step of the script: call tools (the only tool offered when `tool` is left out), or answer. */
export type ChatStep =
	| { toolCalls: Array<{ tool?: string; arguments: Record<string, unknown> }> }
	| { answer: (toolResults: string[]) => string };

/** The tool results a request carries (the agent's tool messages), in order. */
export function toolResultsOf(request: ChatRequest | undefined): string[] {
	return (request?.messages ?? [])
		.filter((message) => message.role === 'tool')
		.map((message) => String(message.content ?? ''));
}

export class ChatModelStub {
	readonly requests: ChatRequest[] = [];

	/** `unscripted`: how to answer once the script is used up (the demo's stub plays this way). */
	constructor(private readonly unscripted?: (request: ChatRequest) => ChatStep) {}

	private script: ChatStep[] = [];

	private server: Server | undefined;

	private calls = 0;

	get baseUrl(): string {
		return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/v1`;
	}

	/** The tool results the agent sent with the latest request, in order. */
	toolResults(): string[] {
		return toolResultsOf(this.requests.at(-1));
	}

	/** The next requests get these steps, in order. */
	play(steps: ChatStep[]): void {
		this.script = [...steps];
		this.requests.length = 0;
	}

	async start(): Promise<void> {
		this.server = createServer((request, response) => void this.handle(request, response));
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const send = (status: number, body: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
		if (request.method === 'GET' && path.endsWith('/models')) {
			send(200, { object: 'list', data: [{ id: 'stub-model', object: 'model' }] });
			return;
		}
		if (request.method !== 'POST' || !path.endsWith('/chat/completions')) {
			send(404, { error: { message: `The stub model has no ${request.method} ${path}` } });
			return;
		}
		const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
		this.requests.push(body);
		if (this.requests.length > 1000) this.requests.shift();
		const step = this.script.shift() ?? this.unscripted?.(body);
		if (step === undefined) {
			send(500, { error: { message: 'The stub model has no scripted step left' } });
			return;
		}
		const message: ChatMessage =
			'answer' in step
				? { role: 'assistant', content: step.answer(this.toolResults()) }
				: {
						role: 'assistant',
						content: null,
						tool_calls: step.toolCalls.map((call) => ({
							id: `call_${++this.calls}`,
							type: 'function',
							function: {
								name: call.tool ?? body.tools?.[0]?.function.name ?? 'missing_tool',
								arguments: JSON.stringify(call.arguments),
							},
						})),
					};
		const reply = {
			id: `chatcmpl-stub-${this.requests.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model ?? 'stub-model',
			choices: [
				{
					index: 0,
					message,
					finish_reason: message.tool_calls ? 'tool_calls' : 'stop',
				},
			],
			usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
		};
		if (body.stream) {
			// Server-sent events: the whole message in one chunk, then the end.
			response.writeHead(200, { 'content-type': 'text/event-stream' });
			const delta = {
				role: 'assistant',
				content: message.content ?? '',
				...(message.tool_calls
					? { tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
					: {}),
			};
			const chunk = {
				...reply,
				object: 'chat.completion.chunk',
				choices: [{ index: 0, delta, finish_reason: reply.choices[0].finish_reason }],
			};
			response.write(`data: ${JSON.stringify(chunk)}\n\n`);
			response.end('data: [DONE]\n\n');
			return;
		}
		send(200, reply);
	}
}
