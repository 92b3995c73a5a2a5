import { createHash } from 'node:crypto';
import type { OpenVpnProfile } from '../../datasources/types/remote-management.js';
import { notFound } from '../http.js';
import type { DatasetBase, DatasetSpec, EmulatorRequest } from '../types.js';

export interface RemoteManagementData {
  profiles: Map<string, OpenVpnProfile>;
  /** The OpenVPN password, stored one way (as Leaseweb does): its SHA-256, null until set. */
  passwordSha256: string | null;
}

/** The sections this product reads (the profiles follow the sites of the demo servers). */
export type RemoteManagementDataset = DatasetBase & {
  remoteManagement: RemoteManagementData;
  dedicatedServers: { servers: Map<string, { server: { location: { site: string } } }> };
};
export type RemoteManagementRequest = EmulatorRequest<RemoteManagementDataset>;

/** AMS-01's profile serves the other Amsterdam sites too, as in the reference's sample. */
const SATELLITES: Record<string, string[]> = { 'AMS-01': ['AMS-02', 'AMS-10', 'AMS-11'] };

export function createRemoteManagementData(): RemoteManagementData {
  return { profiles: new Map(), passwordSha256: null };
}

/** One profile per site of the demo servers, except the sites a profile serves as satellites. */
export function seedRemoteManagement(d: RemoteManagementDataset, _spec: DatasetSpec): void {
  const satellites = new Set(Object.values(SATELLITES).flat());
  const sites = new Set(['AMS-01', ...[...d.dedicatedServers.servers.values()].map((r) => r.server.location.site)]);
  for (const site of [...sites].sort()) {
    if (satellites.has(site)) continue;
    d.remoteManagement.profiles.set(site, { datacenter: site, satelliteDatacenters: SATELLITES[site] ?? [] });
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The `.ovpn` file of a profile: configuration and a (demo) certificate. */
export function ovpnFile(p: OpenVpnProfile): string {
  const host = `rmvpn-${p.datacenter.toLowerCase()}.leaseweb.net`;
  return [
    'client',
    'proto udp',
    'port 1194',
    'dev tun',
    'remote-random',
    `remote ${host}`,
    'keepalive 10 60',
    'remote-cert-tls server',
    'resolv-retry infinite',
    'comp-lzo',
    'auth-user-pass',
    'auth-retry interact',
    'explicit-exit-notify 2',
    '<ca>',
    '-----BEGIN CERTIFICATE-----',
    Buffer.from(`Leaseweb remote management CA ${p.datacenter}`).toString('base64'),
    '-----END CERTIFICATE-----',
    '</ca>',
    '',
  ].join('\n');
}

export function findProfile(req: RemoteManagementRequest): OpenVpnProfile {
  const profile = req.data.remoteManagement.profiles.get(req.params.datacenter!);
  if (!profile) throw notFound('OpenVPN profile');
  return profile;
}
