import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { connectionStatusProperty } from '../shared/descriptions';
import { runRoutedItems } from '../shared/itemRunner';
import { getConnectionStatus } from '../shared/methods/connectionStatus';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { healthProperties } from './description';
import { executeHealthItem, type HealthRun } from './execute';

export class OAuth2Connection implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OAuth2 Connection',
		name: 'oAuth2Connection',
		icon: { light: 'file:oAuth2Connection.svg', dark: 'file:oAuth2Connection.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"check": "Check", "refresh": "Refresh", "getInfo": "Get Info"}[$parameter["operation"]] ?? $parameter["operation"] }}',
		description:
			'Check an Any Service OAuth2 API connection live, refresh it to keep it warm, and route the ones that need attention',
		defaults: { name: 'OAuth2 Connection' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Healthy', 'Needs Attention'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [connectionStatusProperty, ...healthProperties],
	};

	methods = { loadOptions: { getConnectionStatus } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The node has one connection: items run one at a time and share one refresh per run.
		const run: HealthRun = {};
		return await runRoutedItems(
			this,
			1,
			2,
			async (itemIndex) => await executeHealthItem(this, itemIndex, run),
		);
	}
}
