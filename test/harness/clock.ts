/**
 * Moves this process's clock forward, for what waits on time (the pause after a failed refresh,
 * token expiry): the servers, the host and the package all read Date.now, so they move together.
 */
const realNow = Date.now.bind(Date);
let offsetMs = 0;

export function advanceClock(ms: number): void {
	offsetMs += ms;
	Date.now = () => realNow() + offsetMs;
}
