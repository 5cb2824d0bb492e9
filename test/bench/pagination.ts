/**
 * 500 pages of 200 records through our node's page pagination, one output item per record
 * (100,000 items): wall time, and peak RSS growth sampled every 20 ms over a baseline taken after
 * a warm-up run and a GC.
 */
import { runBench } from './engine';
import { startServers } from './servers';
import { gc, log, round } from './stats';

const PAGES = Number(process.env.BENCH_PAGES ?? 500);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 200);
const MB = 1024 * 1024;

export async function pagination(): Promise<Record<string, unknown>> {
	const servers = await startServers();
	try {
		const credential = await servers.connectedCredential();
		const parameters = (total: number) => ({
			method: 'GET',
			url: `${servers.urls.apiUrl}/items/page?total=${total}&size=${PAGE_SIZE}`,
			pagination: 'page',
			recordsPath: 'results',
			maxPages: PAGES,
		});
		const warm = await runBench({
			store: servers.store,
			credential,
			nodeType: 'oAuth2HttpRequest',
			parameters: parameters(PAGE_SIZE * 3),
			count: 1,
		});
		if (warm.error || warm.items.length !== PAGE_SIZE * 3)
			throw new Error(`warm-up: ${warm.error?.message ?? `${warm.items.length} items`}`);
		await servers.clear();
		const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
		gc();
		gc();
		const baseline = process.memoryUsage();
		let peakRss = baseline.rss;
		let peakHeap = baseline.heapUsed;
		let samples = 0;
		const sampler = setInterval(() => {
			const usage = process.memoryUsage();
			peakRss = Math.max(peakRss, usage.rss);
			peakHeap = Math.max(peakHeap, usage.heapUsed);
			samples++;
		}, 20);
		const started = performance.now();
		let result = await runBench({
			store: servers.store,
			credential,
			nodeType: 'oAuth2HttpRequest',
			parameters: parameters(PAGES * PAGE_SIZE),
			count: 1,
		});
		const seconds = (performance.now() - started) / 1000;
		clearInterval(sampler);
		const end = process.memoryUsage();
		peakRss = Math.max(peakRss, end.rss);
		peakHeap = Math.max(peakHeap, end.heapUsed);
		const stats = await servers.stats();
		const items = result.items.length;
		const error = result.error?.message;
		gc();
		const retained = process.memoryUsage().rss;
		result = undefined as never;
		if (error || items !== PAGES * PAGE_SIZE || stats.requests !== PAGES) {
			throw new Error(
				`pagination: ${error ?? ''} ${items} items from ${stats.requests} requests, expected ${PAGES * PAGE_SIZE} from ${PAGES}`,
			);
		}
		log(
			`pagination: ${items} items from ${stats.requests} pages in ${seconds.toFixed(2)} s, peak RSS +${((peakRss - baseline.rss) / MB).toFixed(1)} MB`,
		);
		return {
			pagination_rss_delta_mb: round((peakRss - baseline.rss) / MB, 1),
			pagination_seconds: round(seconds, 2),
			pagination_items: items,
			pagination_pages: stats.requests,
			pagination_items_per_s: round(items / seconds, 0),
			pagination_baseline_rss_mb: round(baseline.rss / MB, 1),
			pagination_peak_rss_mb: round(peakRss / MB, 1),
			pagination_heap_delta_mb: round((peakHeap - baseline.heapUsed) / MB, 1),
			pagination_rss_after_gc_holding_output_mb: round((retained - baseline.rss) / MB, 1),
			pagination_rss_samples: samples,
			pagination_gc_before: hasGc,
		};
	} finally {
		await servers.stop();
	}
}
