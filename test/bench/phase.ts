/** One benchmark phase in its own process (run.ts starts them): prints its figures as one JSON line. */
import { log } from './stats';

const phases: Record<string, () => Promise<Record<string, unknown>>> = {
	throughput: async () => await (await import('./throughput')).throughput(),
	credentialRead: async () => await (await import('./credentialRead')).credentialRead(),
	expiry: async () => await (await import('./expiry')).expiry(),
	pagination: async () => await (await import('./pagination')).pagination(),
	realN8n: async () => await (await import('./realN8n')).realN8n(),
	queue: async () => await (await import('./queue')).queue(),
};

const name = process.argv[2];
const phase = phases[name];
if (!phase) {
	log(`unknown phase '${name}'; one of ${Object.keys(phases).join(', ')}`);
	process.exit(2);
}
phase().then(
	(figures) => {
		process.stdout.write(`${JSON.stringify({ phase: name, ...figures })}\n`);
		process.exit(0);
	},
	(error: unknown) => {
		log(`${name} failed: ${String((error as Error)?.stack ?? error)}`);
		process.stdout.write(
			`${JSON.stringify({ phase: name, error: String((error as Error)?.message ?? error) })}\n`,
		);
		process.exit(1);
	},
);
