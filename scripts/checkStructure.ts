/**
 * The tree's shape, checked on every `npm run check` (issue 20): no import circle among the
 * package's own files (nodes/, credentials/), the request path's files importing only the files
 * below them (TRANSPORT_LAYERS), and no test file longer than a reader can hold
 * (test/**\/*.test.ts over MAX_TEST_FILE_LINES lines): a feature's tests sit in a file of their own.
 * Type-only imports count: a circle of types is a circle a reader has to follow too.
 *
 *   node scripts/toolchain.cjs scripts/checkStructure.ts
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const SOURCE_DIRS = ['nodes', 'credentials'];
export const MAX_TEST_FILE_LINES = 600;

/**
 * nodes/shared/transport/, from the bottom up: each file imports only files listed before it, so
 * the request path reads one way from its front door (index.ts) down. A new file gets its place here.
 */
export const TRANSPORT_DIR = 'nodes/shared/transport';
export const TRANSPORT_LAYERS = [
	'types',
	'defaults',
	'errors',
	'connectionSettings',
	'tokenFacts',
	'connection',
	'runConnection',
	'pacing',
	'response',
	'authorized',
	'allowed',
	'tokenRefresh',
	'exchange',
	'send',
	'retry',
	'request',
	'pagination',
	'index',
];

/** Test files allowed over the limit until they are split; shrinks to empty. */
export const LONG_TEST_FILES_ALLOWED: readonly string[] = [];

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full, keep);
		return keep(full) ? [full] : [];
	});
}

const IMPORT_PATTERN =
	/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative modules a file imports, resolved to files (`./x` -> x.ts or x/index.ts). */
export function importsOf(file: string, source = fs.readFileSync(file, 'utf8')): string[] {
	const found = new Set<string>();
	for (const match of source.matchAll(IMPORT_PATTERN)) {
		const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
		if (!specifier?.startsWith('.')) continue;
		const base = path.resolve(path.dirname(file), specifier);
		const candidates = [base, `${base}.ts`, path.join(base, 'index.ts')];
		const target = candidates.find(
			(candidate) => candidate.endsWith('.ts') && fs.existsSync(candidate),
		);
		if (target) found.add(target);
	}
	return [...found];
}

/** Every import circle (strongly connected component of more than one file, or a self-import). */
export function importCircles(files: string[]): string[][] {
	const graph = new Map(files.map((file) => [file, importsOf(file)]));
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const circles: string[][] = [];
	let counter = 0;
	const visit = (file: string): void => {
		index.set(file, counter);
		low.set(file, counter++);
		stack.push(file);
		onStack.add(file);
		for (const next of graph.get(file) ?? []) {
			if (!graph.has(next)) continue;
			if (!index.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file)!, low.get(next)!));
			} else if (onStack.has(next)) {
				low.set(file, Math.min(low.get(file)!, index.get(next)!));
			}
		}
		if (low.get(file) !== index.get(file)) return;
		const component: string[] = [];
		for (;;) {
			const member = stack.pop()!;
			onStack.delete(member);
			component.push(member);
			if (member === file) break;
		}
		if (component.length > 1 || (graph.get(file) ?? []).includes(file))
			circles.push(component.sort());
	};
	for (const file of graph.keys()) if (!index.has(file)) visit(file);
	return circles;
}

export function lineCount(file: string): number {
	const text = fs.readFileSync(file, 'utf8');
	return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** What is wrong with the tree at `root`, one sentence each; empty when nothing is. */
export function structureProblems(root = ROOT): string[] {
	const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
	const sources = SOURCE_DIRS.flatMap((dir) =>
		filesUnder(path.join(root, dir), (file) => file.endsWith('.ts')),
	);
	const problems = importCircles(sources).map(
		(circle) =>
			`Import circle: ${circle.map(relative).join(' <-> ')}. Move what they share into a file below them (e.g. transport/types.ts).`,
	);
	const transport = sources.filter((file) => path.dirname(relative(file)) === TRANSPORT_DIR);
	const layerOf = (file: string) => TRANSPORT_LAYERS.indexOf(path.basename(file, '.ts'));
	for (const file of transport) {
		if (layerOf(file) === -1) {
			problems.push(
				`${relative(file)} has no place in TRANSPORT_LAYERS (scripts/checkStructure.ts): add it above the files it imports.`,
			);
			continue;
		}
		for (const imported of importsOf(file))
			if (transport.includes(imported) && layerOf(imported) >= layerOf(file))
				problems.push(
					`${relative(file)} imports ${path.basename(imported)}, which sits above it in the request path (TRANSPORT_LAYERS): move what it needs below both.`,
				);
	}
	const tests = filesUnder(path.join(root, 'test'), (file) => file.endsWith('.test.ts'));
	for (const file of tests) {
		const lines = lineCount(file);
		const allowed = LONG_TEST_FILES_ALLOWED.includes(relative(file));
		if (lines > MAX_TEST_FILE_LINES && !allowed)
			problems.push(
				`${relative(file)} has ${lines} lines (at most ${MAX_TEST_FILE_LINES}): split it by feature, its helpers into test/harness/.`,
			);
		if (allowed && lines <= MAX_TEST_FILE_LINES)
			problems.push(
				`${relative(file)} is within ${MAX_TEST_FILE_LINES} lines now: remove it from LONG_TEST_FILES_ALLOWED in scripts/checkStructure.ts.`,
			);
	}
	for (const listed of LONG_TEST_FILES_ALLOWED)
		if (!fs.existsSync(path.join(root, listed)))
			problems.push(
				`${listed} is gone: remove it from LONG_TEST_FILES_ALLOWED in scripts/checkStructure.ts.`,
			);
	return problems;
}

if (require.main === module) {
	const problems = structureProblems();
	for (const problem of problems) process.stderr.write(`[structure] ${problem}\n`);
	if (problems.length > 0) process.exit(1);
	process.stdout.write(
		`[structure] no import circle in ${SOURCE_DIRS.join('/, ')}/; ${TRANSPORT_DIR}/ imports one way down; test files within ${MAX_TEST_FILE_LINES} lines${LONG_TEST_FILES_ALLOWED.length ? ` (${LONG_TEST_FILES_ALLOWED.length} allowed over it until split)` : ''}\n`,
	);
}
