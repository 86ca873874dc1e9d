// Auth (Cognito) resource forms: one for Create/Update/GetBackendAuth (Get reports the Create
// shape), one for the import. Enum values are the model's, case-sensitive on the wire.
const AUTH_RESOURCES = ['USER_POOL_ONLY', 'IDENTITY_POOL_AND_USER_POOL'];
const AUTH_SERVICE = ['COGNITO'];
const SIGN_IN_METHOD = ['EMAIL', 'EMAIL_AND_PHONE_NUMBER', 'PHONE_NUMBER', 'USERNAME'];
const SIGN_UP_ATTRIBUTES = ('ADDRESS BIRTHDATE EMAIL FAMILY_NAME GENDER GIVEN_NAME LOCALE '
  + 'MIDDLE_NAME NAME NICKNAME PHONE_NUMBER PICTURE PREFERRED_USERNAME PROFILE UPDATED_AT '
  + 'WEBSITE ZONE_INFO').split(' ');
const MFA_MODE = ['ON', 'OFF', 'OPTIONAL'];
const MFA_TYPES = ['SMS', 'TOTP'];
const DELIVERY_METHOD = ['EMAIL', 'SMS'];
const OAUTH_GRANT_TYPE = ['CODE', 'IMPLICIT'];
const OAUTH_SCOPES = ['PHONE', 'EMAIL', 'OPENID', 'PROFILE', 'AWS_COGNITO_SIGNIN_USER_ADMIN'];
const PASSWORD_CONSTRAINTS = ['REQUIRE_DIGIT', 'REQUIRE_LOWERCASE', 'REQUIRE_SYMBOL',
  'REQUIRE_UPPERCASE'];

const messageSettings = (what) => [
  { key: 'emailSettings', type: 'group', label: 'Email', help: `The email sent ${what}.`, fields: [
    { key: 'emailSubject', label: 'Subject', help: 'Subject line of the email.' },
    { key: 'emailMessage', type: 'textarea', label: 'Message', help: 'Body of the email.' },
  ] },
  { key: 'smsSettings', type: 'group', label: 'SMS', help: `The text message sent ${what}.`,
    fields: [{ key: 'smsMessage', type: 'textarea', label: 'Message', help: 'Body of the SMS.' }] },
];

const socialProvider = (key, label) => ({
  key, type: 'group', label, help: `Sign-in through ${label}, with the app credentials it issued.`,
  fields: [
    { key: 'client_id', label: 'Client ID', help: `The client ID ${label} gave your app.` },
    { key: 'client_secret', type: 'password', label: 'Client secret',
      help: `The client secret ${label} gave your app.` },
  ],
});

const oAuth = {
  key: 'oAuth', type: 'group', label: 'OAuth (hosted UI)',
  help: 'Sign-in through OAuth flows and social providers.',
  fields: [
    { key: 'domainPrefix', label: 'Domain prefix',
      help: 'Prefix of the sign-in domain Cognito hosts.' },
    { key: 'oAuthGrantType', type: 'select', options: OAUTH_GRANT_TYPE, required: 'create',
      label: 'Grant type', help: 'CODE: authorization-code flow; IMPLICIT: tokens in redirects.' },
    { key: 'oAuthScopes', type: 'multi', options: OAUTH_SCOPES, required: 'create',
      label: 'Scopes', help: 'What the issued tokens allow the app to read or do.' },
    { key: 'redirectSignInURIs', type: 'lines', required: 'create', label: 'Sign-in redirects',
      help: 'Where users land after signing in; one per line.' },
    { key: 'redirectSignOutURIs', type: 'lines', required: 'create', label: 'Sign-out redirects',
      help: 'Where users land after signing out; one per line.' },
    { key: 'socialProviderSettings', type: 'group', label: 'Social providers',
      help: 'Third-party identity providers.', fields: [
        socialProvider('Facebook', 'Facebook'),
        socialProvider('Google', 'Google'),
        socialProvider('LoginWithAmazon', 'Login with Amazon'),
        { key: 'SignInWithApple', type: 'group', label: 'Sign in with Apple',
          help: 'Sign-in through Apple, with what Apple issued you.', fields: [
            { key: 'client_id', label: 'Services ID', help: 'The client ID Apple issued.' },
            { key: 'team_id', label: 'Team ID', help: 'Your Apple developer team ID.' },
            { key: 'key_id', label: 'Key ID', help: 'ID of your key registered with Apple.' },
            { key: 'private_key', type: 'textarea', label: 'Private key',
              help: 'That key (PEM text).' },
          ] },
      ] },
  ],
};

