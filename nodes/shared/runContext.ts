/**
 * The node's context for one run of items, with what cannot change during the run read once.
 *
 * n8n-core deep-copies on every read: getNode() copies the node with all its parameters, and
 * getNodeParameter resolves and copies a parameter. The HTTP nodes read about ten parameters per
 * item and the node in several steps of each request: a twentieth of their time per item. Here the
 * node is read once, and a parameter whose stored value holds no `={{ }}` expression anywhere (the
 * same for every item) is read for the first item; later items get a copy of it (callers may
 * change what they get). Expressions are still resolved per item.
 */
import { deepCopy, type IExecuteFunctions, type INode } from 'n8n-workflow';

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(holdsExpression);
	return false;
}

/** The fallback as part of a cache key: the same parameter may be read with different ones. */
function fallbackKey(fallback: unknown): string {
	return typeof fallback === 'object' && fallback !== null
		? JSON.stringify(fallback)
		: `${typeof fallback}:${String(fallback)}`;
}

export function runContext(context: IExecuteFunctions): IExecuteFunctions {
	let node: INode | undefined;
	const getNode = () => (node ??= context.getNode());
	const constant = new Map<string, boolean>();
	const values = new Map<string, unknown>();
	const isConstant = (name: string): boolean => {
		const top = name.split('.')[0];
		let known = constant.get(top);
		if (known === undefined) {
			known = !holdsExpression(getNode().parameters[top]);
			constant.set(top, known);
		}
		return known;
	};
	const getNodeParameter = ((...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
		const [name, , fallback, options] = args;
		// Options change what is returned (extractValue, ...): those reads go to the host each time.
		if (options !== undefined || !isConstant(name)) return context.getNodeParameter(...args);
		const key = `${name}\u0000${fallbackKey(fallback)}`;
		if (!values.has(key)) values.set(key, context.getNodeParameter(...args));
		return deepCopy(values.get(key) as object);
	}) as IExecuteFunctions['getNodeParameter'];
	const wrapped = Object.create(context) as IExecuteFunctions;
	Object.defineProperty(wrapped, 'getNode', { value: getNode });
	Object.defineProperty(wrapped, 'getNodeParameter', { value: getNodeParameter });
	return wrapped;
}
