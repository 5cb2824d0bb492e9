#!/usr/bin/env node
// Runs a command with the toolchain this package needs, installing it first when missing.
// n8n 2.x (and n8n-core / n8n-workflow 2.41, through the native isolated-vm) needs Node 24;
// machines often have an older Node, so a pinned Node 24 comes from the npm registry's
// `node-<platform>-<arch>` package into a cache outside the checkout. Uses Node built-ins only.
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
	// --ignore-scripts: eslint-plugin-n8n-nodes-base's preinstall insists on pnpm, and isolated-vm
	// loads its bundled Node 24 prebuild without its install script.
	mustRun('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: ROOT, env });
	fs.writeFileSync(stamp, manifestHash());
}

/**
 * Runs the command in a process group of its own and passes SIGINT, SIGTERM and SIGHUP on to the
 * whole group, so a signal sent to this process alone (a supervisor, `kill`) stops everything
 * the command started, down to grandchildren, as Ctrl-C in a terminal does. Exits as it exited.
 */
function runForwardingSignals(command, args, options) {
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
		if (signal) process.kill(process.pid, signal);
		else process.exit(code ?? 1);
	});
}

function main() {
	const command = process.argv.slice(2);
	const binDir = ensureNode24();
	const env = {
		...process.env,
		PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
		OAUTH2_CONNECTIONS_CACHE: CACHE_DIR,
	};
	ensureDependencies(env);
	if (command.length === 0) return;
	runForwardingSignals(command[0], command.slice(1), { cwd: ROOT, env });
}

main();
