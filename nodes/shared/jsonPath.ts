/**
 * Response paths as users write them: `data.last_name`, `items[0].id`, `data["first-name"]`, and
 * `items[*].id` to collect a value from every element.
 */
export type PathSegment =
	| { kind: 'key'; key: string }
	| { kind: 'index'; index: number }
	| { kind: 'wildcard' };

export class PathSyntaxError extends Error {
	constructor(
		readonly path: string,
		readonly position: number,
		problem: string,
	) {
		super(`Path '${path}' is not valid at character ${position + 1}: ${problem}`);
	}
}

const IDENTIFIER = /[^.[\]\s"']/;

/**
 * Reads what follows a '[' (at `start`) up to its ']', pushes the segment and returns the position
 * after the ']'. A quoted name ends at the first matching quote followed by ']', so names may hold
 * ']', '[', '.' and the other quote: `["x]y"]`, `['say "hi"']`.
 */
function readBracket(path: string, start: number, segments: PathSegment[]): number {
	let position = start;
	while (position < path.length && /\s/.test(path[position])) position++;
	const quote = path[position];
	if (quote === '"' || quote === "'") {
		const closing = new RegExp(`${quote}\\s*\\]`, 'g');
		closing.lastIndex = position + 1;
		const match = closing.exec(path);
		if (match === null)
			throw new PathSyntaxError(path, position, `the name is never closed with ${quote}]`);
		segments.push({ kind: 'key', key: path.slice(position + 1, match.index) });
		return match.index + match[0].length;
	}
	const close = path.indexOf(']', start);
	if (close === -1) throw new PathSyntaxError(path, start - 1, "'[' is never closed with ']'");
	const inner = path.slice(start, close).trim();
	if (inner === '*') segments.push({ kind: 'wildcard' });
	else if (/^\d+$/.test(inner)) segments.push({ kind: 'index', index: Number(inner) });
	else throw new PathSyntaxError(path, start, 'use [0], [*] or ["name"] inside brackets');
	return close + 1;
}

export function parsePath(path: string): PathSegment[] {
	const segments: PathSegment[] = [];
	let position = 0;
	const expectKey = () => {
		const start = position;
		while (position < path.length && IDENTIFIER.test(path[position])) position++;
		if (position === start) throw new PathSyntaxError(path, start, 'expected a name');
		const key = path.slice(start, position);
		segments.push(key === '*' ? { kind: 'wildcard' } : { kind: 'key', key });
	};
	if (path.trim() === '') throw new PathSyntaxError(path, 0, 'the path is empty');
	if (path[0] !== '[') expectKey();
	while (position < path.length) {
		const char = path[position];
		if (char === '.') {
			position++;
			expectKey();
		} else if (char === '[') {
			position = readBracket(path, position + 1, segments);
		} else {
			throw new PathSyntaxError(path, position, `unexpected '${char}'`);
		}
	}
	return segments;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type PathLookup =
	| { found: true; value: unknown }
	| {
			found: false;
			/** The longest prefix of the path that exists, '' for the root. */
			deepestPath: string;
			/** Keys (or `[0]..[n]`) available at that prefix. */
			availableThere: string[];
	  };

function describeKeys(value: unknown): string[] {
	if (Array.isArray(value)) return value.length ? [`[0]..[${value.length - 1}]`] : ['(empty list)'];
	if (isObject(value)) {
		const keys = Object.keys(value);
		if (keys.length === 0) return ['(no fields)'];
		return keys.length > 20 ? [...keys.slice(0, 20), `… (${keys.length - 20} more)`] : keys;
	}
	return [`(a ${value === null ? 'null' : typeof value} value)`];
}

function formatSegments(segments: PathSegment[]): string {
	return segments
		.map((segment, index) => {
			if (segment.kind === 'index') return `[${segment.index}]`;
			if (segment.kind === 'wildcard') return '[*]';
			const plain = /^[A-Za-z_$][\w$]*$/.test(segment.key);
			// Single quotes when the name itself holds `"]`, so parsePath reads the name back whole.
			if (!plain) return /"\s*\]/.test(segment.key) ? `['${segment.key}']` : `["${segment.key}"]`;
			return index === 0 ? segment.key : `.${segment.key}`;
		})
		.join('');
}

export function lookupPath(root: unknown, segments: PathSegment[]): PathLookup {
	let current: unknown = root;
	for (let index = 0; index < segments.length; index++) {
		const segment = segments[index];
		const missing = (): PathLookup => ({
			found: false,
			deepestPath: formatSegments(segments.slice(0, index)),
			availableThere: describeKeys(current),
		});
		if (segment.kind === 'wildcard') {
			if (!Array.isArray(current) && !isObject(current)) return missing();
			const rest = segments.slice(index + 1);
			const values = (Array.isArray(current) ? current : Object.values(current))
				.map((element) => lookupPath(element, rest))
				.filter((lookup): lookup is { found: true; value: unknown } => lookup.found)
				.map((lookup) => lookup.value);
			return { found: true, value: values };
		}
		if (segment.kind === 'index') {
			if (!Array.isArray(current) || segment.index >= current.length) return missing();
			current = current[segment.index];
		} else {
			if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, segment.key))
				return missing();
			current = current[segment.key];
		}
	}
	return { found: true, value: current };
}

/** The value at `path`, or undefined when any part is missing or the path is invalid. */
export function readPath(root: unknown, path: string): unknown {
	let segments: PathSegment[];
	try {
		segments = parsePath(path);
	} catch {
		return undefined;
	}
	const lookup = lookupPath(root, segments);
	return lookup.found ? lookup.value : undefined;
}

/** Every leaf and container path in a sample value, for the path picker. */
export function listPaths(root: unknown, limit = 500): string[] {
	const paths: string[] = [];
	const walk = (value: unknown, segments: PathSegment[]) => {
		if (paths.length >= limit) return;
		if (segments.length) paths.push(formatSegments(segments));
		if (Array.isArray(value)) {
			if (value.length) walk(value[0], [...segments, { kind: 'index', index: 0 }]);
			if (value.length && (isObject(value[0]) || Array.isArray(value[0]))) {
				walk(value[0], [...segments, { kind: 'wildcard' }]);
			}
		} else if (isObject(value)) {
			for (const [key, child] of Object.entries(value))
				walk(child, [...segments, { kind: 'key', key }]);
		}
	};
	walk(root, []);
	return [...new Set(paths)];
}
