/** The types the steps of the request path share, below all of them so that none imports its caller. */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import type { Connection } from './connection';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface OutgoingRequest {
	method: IHttpRequestMethods;
	/** Absolute, or relative to the connection's API base URL. */
	url: string;
	qs?: IDataObject;
	headers?: IDataObject;
	body?: IHttpRequestOptions['body'];
	/** Whether `body` is JSON to serialize. */
	json?: boolean;
	timeoutMs?: number;
}

export interface ReceivedResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
	/** The URL that answered (after redirects). */
	url: string;
}

/** Spaces requests out to a rate, shared by all items of one node run. */
export interface RequestPacer {
	waitTurn(): Promise<void>;
}

/**
 * The connection as last read in this node run. Reading it resolves the whole credential, so items
 * share one read; a refresh replaces it. The host's own read per request is served from the same
 * resolution (credentialReuse.ts).
 */
export interface ConnectionMemo {
	current?: Promise<Connection>;
}
