// Resource operations as { method, path, body } for api.request, on the botocore model's routes;
// kinds double as path literals (auth, api, storage).
import { label as seg } from '../api.js';
import { toBody } from './form.js';

const post = (path, body) => ({ method: 'POST', path, body });
const envPath = (kind, appId, env) => `/backend/${seg(appId)}/${kind}/${seg(env)}`;

export function getBackendRequest(appId, env) {
  return post(`/backend/${seg(appId)}/details`, { backendEnvironmentName: env });
}

export function listBucketsRequest() {
  return post('/s3Buckets', {});
}

// Create* alone takes the environment as a body member, not a path label.
export function createRequest(form, appId, env, values) {
  return post(`/backend/${seg(appId)}/${form.kind}`,
    { backendEnvironmentName: env, ...toBody(form.fields, values, 'create') });
}

export function updateRequest(form, appId, env, resourceName, values) {
  return post(envPath(form.kind, appId, env),
    { resourceName, ...toBody(form.fields, values, 'update') });
}

export function getRequest(kind, appId, env, resourceName) {
  return post(`${envPath(kind, appId, env)}/details`, { resourceName });
}

export function deleteRequest(kind, appId, env, resourceName, serviceName) {
  const body = kind === 'storage' ? { resourceName, serviceName } : { resourceName };
  return post(`${envPath(kind, appId, env)}/remove`, body);
}

export function importRequest(form, appId, env, values) {
  return post(`${envPath(form.kind, appId, env)}/import`, toBody(form.fields, values, 'create'));
}
