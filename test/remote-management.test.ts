import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { ovpnFile, sha256 } from '../src/emulator/remote-management/data.js';
import { trackOperations } from './support/operations.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { useStack } from './support/stack.js';

/** Remote management end to end: the OpenVPN profiles, their `.ovpn` download, the credentials, server → profile. */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.product === 'remoteManagement',
  (suite) => !suite.startsWith('sample conformance'),
);

const profiles = () => [...stack().demo.remoteManagement.profiles.values()];
const servers = () => [...stack().demo.dedicatedServers.servers.values()].map((r) => r.server);
const origin = () => stack().gateway.url.replace(/\/graphql$/, '');
const download = (path: string, headers: Record<string, string> = { 'x-lsw-auth': DEMO_API_KEY }) => fetch(origin() + path, { headers });

describe('OpenVPN profiles', () => {
  it('lists the profiles a page at a time, from one upstream call', async () => {
    const data = await stack().data(
      `{ a: openVpnProfiles(first: 2) { totalCount pageInfo { hasNextPage } nodes { datacenter satelliteDatacenters ovpnUrl } }
         b: openVpnProfiles { nodes { datacenter } } }`,
    );
    expect(data.a.totalCount).toBe(profiles().length);
    expect(data.a.pageInfo.hasNextPage).toBe(profiles().length > 2);
    expect(data.a.nodes).toEqual(
      profiles()
        .slice(0, 2)
        .map((p) => ({ ...p, ovpnUrl: `/downloads/openvpn/${p.datacenter}.ovpn` })),
    );
    expect(data.b.nodes.map((p: { datacenter: string }) => p.datacenter)).toEqual(profiles().map((p) => p.datacenter));
    expect(stack().calls()).toHaveLength(1);
  });

  it('finds the profile of a data center, its own or the one serving it as a satellite; null for none', async () => {
    const data = await stack().data(
      '{ own: openVpnProfile(datacenter: "AMS-01") { datacenter } sat: openVpnProfile(datacenter: "AMS-10") { datacenter } none: openVpnProfile(datacenter: "XXX-99") { datacenter } }',
    );
    expect(data).toEqual({ own: { datacenter: 'AMS-01' }, sat: { datacenter: 'AMS-01' }, none: null });
    const node = await stack().data('{ node(id: "gid://leaseweb/OpenVpnProfile/AMS-01") { id ... on OpenVpnProfile { datacenter } } }');
    expect(node).toEqual({ node: { id: 'gid://leaseweb/OpenVpnProfile/AMS-01', datacenter: 'AMS-01' } });
  });

  it('server → the OpenVPN profile of its site', async () => {
    const onSatellite = servers().find((s) => s.location.site === 'AMS-02')!;
    const own = servers().find((s) => s.location.site === 'FRA-10')!;
    const data = await stack().data(
      'query($a: ID!, $b: ID!) { a: dedicatedServer(id: $a) { openVpnProfile { datacenter } } b: dedicatedServer(id: $b) { openVpnProfile { datacenter } } }',
      { a: onSatellite.id, b: own.id },
    );
    expect(data).toEqual({ a: { openVpnProfile: { datacenter: 'AMS-01' } }, b: { openVpnProfile: { datacenter: 'FRA-10' } } });
    // Two servers, the profiles once.
    expect(stack().calls({ path: '/remoteManagement/profiles' })).toHaveLength(1);
  });
});

describe('OpenVPN profile download', () => {
  it('streams the .ovpn file of ovpnUrl with the caller’s key, as an attachment', async () => {
    const p = profiles()[0]!;
    const { openVpnProfile } = await stack().data(`{ openVpnProfile(datacenter: "${p.datacenter}") { ovpnUrl } }`);
    stack().emulator.clearLog();
    const res = await download(openVpnProfile.ovpnUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="lsw-rmvpn-${p.datacenter}.ovpn"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(ovpnFile(p));
    expect(
      stack()
        .calls()
        .map((c) => `${c.method} ${c.path}`),
    ).toEqual([`GET /bareMetals/v2/remoteManagement/profiles/lsw-rmvpn-${p.datacenter}.ovpn`]);
  });

  it('answers 404 for an unknown data center, 401 without a key (before any call), 400 for a dot-segment', async () => {
    const missing = await download('/downloads/openvpn/XXX-99.ovpn');
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0]).toEqual({ message: 'No such OpenVPN profile.', extensions: { code: 'NOT_FOUND' } });
    stack().emulator.clearLog();
    expect((await download(`/downloads/openvpn/${profiles()[0]!.datacenter}.ovpn`, {})).status).toBe(401);
    expect((await download('/downloads/openvpn/%2E%2E.ovpn')).status).toBe(400);
    expect(stack().calls()).toHaveLength(0);
  });
});

describe('OpenVPN credentials', () => {
  const mutation =
    'mutation($input: ChangeOpenVpnCredentialsInput!) { r: changeOpenVpnCredentials(input: $input) { changed userErrors { field message code } } }';

  it('changes the password, stored one way upstream, and never answers it back', async () => {
    const password = 'N3w-s3cret!pass';
    const res = await stack().query(mutation, { input: { password } });
    expect(res.errors).toBeUndefined();
    expect(res.data.r).toEqual({ changed: true, userErrors: [] });
    expect(JSON.stringify(res)).not.toContain(password);
    expect(stack().demo.remoteManagement.passwordSha256).toBe(sha256(password));
    expect(
      stack()
        .calls()
        .map((c) => `${c.method} ${c.path} ${c.status}`),
    ).toEqual(['POST /bareMetals/v2/remoteManagement/changeCredentials 204']);
  });

  it('turns a weak password into userErrors on input.password, without echoing it', async () => {
    const password = 'weakpass';
    const res = await stack().query(mutation, { input: { password } });
    expect(res.data.r.changed).toBeNull();
    expect(res.data.r.userErrors).toEqual([expect.objectContaining({ field: ['input', 'password'], code: 'INVALID' })]);
    expect(JSON.stringify(res)).not.toContain(password);
  });
});

describe('coverage', () => {
  it('reached every remote management operation through the gateway', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.missing()).toEqual([]);
    expect(reached.count()).toBe(3);
  });
});

describeIf(samplesAvailable)('sample conformance: remote management', () => {
  it('serves the profile list with the documented shape', async () => {
    const res = await emulatorGet(stack().emulator, '/bareMetals/v2/remoteManagement/profiles');
    expect(res.status).toBe(200);
    expect(shapeDifferences(res.body, sample('remoteManagement.listOpenVpnProfiles'))).toEqual([]);
  });
});
