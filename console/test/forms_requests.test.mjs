// Resource requests against facts copied from botocore's amplifybackend 2020-08-11 model: URI and
// body shape per operation (wire names; '*' required; ':Shape', ':[T]', ':number', ':boolean').
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiForm } from '../src/js/forms/api.js';
import { authForm, authImportForm } from '../src/js/forms/auth.js';
import { toValues } from '../src/js/forms/form.js';
import * as r from '../src/js/forms/requests.js';
import { storageForm, storageImportForm } from '../src/js/forms/storage.js';

const NAME_ONLY = 'resourceName*';
const OPS = {
  CreateBackendAuth: ['/backend/{appId}/auth', 'backendEnvironmentName* resourceConfig*:CAuth resourceName*'],
  UpdateBackendAuth: ['/backend/{appId}/auth/{env}', 'resourceConfig*:UAuth resourceName*'],
  GetBackendAuth: ['/backend/{appId}/auth/{env}/details', NAME_ONLY],
  DeleteBackendAuth: ['/backend/{appId}/auth/{env}/remove', NAME_ONLY],
  ImportBackendAuth: ['/backend/{appId}/auth/{env}/import', 'identityPoolId nativeClientId* userPoolId* webClientId*'],
  CreateBackendAPI: ['/backend/{appId}/api', 'backendEnvironmentName* resourceConfig*:Api resourceName*'],
  UpdateBackendAPI: ['/backend/{appId}/api/{env}', 'resourceConfig:Api resourceName*'],
  GetBackendAPI: ['/backend/{appId}/api/{env}/details', 'resourceConfig:Api resourceName*'],
  DeleteBackendAPI: ['/backend/{appId}/api/{env}/remove', 'resourceConfig:Api resourceName*'],
  CreateBackendStorage: ['/backend/{appId}/storage', 'backendEnvironmentName* resourceConfig*:CStorage resourceName*'],
  UpdateBackendStorage: ['/backend/{appId}/storage/{env}', 'resourceConfig*:UStorage resourceName*'],
  GetBackendStorage: ['/backend/{appId}/storage/{env}/details', NAME_ONLY],
  DeleteBackendStorage: ['/backend/{appId}/storage/{env}/remove', 'resourceName* serviceName*:ServiceName'],
  ImportBackendStorage: ['/backend/{appId}/storage/{env}/import', 'bucketName serviceName*:ServiceName'],
  GetBackend: ['/backend/{appId}/details', 'backendEnvironmentName'],
  ListS3Buckets: ['/s3Buckets', 'nextToken'],
};

const SHAPES = {
  CAuth: 'authResources*:AuthResources identityPoolConfigs:CIdPool service*:Service userPoolConfigs*:CPool',
  CIdPool: 'identityPoolName* unauthenticatedLogin*:boolean',
  CPool: 'forgotPassword:CForgot mfa:CMfa oAuth:COAuth passwordPolicy:CPassword requiredSignUpAttributes*:[SignUpAttribute] signInMethod*:SignInMethod userPoolName* verificationMessage:Verification',
  CForgot: 'deliveryMethod*:DeliveryMethod emailSettings:Email smsSettings:Sms',
  Verification: 'deliveryMethod*:DeliveryMethod emailSettings:Email smsSettings:Sms',
  Email: 'emailMessage emailSubject',
  Sms: 'smsMessage',
  CMfa: 'MFAMode*:MFAMode settings:MfaSettings',
  MfaSettings: 'mfaTypes:[MfaType] smsMessage',
  COAuth: 'domainPrefix oAuthGrantType*:GrantType oAuthScopes*:[Scope] redirectSignInURIs*:[string] redirectSignOutURIs*:[string] socialProviderSettings:Social',
  Social: 'Facebook:Provider Google:Provider LoginWithAmazon:Provider SignInWithApple:Apple',
  Provider: 'client_id client_secret',
  Apple: 'client_id key_id private_key team_id',
  CPassword: 'additionalConstraints:[Constraint] minimumLength*:number',
  UAuth: 'authResources*:AuthResources identityPoolConfigs:UIdPool service*:Service userPoolConfigs*:UPool',
  UIdPool: 'unauthenticatedLogin:boolean',
  UPool: 'forgotPassword:UForgot mfa:UMfa oAuth:UOAuth passwordPolicy:UPassword verificationMessage:Verification',
  Api: 'additionalAuthTypes:[ApiAuth] apiName conflictResolution:Conflict defaultAuthType:ApiAuth service transformSchema',
  ApiAuth: 'mode:Mode settings:ApiAuthSettings',
  ApiAuthSettings: 'cognitoUserPoolId description expirationTime:number openIDAuthTTL openIDClientId openIDIatTTL openIDIssueURL openIDProviderName',
  Conflict: 'resolutionStrategy:ResolutionStrategy',
  CStorage: 'bucketName permissions*:Permissions serviceName*:ServiceName',
  UStorage: 'permissions*:Permissions serviceName*:ServiceName',
  Permissions: 'authenticated*:[Permission] unAuthenticated:[Permission]',
};
// The model's Update* auth shapes are their Create* twins with nothing required.
for (const name of ['Forgot', 'Mfa', 'OAuth', 'Password']) {
  SHAPES[`U${name}`] = SHAPES[`C${name}`].replaceAll('*', '');
}

