// oidc-provider ships no type declarations; the tests use a small, loosely typed surface of it.
declare module 'oidc-provider' {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	type Loose = any;
	export type Configuration = Loose;
	export type KoaContextWithOIDC = Loose;
	export default class Provider {
		constructor(issuer: string, configuration?: Configuration);
		[member: string]: Loose;
	}
}
