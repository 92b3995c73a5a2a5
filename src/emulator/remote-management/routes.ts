import { badRequest, noContent, validateBody, whole } from '../http.js';
import type { EmulatorResponse, Route } from '../types.js';
import { findProfile, ovpnFile, sha256, type RemoteManagementDataset, type RemoteManagementRequest } from './data.js';

const BASE = '/bareMetals/v2/remoteManagement';

function listOpenVpnProfiles(req: RemoteManagementRequest) {
  return whole('profiles', [...req.data.remoteManagement.profiles.values()]);
}

function inspectOpenVpnProfile(req: RemoteManagementRequest): EmulatorResponse {
  return { status: 200, headers: { 'content-type': 'text/plain' }, raw: ovpnFile(findProfile(req)) };
}

/** At least 8 characters, with upper and lower case, a digit and a special character. */
function changeOpenVpnCredentials(req: RemoteManagementRequest) {
  const { password } = validateBody<{ password: string }>(req, { password: 'string' }, ['password']);
  const strong =
    password.length >= 8 && /[A-Z]/.test(password) && /[a-z]/.test(password) && /\d/.test(password) && /[^A-Za-z0-9]/.test(password);
  if (!strong) {
    throw badRequest({
      password: ['The password should be at least 8 characters and consist of uppercase, lowercase, digits and special characters.'],
    });
  }
  req.data.remoteManagement.passwordSha256 = sha256(password);
  return noContent();
}

export const routes: Array<Route<RemoteManagementDataset>> = [
  { id: 'remoteManagement.changeOpenVpnCredentials', method: 'POST', path: `${BASE}/changeCredentials`, handler: changeOpenVpnCredentials },
  { id: 'remoteManagement.listOpenVpnProfiles', method: 'GET', path: `${BASE}/profiles`, handler: listOpenVpnProfiles },
  {
    id: 'remoteManagement.inspectOpenVpnProfile',
    method: 'GET',
    path: `${BASE}/profiles/lsw-rmvpn-{datacenter}.ovpn`,
    handler: inspectOpenVpnProfile,
  },
];
