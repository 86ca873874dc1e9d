// API (AppSync) resource form: Create/Update/GetBackendAPI all use BackendAPIResourceConfig.
const API_AUTH_MODE = ['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT'];
const RESOLUTION_STRATEGY = ['OPTIMISTIC_CONCURRENCY', 'LAMBDA', 'AUTOMERGE', 'NONE'];

// BackendAPIAuthType: a mode plus the settings that mode needs.
const authTypeFields = [
  { key: 'mode', type: 'select', options: API_AUTH_MODE, label: 'Mode',
    help: 'How callers authenticate to the API.' },
  { key: 'settings', type: 'group', label: 'Mode settings',
    help: 'Fill in only what the chosen mode uses.', fields: [
      { key: 'description', label: 'API key description', help: 'For API_KEY: what it is for.' },
      { key: 'expirationTime', type: 'number', label: 'API key expiry',
        help: 'For API_KEY: when the key expires (a number).' },
      { key: 'cognitoUserPoolId', label: 'Cognito user pool ID',
        help: 'For AMAZON_COGNITO_USER_POOLS: whose users may call.' },
      { key: 'openIDProviderName', label: 'OpenID provider name',
        help: 'For OPENID_CONNECT: a name for the identity provider.' },
      { key: 'openIDIssueURL', label: 'OpenID issuer URL',
        help: 'For OPENID_CONNECT: the issuer URL of the provider.' },
      { key: 'openIDClientId', label: 'OpenID client ID',
        help: 'For OPENID_CONNECT: the client ID registered with the provider.' },
      { key: 'openIDAuthTTL', label: 'Auth token lifetime',
        help: 'For OPENID_CONNECT: how long after authentication a token is accepted.' },
      { key: 'openIDIatTTL', label: 'Issued-at lifetime',
        help: 'For OPENID_CONNECT: how long after it was issued a token is accepted.' },
    ] },
];

export const apiForm = {
  kind: 'api',
  title: 'API',
  fields: [
    { key: 'resourceName', required: true, createOnly: true, label: 'Resource name',
      help: 'Name of the API resource within this environment.' },
    { key: 'resourceConfig', type: 'group', required: true, label: 'Configuration',
      help: 'The GraphQL API that serves your data models.', fields: [
        { key: 'apiName', label: 'API name', help: 'Name the API is known by in the project.' },
        { key: 'service', default: 'AppSync', label: 'Service',
          help: 'The service that provisions and serves the data model.' },
        { key: 'transformSchema', type: 'textarea', label: 'GraphQL schema',
          help: 'The data model as an annotated GraphQL schema (types with @model, @auth…).' },
        { key: 'defaultAuthType', type: 'group', label: 'Default authorization',
          help: 'How callers authenticate unless a type or field says otherwise.',
          fields: authTypeFields },
        { key: 'additionalAuthTypes', type: 'list', label: 'Additional authorization modes',
          help: 'Further modes the API accepts besides the default one.', fields: authTypeFields },
        { key: 'conflictResolution', type: 'group', label: 'Conflict resolution',
          help: 'What happens when offline clients sync conflicting changes.', fields: [
            { key: 'resolutionStrategy', type: 'select', options: RESOLUTION_STRATEGY,
              label: 'Strategy', help: 'AUTOMERGE merges; OPTIMISTIC_CONCURRENCY rejects stale '
                + 'writes; LAMBDA asks a function; NONE detects none.' },
          ] },
      ] },
  ],
};