const ENUMS = {
  AuthResources: 'USER_POOL_ONLY IDENTITY_POOL_AND_USER_POOL',
  Service: 'COGNITO',
  DeliveryMethod: 'EMAIL SMS',
  MFAMode: 'ON OFF OPTIONAL',
  MfaType: 'SMS TOTP',
  GrantType: 'CODE IMPLICIT',
  Scope: 'PHONE EMAIL OPENID PROFILE AWS_COGNITO_SIGNIN_USER_ADMIN',
  Constraint: 'REQUIRE_DIGIT REQUIRE_LOWERCASE REQUIRE_SYMBOL REQUIRE_UPPERCASE',
  SignUpAttribute: 'ADDRESS BIRTHDATE EMAIL FAMILY_NAME GENDER GIVEN_NAME LOCALE MIDDLE_NAME NAME '
    + 'NICKNAME PHONE_NUMBER PICTURE PREFERRED_USERNAME PROFILE UPDATED_AT WEBSITE ZONE_INFO',
  SignInMethod: 'EMAIL EMAIL_AND_PHONE_NUMBER PHONE_NUMBER USERNAME',
  Mode: 'API_KEY AWS_IAM AMAZON_COGNITO_USER_POOLS OPENID_CONNECT',
  ResolutionStrategy: 'OPTIMISTIC_CONCURRENCY LAMBDA AUTOMERGE NONE',
  Permission: 'READ CREATE_AND_UPDATE DELETE',
  ServiceName: 'S3',
};

// What the model would reject in `value` (type: an operation, shape, enum, list or scalar):
// unknown or missing members, wrong types, unknown enum values. `unused` collects the model
// members the value never carries.
function problems(value, type, path = '$', unused = null) {
  if (type.startsWith('[')) {
    if (!Array.isArray(value)) return [`${path}: not a list`];
    return value.flatMap((v, i) => problems(v, type.slice(1, -1), `${path}[${i}]`, unused));
  }
  if (ENUMS[type]) return ENUMS[type].split(' ').includes(value) ? [] : [`${path}: ${value}`];
  const spec = OPS[type]?.[1] ?? SHAPES[type];
  if (!spec) return typeof value === type ? [] : [`${path}: not a ${type}`];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
  const known = spec.split(' ').map((m) => m.split(':'))
    .map(([n, t = 'string']) => ({ key: n.replace('*', ''), required: n.endsWith('*'), t }));
  const out = Object.keys(value).filter((k) => !known.some((m) => m.key === k))
    .map((k) => `${path}.${k}: unknown`);
  for (const { key, required, t } of known) {
    if (key in value) out.push(...problems(value[key], t, `${path}.${key}`, unused));
    else {
      if (required) out.push(`${path}.${key}: required`);
      unused?.add(`${type}.${key}`);
    }
  }
  return out;
}

function check(request, operation) {
  assert.equal(request.method, 'POST');
  assert.equal(request.path, OPS[operation][0].replace('{appId}', 'app1').replace('{env}', 'dev'));
  assert.deepEqual(problems(request.body, operation), []);
  return request.body;
}

test('the shape checker rejects wrong names, types, enums and missing members', () => {
  const storage = { resourceName: 'x', resourceConfig: { serviceName: 'S3',
    permissions: { authenticated: ['READ'], unauthenticated: [] } } };
  assert.deepEqual(problems(storage, 'UpdateBackendStorage'),
    ['$.resourceConfig.permissions.unauthenticated: unknown']);
  assert.deepEqual(problems({ serviceName: 'S4' }, 'ImportBackendStorage'), ['$.serviceName: S4']);
  assert.deepEqual(problems({}, 'GetBackendAuth'), ['$.resourceName: required']);
});

