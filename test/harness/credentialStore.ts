/**
 * A credentials store that behaves like the host's CredentialsHelper for one credential type:
 * it returns resolved data with `oauthTokenData`, and persists what n8n-core refreshes.
 * Data is copied in and out, as a database round trip would.
 */
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialsExpressionResolveValues,
	type IHttpRequestOptions,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../nodes/shared/transport/connection';
import { applyDefaults, credentialProperties, resolveCredential } from './resolveCredential';

interface StoredCredential {
	id: string;
	name: string;
	data: ICredentialDataDecryptedObject;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Resolves a credential's expressions in the running workflow, as n8n's CredentialsHelper does. */
export function resolveInWorkflow(
	data: ICredentialDataDecryptedObject,
	mode: WorkflowExecuteMode,
	executeData: unknown,
	values: ICredentialsExpressionResolveValues,
): ICredentialDataDecryptedObject {
	const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } = values;
	return workflow.expression.getParameterValue(
		data as INodeParameters,
		runExecutionData,
		runIndex,
		itemIndex,
		node.name,
		connectionInputData,
		mode,
		{},
		executeData as never,
		false,
		data,
	) as ICredentialDataDecryptedObject;
}

export class CredentialStore extends ICredentialsHelper {
	private readonly records = new Map<string, StoredCredential>();

	private nextId = 1;

	/** Every `oauthTokenData` the engine persisted, in order. */
	readonly tokenUpdates: Array<{ id: string; accessToken: unknown }> = [];

	add(name: string, data: Record<string, unknown>): { id: string; name: string } {
		const id = String(this.nextId++);
		this.records.set(id, { id, name, data: clone(data) as ICredentialDataDecryptedObject });
		return { id, name };
	}

	stored(id: string): ICredentialDataDecryptedObject {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential ${id}`);
		return clone(record.data);
	}

	/** Saves fields of a credential, as an edit in the UI does (the token data stays). */
	update(id: string, fields: Record<string, unknown>): void {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential ${id}`);
		record.data = { ...record.data, ...(clone(fields) as ICredentialDataDecryptedObject) };
	}

	setTokenData(id: string, tokenData: Record<string, unknown> | undefined): void {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential ${id}`);
		if (tokenData === undefined) delete record.data.oauthTokenData;
		else record.data.oauthTokenData = clone(tokenData) as never;
	}

	private record(details: INodeCredentialsDetails): StoredCredential {
		const record = details.id ? this.records.get(details.id) : undefined;
		if (!record) throw new Error(`Credential '${details.name}' does not exist`);
		return record;
	}

	getParentTypes(name: string): string[] {
		return name === CREDENTIAL_TYPE ? ['oAuth2Api'] : [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		_credentials: ICredentialDataDecryptedObject,
		_type: string,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return options;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const record = this.record(details);
		return {
			id: record.id,
			name: record.name,
			type,
			data: undefined,
			getData: () => clone(record.data),
			getDataToSave: () => ({ id: record.id, name: record.name, type, data: '' }),
			setData: (data: ICredentialDataDecryptedObject) => {
				record.data = clone(data);
			},
			updateData: (data: ICredentialDataDecryptedObject) => {
				record.data = { ...record.data, ...clone(data) };
			},
		} as unknown as ICredentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
		_type: string,
		mode: WorkflowExecuteMode,
		executeData?: unknown,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = clone(this.record(details).data);
		if (raw) return stored;
		if (!expressionResolveValues) return await resolveCredential(stored);
		return resolveInWorkflow(applyDefaults(stored), mode, executeData, expressionResolveValues);
	}

	async updateCredentials(
		details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.record(details).data = clone(data);
	}

	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const record = this.record(details);
		record.data = { ...record.data, oauthTokenData: clone(data.oauthTokenData) };
		this.tokenUpdates.push({
			id: record.id,
			accessToken: (data.oauthTokenData as Record<string, unknown> | undefined)?.access_token,
		});
	}

	getCredentialsProperties(): INodeProperties[] {
		return credentialProperties();
	}
}
