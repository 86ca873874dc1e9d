// Storage (S3) resource forms: one for Create/Update/GetBackendStorage, one for the import.
const STORAGE_SERVICE = ['S3'];
const STORAGE_PERMISSIONS = ['READ', 'CREATE_AND_UPDATE', 'DELETE'];

const serviceName = {
  key: 'serviceName', type: 'select', options: STORAGE_SERVICE, required: true, default: 'S3',
  label: 'Service', help: 'The storage service.',
};

export const storageForm = {
  kind: 'storage',
  title: 'Storage',
  fields: [
    { key: 'resourceName', required: true, createOnly: true, label: 'Resource name',
      help: 'Name of the storage resource within this environment.' },
    { key: 'resourceConfig', type: 'group', required: true, label: 'Configuration',
      help: 'The S3 bucket and who may use it.', fields: [
        serviceName,
        { key: 'bucketName', createOnly: true, label: 'Bucket name',
          help: 'Name of the S3 bucket; leave empty to have one generated. Fixed once created.' },
        { key: 'permissions', type: 'group', required: true, label: 'Permissions',
          help: 'What app users may do with the bucket’s files. Saving replaces them whole.',
          fields: [
            { key: 'authenticated', type: 'multi', options: STORAGE_PERMISSIONS, required: true,
              label: 'Signed-in users', help: 'What users who have signed in may do.' },
            { key: 'unAuthenticated', type: 'multi', options: STORAGE_PERMISSIONS,
              label: 'Guests', help: 'What users who have not signed in may do; none if empty.' },
          ] },
      ] },
  ],
};

export const storageImportForm = {
  kind: 'storage',
  title: 'Import an S3 bucket',
  fields: [
    serviceName,
    { key: 'bucketName', label: 'Bucket name', required: true,
      help: 'The existing bucket to import; the imported resource is named after it.' },
  ],
};
