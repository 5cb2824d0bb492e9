/**
 * Summarizes a V8 .cpuprofile (node --cpu-prof): self time per function, and inclusive time
 * per function for frames of this package (dist/) and the host (n8n-core, n8n-workflow).
 * Usage: tsx test/bench/profile.ts <file.cpuprofile> [top=25] [exclude-regexp]
 */
import fs from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

function label(node: ProfileNode): string {
	const { functionName, url, lineNumber } = node.callFrame;
	const short = url
		.replace(/^file:\/\//, '')
		.replace(/^.*\/node_modules\//, '')
		.replace(/^\/work\/main\//, '');
	return `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
}

/** `exclude`: drop samples whose stack has a frame matching it (e.g. getDecrypted, to see the rest). */
export function summarize(file: string, top = 25, exclude?: RegExp): string {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const excluded = (id: number): boolean => {
		if (!exclude) return false;
		for (
			let current: number | undefined = id;
			current !== undefined;
			current = parent.get(current)
		) {
			if (exclude.test(label(byId.get(current) as ProfileNode))) return true;
		}
		return false;
	};
	const selfTime = new Map<number, number>();
	profile.samples.forEach((id, index) => {
		if (!excluded(id)) selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
	});
	const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
	const idle = [...selfTime.entries()]
		.filter(([id]) => ['(idle)', '(program)'].includes(byId.get(id)?.callFrame.functionName ?? ''))
		.reduce((a, [, t]) => a + t, 0);
	const selfBy = new Map<string, number>();
	const inclusiveBy = new Map<string, number>();
	for (const [id, time] of selfTime) {
		const node = byId.get(id) as ProfileNode;
		selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + time);
		const seen = new Set<string>();
		for (
			let current: number | undefined = id;
			current !== undefined;
			current = parent.get(current)
		) {
			const name = label(byId.get(current) as ProfileNode);
			if (seen.has(name)) continue;
			seen.add(name);
			inclusiveBy.set(name, (inclusiveBy.get(name) ?? 0) + time);
		}
	}
	const ms = (us: number) => `${(us / 1000).toFixed(0)} ms (${((us / total) * 100).toFixed(1)}%)`;
	const lines = [
		`${file}: ${ms(total)} sampled${exclude ? ` (without ${exclude})` : ''}, idle/program ${ms(idle)}`,
		'',
		'self time:',
	];
	for (const [name, time] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top))
		lines.push(`  ${ms(time).padEnd(20)} ${name}`);
	lines.push('', 'inclusive time (package dist/, n8n-core, n8n-workflow, harness):');
	const interesting = (name: string) =>
		/dist\/(nodes|credentials)|n8n-core|n8n-workflow|test\/harness/.test(name);
	for (const [name, time] of [...inclusiveBy]
		.filter(([name]) => interesting(name))
		.sort((a, b) => b[1] - a[1])
		.slice(0, top * 2))
		lines.push(`  ${ms(time).padEnd(20)} ${name}`);
	return lines.join('\n');
}

if (require.main === module) {
	const exclude = process.argv[4] ? new RegExp(process.argv[4]) : undefined;
	process.stdout.write(`${summarize(process.argv[2], Number(process.argv[3] ?? 25), exclude)}\n`);
}
