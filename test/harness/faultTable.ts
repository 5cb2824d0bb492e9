/**
 * The fault table (docs/faults.md): each feature file's fault rows are a part in test/faultTable/,
 * written by its faultTableTest (test/harness/faultKit.ts); test/faultTable.md is the header and
 * the parts in this order. scripts/readme-tables.ts writes it, test/readme.test.ts checks it.
 * Plain Node only: scripts load it.
 */
import fs from 'node:fs';
import path from 'node:path';

const TEST_DIR = path.resolve(__dirname, '..');
export const FAULT_TABLE = path.join(TEST_DIR, 'faultTable.md');
const PARTS_DIR = path.join(TEST_DIR, 'faultTable');

/** The feature files with fault rows, in the table's order. */
export const FAULT_TABLE_PARTS = [
	'tokenRefresh',
	'retry',
	'response',
	'send',
	'items',
	'expirySignal',
	'secrets',
	'allowed',
	'pagination',
	'inputs',
] as const;

/** test/<feature>.test.ts -> test/faultTable/<feature>.md */
export function faultPartFile(testFile: string): string {
	return path.join(PARTS_DIR, `${path.basename(testFile).replace(/\.test\.ts$/, '')}.md`);
}

/** The feature test files that write the parts (what `npm run update` runs). */
export const FAULT_TEST_FILES = FAULT_TABLE_PARTS.map((part) => `test/${part}.test.ts`);

export function faultTableMarkdown(): string {
	const rows = FAULT_TABLE_PARTS.map((part) =>
		fs.readFileSync(path.join(PARTS_DIR, `${part}.md`), 'utf8'),
	).join('');
	return `| Fault | What the user gets |\n| --- | --- |\n${rows}`;
}
