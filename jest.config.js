/**
 * The unit and engine suites: jest with ts-jest, the nodes run from dist/ through n8n-core's real
 * engine against the loopback servers in test/harness/. One test file per worker process.
 * Run them with `npm run unit` (or `npm run check`): it builds dist/ first and brings Node 24.
 */
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor !== 24) {
	// n8n-core 2.41's vm expression engine (isolated-vm) only loads on Node 24.
	process.stderr.write(
		`These suites need Node 24 (this is Node ${process.versions.node}): run \`npm run unit -- <jest arguments>\`, which brings it.\n`,
	);
	process.exit(1);
}

// The jest suites must pass on a machine that has never run the end-to-end suite, so they see an
// empty package cache: a test that needs the n8n install (or anything else the cache holds) fails
// on every machine, not only on new ones. What needs real n8n belongs in test/e2e/.
process.env.OAUTH2_CONNECTIONS_CACHE = require('node:fs').mkdtempSync(
	require('node:path').join(require('node:os').tmpdir(), 'oauth2-connections-jest-empty-cache-'),
);

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
	},
	// dist/ holds a copy of package.json for n8n; jest's module map should not see two packages.
	modulePathIgnorePatterns: [
		'<rootDir>/dist/package.json',
		'<rootDir>/node_modules/.peer-copy-test',
	],
	testTimeout: 120_000,
	maxWorkers: 2,
	verbose: true,
};