// A value for every leaf of a form.
const FILL = { select: (n) => n.options.at(-1), multi: (n) => [...n.options], boolean: () => true,
  number: () => '12', lines: () => 'https://app.example.com/\nmyapp://' };
function fillAll(fields, prefix = '', out = {}) {
  for (const node of fields) {
    const path = prefix ? `${prefix}.${node.key}` : node.key;
    if (node.type === 'group') fillAll(node.fields, path, out);
    else if (node.type === 'list') [0, 1].forEach((i) => fillAll(node.fields, `${path}.${i}`, out));
    else out[path] = FILL[node.type]?.(node) ?? `${node.key}-value`;
  }
  return out;
}

const send = {
  create: (form, values) => r.createRequest(form, 'app1', 'dev', values),
  update: (form, values) => r.updateRequest(form, 'app1', 'dev', 'res1', values),
  import: (form, values) => r.importRequest(form, 'app1', 'dev', values),
};

for (const [operation, form, how] of [
  ['CreateBackendAuth', authForm, 'create'], ['UpdateBackendAuth', authForm, 'update'],
  ['CreateBackendAPI', apiForm, 'create'], ['UpdateBackendAPI', apiForm, 'update'],
  ['CreateBackendStorage', storageForm, 'create'], ['UpdateBackendStorage', storageForm, 'update'],
  ['ImportBackendAuth', authImportForm, 'import'],
  ['ImportBackendStorage', storageImportForm, 'import'],
]) {
  test(`${operation}: a fully filled form sends every model member, and only those`, () => {
    const request = send[how](form, fillAll(form.fields));
    check(request, operation);
    const unused = new Set();
    problems(request.body, operation, '$', unused);
    assert.deepEqual([...unused], []);
  });
}

// A realistic auth resource as GetBackendAuth reports it (the Create shape).
const AUTH = {
  service: 'COGNITO',
  authResources: 'IDENTITY_POOL_AND_USER_POOL',
  identityPoolConfigs: { identityPoolName: 'userAuthIdentity', unauthenticatedLogin: false },
  userPoolConfigs: {
    userPoolName: 'userAuthPool',
    signInMethod: 'EMAIL',
    requiredSignUpAttributes: ['EMAIL', 'NAME'],
    passwordPolicy: { minimumLength: 10, additionalConstraints: ['REQUIRE_DIGIT'] },
    mfa: { MFAMode: 'OPTIONAL', settings: { mfaTypes: ['TOTP'] } },
    verificationMessage: { deliveryMethod: 'EMAIL', emailSettings: { emailSubject: 'Code' } },
    oAuth: { oAuthGrantType: 'CODE', oAuthScopes: ['EMAIL', 'OPENID'],
      redirectSignInURIs: ['https://app.example.com/'],
      redirectSignOutURIs: ['https://app.example.com/bye', 'myapp://'] },
  },
};

test('auth: GetBackendAuth → form → CreateBackendAuth and UpdateBackendAuth', () => {
  const values = toValues(authForm.fields, { resourceName: 'userAuth', resourceConfig: AUTH });
  assert.equal(values['resourceConfig.userPoolConfigs.oAuth.redirectSignOutURIs'],
    'https://app.example.com/bye\nmyapp://');
  assert.equal(values['resourceConfig.userPoolConfigs.passwordPolicy.minimumLength'], '10');
  assert.deepEqual(check(send.create(authForm, values), 'CreateBackendAuth'),
    { backendEnvironmentName: 'dev', resourceName: 'userAuth', resourceConfig: AUTH });

  values['resourceConfig.userPoolConfigs.mfa.MFAMode'] = 'ON';
  values['resourceConfig.identityPoolConfigs.unauthenticatedLogin'] = true;
  const { userPoolName, signInMethod, requiredSignUpAttributes, ...pool } = AUTH.userPoolConfigs;
  assert.deepEqual(check(send.update(authForm, values), 'UpdateBackendAuth'), {
    resourceName: 'res1', resourceConfig: { service: 'COGNITO', authResources: AUTH.authResources,
      identityPoolConfigs: { unauthenticatedLogin: true },
      userPoolConfigs: { ...pool, mfa: { MFAMode: 'ON', settings: { mfaTypes: ['TOTP'] } } } } });

  values['resourceConfig.authResources'] = 'USER_POOL_ONLY';
  assert.equal('identityPoolConfigs' in send.create(authForm, values).body.resourceConfig, false);
});

