export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

export function log(message: string): void {
	process.stderr.write(`[bench] ${message}\n`);
}
