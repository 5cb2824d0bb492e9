import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { connectionStatusProperty, methodProperty, urlProperty } from '../shared/descriptions';
import { runItems } from '../shared/itemRunner';
import { getConnectionStatus } from '../shared/methods/connectionStatus';
import { readRunSettings } from '../shared/requestOptions';
import { runContext } from '../shared/runContext';
import { answeringAsTool, toolAnswerProperties } from '../shared/toolAnswer';
import { toolDescriptionMethod, toolDescriptionProperties } from '../shared/toolDescription';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { executeRequestItem } from './execute';
import { requestProperties } from './requestDescription';
import { optionsProperty, paginationProperties } from './responseDescription';

export class OAuth2HttpRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OAuth2 HTTP Request',
		name: 'oAuth2HttpRequest',
		icon: { light: 'file:oauth2HttpRequest.svg', dark: 'file:oauth2HttpRequest.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["method"] + " " + $parameter["url"] }}',
		description:
			'Call any endpoint of an API with an Any Service OAuth2 API connection: token injected and refreshed, retries, pagination',
		defaults: { name: 'OAuth2 HTTP Request' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			connectionStatusProperty,
			methodProperty,
			urlProperty,
			...requestProperties,
			...paginationProperties,
			optionsProperty,
			...toolAnswerProperties,
			...toolDescriptionProperties('request'),
		],
	};

	methods = {
		loadOptions: { getConnectionStatus, getToolDescription: toolDescriptionMethod('request') },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const context = runContext(this);
		const settings = readRunSettings(context.getNodeParameter('options', 0, {}) as IDataObject);
		const output = await runItems(
			context,
			settings.concurrency,
			answeringAsTool(
				context,
				async (itemIndex) => await executeRequestItem(context, itemIndex, settings),
			),
		);
		return [output];
	}
}
