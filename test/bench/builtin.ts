/**
 * n8n's own HTTP Request node (n8n-nodes-base, latest v4.x) from the pinned n8n install of the
 * end-to-end suite, loaded into this process. Its `require('n8n-workflow')` / `require('n8n-core')`
 * are redirected to the package's own copies (same versions as the install: n8n-core 2.41.1,
 * n8n-workflow 2.41.0), so there is one engine and one set of error classes.
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

import type { INodeType, VersionedNodeType } from 'n8n-workflow';

import { cacheRoot, ensureN8n, installDir, isInstalled, N8N_VERSION } from '../harness/n8n/install';

function log(message: string): void {
	process.stderr.write(`[bench] ${message}\n`);
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Another process installing right now: ensureN8n() would delete its temp dir, so wait for it instead. */
function installInProgress(): boolean {
	const root = cacheRoot();
	if (!fs.existsSync(root)) return false;
	const prefix = `${path.basename(installDir())}.tmp-`;
	return fs
		.readdirSync(root)
		.some((entry) => entry.startsWith(prefix) && pidAlive(Number(entry.slice(prefix.length))));
}

export async function n8nInstallDir(): Promise<string> {
	const deadline = Date.now() + 15 * 60_000;
	while (!isInstalled() && installInProgress() && Date.now() < deadline) {
		log(`n8n@${N8N_VERSION} is being installed by another process; waiting...`);
		await new Promise((resolve) => setTimeout(resolve, 10_000));
	}
	return (await ensureN8n()).dir;
}

const SHARED = ['n8n-workflow', 'n8n-core'];

let redirected = false;

function redirectSharedModules(install: string): void {
	if (redirected) return;
	redirected = true;
	const ownRoot = path.resolve(__dirname, '../..');
	const installModules = path.join(install, 'node_modules') + path.sep;
	const moduleInternals = Module as unknown as {
		_resolveFilename: (
			request: string,
			parent: { filename?: string } | undefined,
			...rest: unknown[]
		) => string;
	};
	const original = moduleInternals._resolveFilename;
	moduleInternals._resolveFilename = function (request, parent, ...rest) {
		if (
			parent?.filename?.startsWith(installModules) &&
			SHARED.some((name) => request === name || request.startsWith(`${name}/`))
		) {
			return require.resolve(request, { paths: [ownRoot] });
		}
		return original.call(this, request, parent, ...rest);
	};
}

export interface BuiltinHttpRequest {
	type: VersionedNodeType;
	version: number;
	nodeType: INodeType;
	path: string;
	install: string;
}

export async function loadBuiltinHttpRequest(): Promise<BuiltinHttpRequest> {
	const install = await n8nInstallDir();
	redirectSharedModules(install);
	const file = path.join(
		install,
		'node_modules',
		'n8n-nodes-base',
		'dist',
		'nodes',
		'HttpRequest',
		'HttpRequest.node.js',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(file) as { HttpRequest: new () => VersionedNodeType };
	const type = new HttpRequest();
	const versions = Object.keys(type.nodeVersions).map(Number);
	const version = Math.max(...versions.filter((v) => Math.floor(v) === 4));
	return { type, version, nodeType: type.getNodeType(version), path: file, install };
}