const userPool = {
  key: 'userPoolConfigs', type: 'group', required: true, label: 'User pool',
  help: 'The Cognito user pool that signs app users up and in.',
  fields: [
    { key: 'userPoolName', required: 'create', createOnly: true, label: 'User pool name',
      help: 'Name of the Cognito user pool.' },
    { key: 'signInMethod', type: 'select', options: SIGN_IN_METHOD, required: 'create',
      createOnly: true, default: 'EMAIL', label: 'Sign-in method',
      help: 'What users type to sign in.' },
    { key: 'requiredSignUpAttributes', type: 'multi', options: SIGN_UP_ATTRIBUTES,
      required: 'create', createOnly: true, label: 'Required sign-up attributes',
      help: 'What every new user must provide.' },
    { key: 'passwordPolicy', type: 'group', label: 'Password policy',
      help: 'Rules user passwords must follow.', fields: [
        { key: 'minimumLength', type: 'number', required: 'create', label: 'Minimum length',
          help: 'Fewest characters a password may have.' },
        { key: 'additionalConstraints', type: 'multi', options: PASSWORD_CONSTRAINTS,
          label: 'Also require', help: 'Character classes a password must contain.' },
      ] },
    { key: 'mfa', type: 'group', label: 'Multi-factor authentication',
      help: 'Whether users confirm sign-in with a second factor.', fields: [
        { key: 'MFAMode', type: 'select', options: MFA_MODE, required: 'create', label: 'MFA',
          help: 'ON: always; OPTIONAL: users choose; OFF: never.' },
        { key: 'settings', type: 'group', label: 'MFA settings',
          help: 'How the second factor is delivered.', fields: [
            { key: 'mfaTypes', type: 'multi', options: MFA_TYPES, label: 'Methods',
              help: 'SMS codes, or an authenticator app (TOTP).' },
            { key: 'smsMessage', label: 'SMS message', help: 'Body of the SMS carrying the code.' },
          ] },
      ] },
    { key: 'verificationMessage', type: 'group', label: 'Verification message',
      help: 'Confirms a new user’s email address or phone number.', fields: [
        { key: 'deliveryMethod', type: 'select', options: DELIVERY_METHOD, required: true,
          label: 'Send by', help: 'Whether the verification goes by email or SMS.' },
        ...messageSettings('to verify a user'),
      ] },
    oAuth,
    { key: 'forgotPassword', type: 'group', label: 'Forgotten password (deprecated)',
      help: 'Deprecated by AWS for the verification message.', fields: [
        { key: 'deliveryMethod', type: 'select', options: DELIVERY_METHOD, required: 'create',
          label: 'Send by', help: 'Whether password-recovery codes go by email or SMS.' },
        ...messageSettings('when a user forgets their password'),
      ] },
  ],
};

export const authForm = {
  kind: 'auth',
  title: 'Authentication',
  fields: [
    { key: 'resourceName', required: true, createOnly: true, label: 'Resource name',
      help: 'Name of the auth resource within this environment.' },
    { key: 'resourceConfig', type: 'group', required: true, label: 'Configuration',
      help: 'How app users sign up, sign in and are authorized.', fields: [
        { key: 'service', type: 'select', options: AUTH_SERVICE, required: true,
          default: 'COGNITO', label: 'Service', help: 'The AWS service providing auth.' },
        { key: 'authResources', type: 'select', options: AUTH_RESOURCES, required: true,
          default: 'USER_POOL_ONLY', label: 'Resources',
          help: 'Sign-in only (user pool), or also AWS access for app users (identity pool).' },
        { key: 'identityPoolConfigs', type: 'group', label: 'Identity pool',
          help: 'The Cognito identity pool that hands out AWS credentials.',
          when: (v) => v['resourceConfig.authResources'] === 'IDENTITY_POOL_AND_USER_POOL',
          fields: [
            { key: 'identityPoolName', required: 'create', createOnly: true,
              label: 'Identity pool name', help: 'Name of the identity pool.' },
            { key: 'unauthenticatedLogin', type: 'boolean', required: 'create',
              label: 'Allow guests', help: 'Give users who have not signed in guest access.' },
          ] },
        userPool,
      ] },
  ],
};

export const authImportForm = {
  kind: 'auth',
  title: 'Import a Cognito user pool',
  fields: [
    { key: 'userPoolId', required: true, label: 'User pool ID',
      help: 'The existing user pool; the resource is named after it.' },
    { key: 'webClientId', required: true, label: 'Web client ID',
      help: 'ID of the pool’s app client used by web apps.' },
    { key: 'nativeClientId', required: true, label: 'Native client ID',
      help: 'ID of the pool’s app client used by mobile apps.' },
    { key: 'identityPoolId', label: 'Identity pool ID',
      help: 'An existing identity pool to import with it.' },
  ],
};