test('API: GetBackendAPI → form → CreateBackendAPI and UpdateBackendAPI', () => {
  const config = {
    apiName: 'todoApi',
    service: 'AppSync',
    transformSchema: 'type Todo @model {\n  id: ID!\n  name: String!\n}',
    defaultAuthType: { mode: 'API_KEY', settings: { description: 'web', expirationTime: 30 } },
    additionalAuthTypes: [
      { mode: 'AMAZON_COGNITO_USER_POOLS', settings: { cognitoUserPoolId: 'us-east-1_Abc' } },
      { mode: 'OPENID_CONNECT', settings: { openIDIssueURL: 'https://idp.example.com',
        openIDIatTTL: '3600' } },
    ],
    conflictResolution: { resolutionStrategy: 'AUTOMERGE' },
  };
  const values = toValues(apiForm.fields, { resourceName: 'todoApi', resourceConfig: config });
  assert.equal(values['resourceConfig.additionalAuthTypes.1.settings.openIDIatTTL'], '3600');
  assert.deepEqual(check(send.create(apiForm, values), 'CreateBackendAPI'),
    { backendEnvironmentName: 'dev', resourceName: 'todoApi', resourceConfig: config });
  assert.deepEqual(check(send.update(apiForm, values), 'UpdateBackendAPI'),
    { resourceName: 'res1', resourceConfig: config });
});

test('storage: form values → CreateBackendStorage; withdrawing guest access on update', () => {
  const values = { resourceName: 'photos', 'resourceConfig.serviceName': 'S3',
    'resourceConfig.bucketName': 'photos-bucket-1',
    'resourceConfig.permissions.authenticated': ['READ', 'CREATE_AND_UPDATE', 'DELETE'],
    'resourceConfig.permissions.unAuthenticated': ['READ'] };
  assert.deepEqual(check(send.create(storageForm, values), 'CreateBackendStorage'), {
    backendEnvironmentName: 'dev', resourceName: 'photos',
    resourceConfig: { serviceName: 'S3', bucketName: 'photos-bucket-1', permissions: {
      authenticated: ['READ', 'CREATE_AND_UPDATE', 'DELETE'], unAuthenticated: ['READ'] } } });
  const got = toValues(storageForm.fields, { resourceName: 'photos', resourceConfig: {
    bucketName: 'photos-bucket-1', imported: false, serviceName: 'S3',
    permissions: { authenticated: ['READ'], unAuthenticated: ['READ'] } } });
  delete got['resourceConfig.permissions.unAuthenticated'];
  assert.deepEqual(check(send.update(storageForm, got), 'UpdateBackendStorage').resourceConfig,
    { serviceName: 'S3', permissions: { authenticated: ['READ'] } });
});

test('imports send only the import members', () => {
  const auth = { userPoolId: 'us-east-1_Abc', webClientId: 'web1', nativeClientId: 'native1' };
  assert.deepEqual(check(send.import(authImportForm, { ...auth, identityPoolId: '' }),
    'ImportBackendAuth'), auth);
  const storage = { serviceName: 'S3', bucketName: 'old-bucket' };
  assert.deepEqual(check(send.import(storageImportForm, storage), 'ImportBackendStorage'), storage);
});

test('Get*, Delete*, GetBackend and ListS3Buckets', () => {
  for (const [kind, name] of [['auth', 'Auth'], ['api', 'API'], ['storage', 'Storage']]) {
    assert.deepEqual(check(r.getRequest(kind, 'app1', 'dev', 'res1'), `GetBackend${name}`),
      { resourceName: 'res1' });
    check(r.deleteRequest(kind, 'app1', 'dev', 'res1', 'S3'), `DeleteBackend${name}`);
  }
  assert.deepEqual(r.deleteRequest('storage', 'app1', 'dev', 'res1', 'S3').body,
    { resourceName: 'res1', serviceName: 'S3' });
  assert.deepEqual(check(r.getBackendRequest('app1', 'dev'), 'GetBackend'),
    { backendEnvironmentName: 'dev' });
  assert.deepEqual(check(r.listBucketsRequest(), 'ListS3Buckets'), {});
  // Path labels are percent-encoded as the SDKs do it.
  assert.equal(r.getRequest('auth', "a b/c'", 'dev', 'x').path,
    '/backend/a%20b%2Fc%27/auth/dev/details');
});
