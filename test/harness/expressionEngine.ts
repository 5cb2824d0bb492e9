/**
 * The expression engine the harness runs, selected as `n8n start` selects it: n8n 2.41 defaults
 * `N8N_EXPRESSION_ENGINE` to `vm` (isolated-vm) and starts it with @n8n/config's
 * ExpressionEngineConfig defaults. n8n-workflow on its own stays on the older `legacy` engine,
 * which is what a harness gets unless it selects one, so every run goes through here first.
 * HARNESS_EXPRESSION_ENGINE=legacy selects the legacy engine instead (the benchmark measures both).
 */
import { Expression } from 'n8n-workflow';

export type ExpressionEngineName = 'vm' | 'legacy';

/** ExpressionEngineConfig defaults in @n8n/config 2.41 (packages/@n8n/config/src/configs/expression-engine.config.ts). */
const N8N_DEFAULTS = {
	poolSize: 1,
	maxCodeCacheSize: 1024,
	bridgeTimeout: 5000,
	bridgeMemoryLimit: 128,
	lazyAcquire: false,
	compileCache: false,
};

export function selectedEngine(): ExpressionEngineName {
	const chosen = process.env.HARNESS_EXPRESSION_ENGINE ?? 'vm';
	if (chosen !== 'vm' && chosen !== 'legacy') {
		throw new Error(`HARNESS_EXPRESSION_ENGINE must be vm or legacy, not '${chosen}'`);
	}
	return chosen;
}

let started: Promise<ExpressionEngineName> | undefined;

/** Starts the selected engine once per process; later calls wait for the same start. */
export async function ensureExpressionEngine(): Promise<ExpressionEngineName> {
	started ??= (async () => {
		const engine = selectedEngine();
		if (engine === 'legacy') Expression.setExpressionEngine('legacy');
		else await Expression.initExpressionEngine({ engine: 'vm', ...N8N_DEFAULTS });
		const active = Expression.getActiveImplementation();
		if (active !== engine) {
			throw new Error(`expression engine ${engine} selected but ${active} is active`);
		}
		return engine;
	})();
	return await started;
}

/** What evaluates expressions right now: 'vm' or 'legacy'. */
export function activeEngine(): string {
	return Expression.getActiveImplementation();
}
