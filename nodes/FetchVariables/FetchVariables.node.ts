import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { connectionStatusProperty } from '../shared/descriptions';
import { runItems } from '../shared/itemRunner';
import { getConnectionStatus } from '../shared/methods/connectionStatus';
import { readRunSettings } from '../shared/requestOptions';
import { runContext } from '../shared/runContext';
import { answeringAsTool, toolAnswerProperties } from '../shared/toolAnswer';
import { toolDescriptionMethod, toolDescriptionProperties } from '../shared/toolDescription';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { fetchProperties } from './description';
import { executeFetchItem } from './execute';
import { searchResponsePaths } from './searchResponsePaths';

export class FetchVariables implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fetch Variables',
		name: 'fetchVariables',
		icon: { light: 'file:fetchVariables.svg', dark: 'file:fetchVariables.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["url"] }}',
		description:
			'Call an endpoint with an Any Service OAuth2 API connection and map response paths to named, typed variables',
		defaults: { name: 'Fetch Variables' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			connectionStatusProperty,
			...fetchProperties,
			...toolAnswerProperties,
			...toolDescriptionProperties('variables'),
		],
	};

	methods = {
		loadOptions: { getConnectionStatus, getToolDescription: toolDescriptionMethod('variables') },
		listSearch: { searchResponsePaths },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const context = runContext(this);
		const settings = readRunSettings(context.getNodeParameter('options', 0, {}) as IDataObject);
		return [
			await runItems(
				context,
				settings.concurrency,
				answeringAsTool(
					context,
					async (itemIndex) => await executeFetchItem(context, itemIndex, settings),
				),
			),
		];
	}
}
