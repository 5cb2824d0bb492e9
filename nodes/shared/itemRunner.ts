/**
 * The item loop of both nodes, in one place: bounded concurrency, pairedItem on every output,
 * continueOnFail turning a failed item into an error item paired with it.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { loadConnection, isNodeError, type NodeError, redactError } from './transport';

export type ItemHandler = (itemIndex: number) => Promise<INodeExecutionData[]>;

/** What one item produced, and on which of the node's outputs it goes. */
export interface RoutedItems {
	output: number;
	items: INodeExecutionData[];
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (isNodeError(error)) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/** The connection's secrets as stored now (a refresh during the run may have replaced the token). */
async function currentSecrets(context: IExecuteFunctions, itemIndex: number): Promise<string[]> {
	try {
		return (await loadConnection(context, itemIndex)).secrets;
	} catch {
		return [];
	}
}

export async function runItems(
	context: IExecuteFunctions,
	concurrency: number,
	handleItem: ItemHandler,
): Promise<INodeExecutionData[]> {
	const [output] = await runRoutedItems(context, concurrency, 1, async (itemIndex) => ({
		output: 0,
		items: await handleItem(itemIndex),
	}));
	return output;
}

/**
 * The item loop for a node with several outputs: each item's results go to the output its
 * handler names, in input order. Failed items (continueOnFail) go to the first output, from which
 * the host moves them to the error output when the node has one.
 */
export async function runRoutedItems(
	context: IExecuteFunctions,
	concurrency: number,
	outputCount: number,
	handleItem: (itemIndex: number) => Promise<RoutedItems>,
): Promise<INodeExecutionData[][]> {
	const itemCount = context.getInputData().length;
	const outputs: RoutedItems[] = new Array(itemCount);
	let nextItem = 0;
	let failure: NodeError | undefined;

	const worker = async () => {
		while (failure === undefined && nextItem < itemCount) {
			const itemIndex = nextItem++;
			try {
				const produced = await handleItem(itemIndex);
				outputs[itemIndex] = {
					output: produced.output,
					items: context.helpers.constructExecutionMetaData(produced.items, {
						itemData: { item: itemIndex },
					}),
				};
			} catch (error) {
				const nodeError = asNodeError(context, error, itemIndex);
				redactError(nodeError, await currentSecrets(context, itemIndex));
				if (!context.continueOnFail()) {
					failure ??= nodeError;
					return;
				}
				// n8n's convention: `error` routes the item to the error output when the node has one
				// (On Error: Continue (using error output)); the host keeps `{ error: message }` as its json.
				outputs[itemIndex] = {
					output: 0,
					items: [
						{
							json: { error: nodeError.message },
							error: nodeError,
							pairedItem: { item: itemIndex },
						},
					],
				};
			}
		}
	};

	const workerCount = Math.max(1, Math.min(Math.floor(concurrency) || 1, itemCount));
	await Promise.all(Array.from({ length: workerCount }, worker));
	if (failure) throw failure;
	return Array.from({ length: outputCount }, (_, output) =>
		outputs.filter((routed) => routed.output === output).flatMap((routed) => routed.items),
	);
}
