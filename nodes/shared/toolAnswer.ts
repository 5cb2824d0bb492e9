/**
 * What a node answers when an AI Agent calls it as a tool (n8n's `usableAsTool` variant): the
 * agent hands the answer to a model, so it must fit a model's context and carry no secret, and a
 * failure must be a text the model can act on instead of a failed execution.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { loadConnection, isNodeError, redact } from './transport';

export const DEFAULT_TOOL_ANSWER_CHARACTERS = 20000;

/** Shown only on the tool variant (n8n names it after the node, with `Tool` at the end). */
export const toolAnswerProperties: INodeProperties[] = [
	{
		displayName: 'Max Answer Size (Characters)',
		name: 'toolAnswerMaxCharacters',
		type: 'number',
		typeOptions: { minValue: 100 },
		default: 20000,
		description:
			'The longest answer the model gets from one call; a longer response is cut, with a note saying how many characters were left out',
		displayOptions: { show: { '@tool': [true] } },
	},
];

/**
 * n8n runs the tool variant under the type `<package>.<node>Tool`, whether the agent runs it
 * through the engine (AI Agent 3.x) or as a LangChain tool (older agents).
 */
function isToolRun(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}

/** The connection's secrets now, to keep them out of what the model reads. */
async function connectionSecrets(context: IExecuteFunctions, itemIndex: number): Promise<string[]> {
	try {
		return (await loadConnection(context, itemIndex)).secrets;
	} catch {
		return [];
	}
}

function maxCharacters(context: IExecuteFunctions, itemIndex: number): number {
	const value = Number(
		context.getNodeParameter(
			'toolAnswerMaxCharacters',
			itemIndex,
			DEFAULT_TOOL_ANSWER_CHARACTERS,
		) as unknown,
	);
	return Number.isFinite(value) && value >= 100
		? Math.floor(value)
		: DEFAULT_TOOL_ANSWER_CHARACTERS;
}

/** A file is no use to a model: it learns what arrived instead. */
function withoutFiles(item: INodeExecutionData): IDataObject {
	if (!item.binary) return item.json;
	const files = Object.values(item.binary).map(
		(file) =>
			`${file.fileName ?? 'file'} (${file.mimeType}${file.fileSize ? `, ${file.fileSize}` : ''})`,
	);
	return {
		...item.json,
		file: `The response is a file, not text: ${files.join(', ')}. Its content is not shown.`,
	};
}

/** The text of an error, as the model reads it: what went wrong, then what to change. */
export function toolErrorText(error: unknown, secrets: string[]): string {
	const message = error instanceof Error ? error.message : String(error);
	const description = isNodeError(error) ? error.description : undefined;
	const text =
		description && !message.includes(description)
			? `${message.replace(/\.?$/, '.')} ${description}`
			: message;
	return redact(`The request failed: ${text}`, secrets);
}

/**
 * Runs one tool call and shapes its answer: the items' JSON (redacted, cut to the size the user
 * set with a note saying how much was left out), or `{ error }` with what to change.
 */
async function answerAsTool(
	context: IExecuteFunctions,
	itemIndex: number,
	produce: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[];
	try {
		items = await produce();
	} catch (error) {
		return [{ json: { error: toolErrorText(error, await connectionSecrets(context, itemIndex)) } }];
	}
	const secrets = await connectionSecrets(context, itemIndex);
	const answers = items.map(withoutFiles);
	const text = redact(JSON.stringify(answers.length === 1 ? answers[0] : answers), secrets);
	const limit = maxCharacters(context, itemIndex);
	if (text.length <= limit) {
		try {
			return [{ json: JSON.parse(text) as IDataObject }];
		} catch {
			// A masked value ended a JSON string early: the text is still what the model may read.
			return [{ json: { response: text } }];
		}
	}
	// The agent hands the answer over as JSON text, where quotes inside it take two characters.
	let shown = limit;
	for (let encoded = JSON.stringify(text.slice(0, shown)).length - 2; encoded > limit; ) {
		shown -= encoded - limit;
		encoded = JSON.stringify(text.slice(0, shown)).length - 2;
	}
	return [
		{
			json: {
				response: text.slice(0, shown),
				cut: `The response was cut: ${shown} of ${text.length} characters shown, ${text.length - shown} left out. Ask for less (a filter, fewer fields or a smaller page) to see the rest.`,
			},
		},
	];
}

/** A node's item handler, its answers shaped for the model when an AI Agent runs the node as a tool. */
export function answeringAsTool(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<INodeExecutionData[]>,
): (itemIndex: number) => Promise<INodeExecutionData[]> {
	if (!isToolRun(context)) return handle;
	return async (itemIndex) =>
		await answerAsTool(context, itemIndex, async () => await handle(itemIndex));
}
