/** A promise's value or its error, so that errors can be sorted outside a catch clause. */
export async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
	return await promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error: error ?? new Error('Unknown error') }),
	);
}
