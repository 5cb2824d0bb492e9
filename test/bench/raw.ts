/** The baseline: a plain node:http keep-alive client sending the same GETs with the same Bearer token. */
import http from 'node:http';

export interface RawResult {
	seconds: number;
	ok: number;
	failed: number;
}

function get(agent: http.Agent, url: URL, token: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				agent,
				host: url.hostname,
				port: url.port,
				path: url.pathname + url.search,
				method: 'GET',
				headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					try {
						JSON.parse(Buffer.concat(chunks).toString('utf8'));
						resolve(response.statusCode ?? 0);
					} catch (error) {
						reject(error);
					}
				});
				response.on('error', reject);
			},
		);
		request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
		request.on('error', reject);
		request.end();
	});
}

/** `total` GETs of `url`, `concurrency` at a time over one agent (keep-alive unless told; without it, one TCP connection per request as n8n-core's client does). */
export async function rawRun(
	url: string,
	token: string,
	total: number,
	concurrency: number,
	keepAlive = true,
): Promise<RawResult> {
	const agent = new http.Agent({ keepAlive, maxSockets: concurrency });
	const target = new URL(url);
	let next = 0;
	let ok = 0;
	let failed = 0;
	const started = performance.now();
	const worker = async () => {
		while (next < total) {
			next++;
			const status = await get(agent, target, token).catch(() => 0);
			if (status === 200) ok++;
			else failed++;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	return { seconds, ok, failed };
}
