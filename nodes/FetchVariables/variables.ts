/** Reading named, typed variables out of a response by path. */
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { lookupPath, parsePath, PathSyntaxError, type PathSegment } from '../shared/jsonPath';

export type VariableType = 'auto' | 'string' | 'number' | 'boolean' | 'object';

export interface VariableMapping {
	name: string;
	path: string;
	type: VariableType;
	defaultValue: string;
	required: boolean;
}

function show(value: unknown): string {
	const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** A converted value, or why it cannot be converted (thrown as ConversionProblem). */
class ConversionProblem {
	constructor(readonly problem: string) {}
}

function reject(problem: string): never {
	throw new ConversionProblem(problem);
}

const CONVERTERS: Record<VariableType, (value: unknown) => unknown> = {
	auto: (value) => value,
	string: (value) => {
		if (typeof value === 'string') return value;
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		if (typeof value === 'object' && value !== null) return JSON.stringify(value);
		reject(`${show(value)} is not text`);
	},
	number: (value) => {
		if (typeof value === 'number' && Number.isFinite(value)) return value;
		if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
			return Number(value);
		reject(`${show(value)} is not a number`);
	},
	boolean: (value) => {
		if (typeof value === 'boolean') return value;
		const text = String(value).trim().toLowerCase();
		if (
			['true', '1', 'yes'].includes(text) &&
			(typeof value === 'string' || typeof value === 'number')
		)
			return true;
		if (
			['false', '0', 'no'].includes(text) &&
			(typeof value === 'string' || typeof value === 'number')
		)
			return false;
		reject(`${show(value)} is not true or false`);
	},
	object: (value) => {
		if (typeof value === 'object' && value !== null) return value;
		if (typeof value === 'string') {
			try {
				const parsed: unknown = JSON.parse(value);
				if (typeof parsed === 'object' && parsed !== null) return parsed;
			} catch {
				// reported below
			}
		}
		reject(`${show(value)} is not an object or a list`);
	},
};

const TYPE_NAMES: Record<VariableType, string> = {
	auto: 'as is',
	string: 'String',
	number: 'Number',
	boolean: 'Boolean',
	object: 'Object or Array',
};

function withArticle(name: string): string {
	return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

function convert(
	node: INode,
	mapping: VariableMapping,
	value: unknown,
	collects: boolean,
	itemIndex: number,
	source: string,
): unknown {
	const converter = CONVERTERS[mapping.type] ?? CONVERTERS.auto;
	let problem: string | undefined;
	let converted: unknown;
	try {
		converted =
			collects && mapping.type !== 'object' && Array.isArray(value)
				? value.map(converter)
				: converter(value);
	} catch (error) {
		problem = error instanceof ConversionProblem ? error.problem : String(error);
	}
	if (problem === undefined) return converted;
	throw new NodeOperationError(
		node,
		`Variable '${mapping.name}': ${source} ${problem}, so it cannot be ${withArticle(TYPE_NAMES[mapping.type])}`,
		{
			itemIndex,
			description: `Change the variable's Type (Auto keeps the value as it is), or point Path at ${withArticle(TYPE_NAMES[mapping.type].toLowerCase())} value.`,
		},
	);
}

function parseMappingPath(node: INode, mapping: VariableMapping, itemIndex: number): PathSegment[] {
	let syntaxProblem = '';
	try {
		return parsePath(mapping.path);
	} catch (error) {
		syntaxProblem = error instanceof PathSyntaxError ? error.message : String(error);
	}
	throw new NodeOperationError(node, `Variable '${mapping.name}': ${syntaxProblem}`, {
		itemIndex,
		description: 'Write paths like data.last_name, items[0].id, data["first-name"] or items[*].id.',
	});
}

/** Checks the mappings themselves before any request is sent. */
export function validateMappings(
	node: INode,
	mappings: VariableMapping[],
	itemIndex: number,
): void {
	if (mappings.length === 0) {
		throw new NodeOperationError(node, 'No variables to fetch', {
			itemIndex,
			description: 'Add at least one variable with a name and a path.',
		});
	}
	const seen = new Set<string>();
	mappings.forEach((mapping, position) => {
		if (mapping.name.trim() === '') {
			throw new NodeOperationError(node, `Variable ${position + 1} has no name`, {
				itemIndex,
				description: 'Give every variable a name; the next steps read it as {{ $json.<name> }}.',
			});
		}
		if (mapping.name === '__proto__') {
			throw new NodeOperationError(
				node,
				`Variable ${position + 1} is named '__proto__', which cannot be a field name`,
				{
					itemIndex,
					description: 'Give the variable another name.',
				},
			);
		}
		if (seen.has(mapping.name)) {
			throw new NodeOperationError(node, `Two variables are named '${mapping.name}'`, {
				itemIndex,
				description: 'Give each variable its own name.',
			});
		}
		seen.add(mapping.name);
		parseMappingPath(node, mapping, itemIndex);
	});
}

export function extractVariables(
	node: INode,
	body: unknown,
	mappings: VariableMapping[],
	itemIndex: number,
): IDataObject {
	const variables: IDataObject = {};
	for (const mapping of mappings) {
		const segments = parseMappingPath(node, mapping, itemIndex);
		const collects = segments.some((segment) => segment.kind === 'wildcard');
		const lookup = lookupPath(body, segments);
		if (lookup.found) {
			variables[mapping.name] = convert(
				node,
				mapping,
				lookup.value,
				collects,
				itemIndex,
				`the value at '${mapping.path}'`,
			) as IDataObject[string];
			continue;
		}
		if (mapping.required) {
			const where = lookup.deepestPath === '' ? 'the response' : `'${lookup.deepestPath}'`;
			throw new NodeOperationError(
				node,
				`Variable '${mapping.name}': path '${mapping.path}' was not found in the response`,
				{
					itemIndex,
					description: `The deepest part that exists is ${where}, which has: ${lookup.availableThere.join(', ')}. Fix the path, or turn off Required and set a default.`,
				},
			);
		}
		variables[mapping.name] = (
			mapping.defaultValue === ''
				? null
				: convert(node, mapping, mapping.defaultValue, false, itemIndex, 'the default')
		) as IDataObject[string];
	}
	return variables;
}
