/**
 * The unit and engine suites: jest with ts-jest, the nodes run from dist/ through n8n-core's real
 * engine against the loopback servers in test/harness/. One test file per worker process.
 */
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
