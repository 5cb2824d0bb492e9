#!/usr/bin/env node
// Runs the package's steps with the toolchain they need, installing it first when missing, so
// every npm script works from whatever Node the machine has. n8n 2.x (and n8n-core / n8n-workflow
// 2.41, through the native isolated-vm) needs Node 24; machines often have an older Node, so a
// pinned Node 24 comes from the npm registry's `node-<platform>-<arch>` package into a cache
// outside the checkout. Uses Node built-ins only.
//
//   node scripts/toolchain.cjs STEP... [-- ARGS for the last step]
//
// A STEP is `jest`, a `.ts` file (run with tsx) or the name of an npm script. The steps run in
// order and the first that fails stops the run with its exit code.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NODE_VERSION = '24.21.0';
const ROOT = path.resolve(__dirname, '..');
const CACHE_DIR =
	process.env.OAUTH2_CONNECTIONS_CACHE ||
	path.join(
		process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
		'n8n-nodes-oauth2-connections',
	);

function log(message) {
	process.stderr.write(`[toolchain] ${message}\n`);
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.error) throw result.error;
	return result.status ?? 1;
}

function mustRun(command, args, options) {
	const status = run(command, args, options);
	if (status !== 0) {
		log(`"${command} ${args.join(' ')}" failed with exit code ${status}`);
		process.exit(status);
	}
}

/** Directory holding a `node` binary of major version 24, installing one when needed. */
function ensureNode24() {
	if (Number(process.versions.node.split('.')[0]) === 24) return path.dirname(process.execPath);
	const platformPackage = `node-${process.platform}-${process.arch}`;
	const prefix = path.join(CACHE_DIR, `node-${NODE_VERSION}`);
	const binDir = path.join(prefix, 'node_modules', platformPackage, 'bin');
	if (!fs.existsSync(path.join(binDir, 'node'))) {
		log(
			`Node ${process.versions.node} is too old for n8n 2.x: installing ${platformPackage}@${NODE_VERSION} into ${prefix}`,
		);
		fs.mkdirSync(prefix, { recursive: true });
		fs.writeFileSync(path.join(prefix, 'package.json'), '{"private":true}\n');
		mustRun('npm', [
			'install',
			'--no-save',
			'--no-package-lock',
			'--prefix',
			prefix,
			`${platformPackage}@${NODE_VERSION}`,
		]);
	}
	return binDir;
}

function manifestHash() {
	const hash = crypto.createHash('sha256').update(NODE_VERSION);
	for (const file of ['package.json', 'package-lock.json']) {
		const full = path.join(ROOT, file);
		if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
	}
	return hash.digest('hex');
}

/** Installs devDependencies with Node 24 when node_modules is missing or older than the manifests. */
function ensureDependencies(env) {
	const stamp = path.join(ROOT, 'node_modules', '.toolchain-stamp');
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === manifestHash()) return;
	log(`installing dependencies with Node ${NODE_VERSION}`);
	const started = Date.now();
	// --ignore-scripts: eslint-plugin-n8n-nodes-base's preinstall insists on pnpm, and isolated-vm
	// loads its bundled Node 24 prebuild without its install script.
	mustRun('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: ROOT, env });
	fs.writeFileSync(stamp, manifestHash());
	log(`dependencies installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The command line of one step. */
function stepCommand(step, args) {
	if (step === 'jest')
		// --experimental-vm-modules: n8n-workflow loads its vm expression engine with import().
		return ['node', ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...args]];
	if (step.endsWith('.ts')) return [path.join('node_modules', '.bin', 'tsx'), [step, ...args]];
	return ['npm', ['run', step, ...(args.length ? ['--', ...args] : [])]];
}

/**
 * Runs one step in a process group of its own and passes SIGINT, SIGTERM and SIGHUP on to the
 * whole group, so a signal sent to this process alone (a supervisor, `kill`) stops everything
 * the step started, down to grandchildren, as Ctrl-C in a terminal does. Resolves with its exit.
 */
function runForwardingSignals(command, args, options) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: 'inherit', detached: true, ...options });
		const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
		const forward = (signal) => {
			try {
				process.kill(-child.pid, signal);
			} catch {
				// the group is gone already
			}
		};
		for (const signal of signals) process.on(signal, forward);
		child.on('error', (error) => {
			log(`"${command}" could not start: ${error.message}`);
			process.exit(1);
		});
		child.on('exit', (code, signal) => {
			for (const name of signals) process.off(name, forward);
			resolve({ code, signal });
		});
	});
}

async function main() {
	const startedAt = Date.now();
	const argv = process.argv.slice(2);
	const separator = argv.indexOf('--');
	const steps = separator === -1 ? argv : argv.slice(0, separator);
	const lastArgs = separator === -1 ? [] : argv.slice(separator + 1);
	const binDir = ensureNode24();
	const env = {
		...process.env,
		PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
		OAUTH2_CONNECTIONS_CACHE: CACHE_DIR,
	};
	ensureDependencies(env);
	const timings = [];
	for (const [index, step] of steps.entries()) {
		const started = Date.now();
		const [command, args] = stepCommand(step, index === steps.length - 1 ? lastArgs : []);
		const { code, signal } = await runForwardingSignals(command, args, { cwd: ROOT, env });
		timings.push(`${step} ${((Date.now() - started) / 1000).toFixed(0)} s`);
		if (signal) process.kill(process.pid, signal);
		if (code !== 0) {
			log(`step '${step}' failed with exit code ${code} (${timings.join(', ')})`);
			process.exit(code ?? 1);
		}
	}
	if (steps.length > 1)
		log(`done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s: ${timings.join(', ')}`);
}

void main();
