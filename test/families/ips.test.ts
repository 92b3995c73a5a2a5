import { describe, expect, it } from 'vitest';
import {
  INSTANCES,
  LOAD_BALANCERS,
  NETWORK_EQUIPMENT,
  RACKS,
  SERVERS,
  USER_ERRORS,
  VPS,
  ipRecords,
  mutate,
  pickOwner,
  readOwner,
  writes,
  type OwnerKind,
} from '../support/owners.js';
import { trackOperations } from '../support/operations.js';
import { useStack } from '../support/stack.js';

/**
 * The IP family, for every owner that has it (dedicated servers and Public Cloud
 * instances): an owner's IPs read through ipMgmt or its own API, one IP as the owner
 * shows it, and the writes (`updateEquipmentIp`, `nullRouteEquipmentIp`,
 * `removeEquipmentIpNullRoute`) keyed by the owner's global id.
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.family === 'ips',
  () => true,
);

const bare = (ip: string) => ip.split(/[/_]/)[0]!;
const sorted = (values: string[]) => [...values].sort();

interface Row {
  kind: OwnerKind<any>;
  /** An owner with a public, not null-routed IPv4 address, and an internal IP. */
  withPublicIp: (r: any) => boolean;
  /** The owner's internal IPs as the emulator holds them. */
  internalIps: (r: any) => Array<{ ip: string }>;
}

const rows: Row[] = [
  {
    kind: SERVERS,
    withPublicIp: (r) =>
      ipRecords(stack(), r.server.id).some((i) => i.networkType === 'PUBLIC' && !i.nullRouted && !i.primary && i.version === 4),
    internalIps: (r) => ipRecords(stack(), r.server.id).filter((i) => i.networkType === 'INTERNAL'),
  },
  {
    kind: INSTANCES,
    withPublicIp: (r) =>
      r.instance.state === 'RUNNING' && ipRecords(stack(), r.instance.id).some((i) => !i.nullRouted) && r.internalIps.length > 0,
    internalIps: (r) => r.internalIps,
  },
  {
    kind: LOAD_BALANCERS,
    withPublicIp: (r) => r.lb.state === 'RUNNING' && ipRecords(stack(), r.lb.id).some((i) => !i.nullRouted) && r.internalIps.length > 0,
    internalIps: (r) => r.internalIps,
  },
  {
    kind: VPS,
    withPublicIp: (r) => r.vps.state === 'RUNNING' && ipRecords(stack(), r.vps.id).some((i) => !i.nullRouted) && r.internalIps.length > 0,
    internalIps: (r) => r.internalIps,
  },
  {
    kind: NETWORK_EQUIPMENT,
    withPublicIp: (r) => ipRecords(stack(), r.equipment.id).some((i) => i.networkType === 'PUBLIC' && !i.nullRouted && !i.primary),
    internalIps: (r) => ipRecords(stack(), r.equipment.id).filter((i) => i.networkType === 'INTERNAL'),
  },
  {
    kind: RACKS,
    withPublicIp: (r) => ipRecords(stack(), r.rack.id).some((i) => i.networkType === 'PUBLIC' && !i.nullRouted && !i.primary),
    internalIps: (r) => ipRecords(stack(), r.rack.id).filter((i) => i.networkType === 'INTERNAL'),
  },
];

/** A public IPv4 of the owner that is not null routed (not a server's main IP, whose interface the null route changes). */
const publicIp = (id: string) =>
  ipRecords(stack(), id).find(
    (i) => i.networkType === 'PUBLIC' && !i.nullRouted && i.version === 4 && (!stack().demo.dedicatedServers.servers.has(id) || !i.primary),
  )!;

describe.each(rows)('$kind.typename IPs', ({ kind, withPublicIp, internalIps }) => {
  it('shows one IP as the owner sees it, and null for an address the owner does not have', async () => {
    const owner = pickOwner(stack(), kind, withPublicIp);
    const ip = ipRecords(stack(), owner.id).find((i) => i.primary)!;
    const o = await readOwner(
      stack(),
      owner,
      `
      ip(ip: $ip) { id ip networkType primary reverseLookup nullRouted ddos { detectionProfile protectionType } equipmentId }
      none: ip(ip: "192.0.2.1") { ip }`,
      '$ip: IPAddress!',
      { ip: ip.ip },
    );
    expect(o.ip).toEqual({
      id: `gid://leaseweb/Ip/${ip.ip}`,
      ip: ip.ip,
      networkType: 'PUBLIC',
      primary: true,
      reverseLookup: ip.reverseLookup,
      nullRouted: ip.nullRouted,
      ddos: ip.ddos,
      equipmentId: owner.id,
    });
    expect(o.none).toBeNull();
    expect(stack().calls({ path: `${owner.base}/ips/${ip.ip}` })).toHaveLength(1);
  });

  it('lists the internal IPs from the owner itself, not from ipMgmt', async () => {
    const owner = pickOwner(stack(), kind, withPublicIp);
    const o = await readOwner(stack(), owner, 'ips(filter: { networkType: INTERNAL }) { totalCount nodes { ip networkType } }');
    const internal = internalIps(owner.record);
    expect(internal.length).toBeGreaterThan(0);
    expect(o.ips).toEqual({ totalCount: internal.length, nodes: internal.map((i) => ({ ip: i.ip, networkType: 'INTERNAL' })) });
    expect(stack().calls({ path: `${owner.base}/ips` })).toHaveLength(1);
    expect(stack().calls({ path: '/ipMgmt/' })).toHaveLength(0);
  });

  it('sets a reverse lookup through the owner, which ipMgmt sees too', async () => {
    const owner = pickOwner(stack(), kind, withPublicIp);
    const ip = publicIp(owner.id);
    const res = await mutate(
      stack(),
      'updateEquipmentIp',
      { equipmentId: owner.gid, ip: ip.ip, reverseLookup: 'edge.example.net' },
      `ip { ip reverseLookup networkType equipmentId } ${USER_ERRORS}`,
    );
    expect(res).toEqual({
      ip: { ip: ip.ip, reverseLookup: 'edge.example.net', networkType: 'PUBLIC', equipmentId: owner.id },
      userErrors: [],
    });
    expect(ip.reverseLookup).toBe('edge.example.net');
    const mgmt = await stack().data('query($ip: IPAddress!) { ip(ip: $ip) { reverseLookup } }', { ip: ip.ip });
    expect(mgmt.ip.reverseLookup).toBe('edge.example.net');
    expect(writes(stack())).toEqual([`PUT ${owner.base}/ips/${ip.ip}`]);
  });

  it('null routes an IP and lifts it again, ipMgmt and the owner agreeing before and after', async () => {
    const owner = pickOwner(stack(), kind, withPublicIp);
    const ip = publicIp(owner.id);
    const input = { equipmentId: owner.gid, ip: ip.ip };
    const IP = `ip { ip nullRouted networkType } ${USER_ERRORS}`;
    expect(await mutate(stack(), 'nullRouteEquipmentIp', input, IP)).toEqual({
      ip: { ip: ip.ip, nullRouted: true, networkType: 'PUBLIC' },
      userErrors: [],
    });
    expect(ip.nullRouted).toBe(true);

    const VIEW = `query($id: ID!, $ip: IPAddress!) {
      ip(ip: $ip) { nullRouted nullRouteHistory(first: 1) { nodes { ipAddress active unnulledAt equipmentId } } }
      o: ${owner.root}(id: $id) { viaMgmt: ips(filter: { nullRouted: true }) { nodes { ip } } viaOwner: ips(filter: { networkType: PUBLIC, nullRouted: true }) { nodes { ip } } } }`;
    const after = await stack().data(VIEW, { id: owner.id, ip: ip.ip });
    expect(after.ip.nullRouted).toBe(true);
    expect(after.ip.nullRouteHistory.nodes[0]).toEqual({ ipAddress: ip.ip, active: true, unnulledAt: null, equipmentId: owner.id });
    expect(after.o.viaMgmt.nodes).toContainEqual({ ip: ip.ip });
    expect(after.o.viaOwner.nodes).toContainEqual({ ip: ip.ip });

    const again = await mutate(stack(), 'nullRouteEquipmentIp', input, IP);
    expect(again.ip).toBeNull();
    expect(again.userErrors).toHaveLength(1);
    expect(again.userErrors[0].message).toMatch(/already null routed/i);

    expect(await mutate(stack(), 'removeEquipmentIpNullRoute', input, IP)).toEqual({
      ip: { ip: ip.ip, nullRouted: false, networkType: 'PUBLIC' },
      userErrors: [],
    });
    const cleared = await stack().data(VIEW, { id: owner.id, ip: ip.ip });
    expect(cleared.ip.nullRouted).toBe(false);
    expect(cleared.ip.nullRouteHistory.nodes[0]).toMatchObject({ active: false, unnulledAt: expect.any(String) });
    expect(cleared.o.viaMgmt.nodes).not.toContainEqual({ ip: ip.ip });
    expect(cleared.o.viaOwner.nodes).not.toContainEqual({ ip: ip.ip });
    expect(ip.nullRouted).toBe(false);
    expect(writes(stack())).toEqual([
      `POST ${owner.base}/ips/${ip.ip}/null`,
      `POST ${owner.base}/ips/${ip.ip}/null`,
      `POST ${owner.base}/ips/${ip.ip}/unnull`,
    ]);
  });

  it('answers NOT_FOUND for an owner that does not exist', async () => {
    const missing = `gid://leaseweb/${kind.typename}/${kind.missingId}`;
    const res = await mutate(stack(), 'nullRouteEquipmentIp', { equipmentId: missing, ip: '192.0.2.1' });
    expect(res.userErrors).toEqual([{ field: null, message: expect.any(String), code: 'NOT_FOUND', leasewebCode: '404' }]);
    expect(writes(stack())).toHaveLength(1);
  });
});

describe.each<{ kind: OwnerKind<any> }>([{ kind: NETWORK_EQUIPMENT }, { kind: RACKS }])('$kind.typename IPs (bareMetals)', ({ kind }) => {
  it('lists the null routes of its IPs (nullRouteHistory): the equipment and its history, two calls', async () => {
    const owner = pickOwner(stack(), kind);
    const ip = ipRecords(stack(), owner.id).find((i) => i.networkType === 'PUBLIC' && !i.primary && !i.nullRouted)!;
    await mutate(stack(), 'nullRouteEquipmentIp', { equipmentId: owner.gid, ip: ip.ip });
    stack().emulator.clearLog();
    const o = await readOwner(stack(), owner, 'nullRouteHistory { totalCount nodes { ip } }');
    expect(o.nullRouteHistory.nodes.map((n: any) => bare(n.ip))).toContain(ip.ip);
    expect(stack().calls()).toHaveLength(2);
    await mutate(stack(), 'removeEquipmentIpNullRoute', { equipmentId: owner.gid, ip: ip.ip });
  });
});

describe.each([{ kind: SERVERS }])('$kind.typename IPs (bareMetals only)', ({ kind }) => {
  const ipsOf = (id: string) => ipRecords(stack(), id);

  it('batches the IPs of every server of the page into one ipMgmt ?equipmentIds= call', async () => {
    const data = await stack().data(
      '{ dedicatedServers(first: 12) { nodes { leasewebId ips(first: 100) { totalCount nodes { ip version primary nullRouted } } } } }',
    );
    const nodes = data.dedicatedServers.nodes;
    expect(nodes).toHaveLength(12);
    for (const node of nodes) {
      const expected = ipsOf(node.leasewebId);
      expect(node.ips.totalCount).toBe(expected.length);
      expect(sorted(node.ips.nodes.map((i: any) => i.ip))).toEqual(sorted(expected.map((r) => r.ip)));
      for (const ip of node.ips.nodes) {
        const r = expected.find((x) => x.ip === ip.ip)!;
        expect(ip).toMatchObject({ version: r.version, primary: r.primary, nullRouted: r.nullRouted });
      }
    }
    const batched = stack().calls({ path: '/ipMgmt/v2/ips' });
    expect(batched).toHaveLength(1);
    expect(sorted(new URLSearchParams(batched[0]!.search).get('equipmentIds')!.split(','))).toEqual(
      sorted(nodes.map((n: any) => n.leasewebId)),
    );
    expect(stack().calls({ path: /\/servers\/[^/]+\/ips/ })).toHaveLength(0);
    expect(stack().calls()).toHaveLength(2); // the server list and the one ipMgmt call
  });

  it('filters a server IPs by version, nullRouted and ips without asking the server', async () => {
    const withV6 = pickOwner(stack(), kind, (x) => ipsOf(x.server.id).some((i) => i.version === 6));
    const nulled = pickOwner(stack(), kind, (x) => ipsOf(x.server.id).some((i) => i.nullRouted));
    for (const owner of [withV6, nulled]) {
      const all = ipsOf(owner.id);
      const o = await readOwner(
        stack(),
        owner,
        `
        v6: ips(filter: { version: 6 }) { nodes { ip prefixLength } }
        nulled: ips(filter: { nullRouted: true }) { nodes { ip } }
        some: ips(filter: { ips: $ips }) { nodes { ip } }`,
        '$ips: [IPAddress!]',
        { ips: all.slice(0, 2).map((i) => i.ip) },
      );
      expect(o.v6.nodes).toEqual(all.filter((i) => i.version === 6).map((i) => ({ ip: i.ip, prefixLength: i.prefixLength })));
      expect(o.nulled.nodes.map((i: any) => i.ip)).toEqual(all.filter((i) => i.nullRouted).map((i) => i.ip));
      expect(o.some.nodes.map((i: any) => i.ip)).toEqual(all.slice(0, 2).map((i) => i.ip));
    }
    expect(stack().calls({ path: /\/servers\/[^/]+\/ips/ })).toHaveLength(0);
  });

  it('asks the server itself when filtering by networkType, one call per server and network type', async () => {
    const data = await stack().data(`{ dedicatedServers(first: 3) { nodes { leasewebId
      internal: ips(filter: { networkType: INTERNAL }) { totalCount nodes { ip networkType gateway ddos { detectionProfile protectionType } floatingIp } }
      public: ips(filter: { networkType: PUBLIC }) { totalCount nodes { ip networkType } } } } }`);
    for (const node of data.dedicatedServers.nodes) {
      const internal = ipsOf(node.leasewebId).filter((i) => i.networkType === 'INTERNAL');
      expect(node.internal.totalCount).toBe(internal.length);
      expect(node.internal.nodes).toEqual(
        internal.map((i) => ({ ip: i.ip, networkType: 'INTERNAL', gateway: i.gateway, ddos: i.ddos, floatingIp: i.floatingIp })),
      );
      expect(sorted(node.public.nodes.map((i: any) => i.ip))).toEqual(
        sorted(
          ipsOf(node.leasewebId)
            .filter((i) => i.networkType === 'PUBLIC')
            .map((i) => bare(i.ip)),
        ),
      );
    }
    const calls = stack().calls({ path: /\/servers\/[^/]+\/ips$/ });
    expect(calls).toHaveLength(6);
    expect(sorted(calls.map((c) => new URLSearchParams(c.search).get('networkType')!))).toEqual([
      'INTERNAL',
      'INTERNAL',
      'INTERNAL',
      'PUBLIC',
      'PUBLIC',
      'PUBLIC',
    ]);
    expect(stack().calls({ path: '/ipMgmt/' })).toHaveLength(0);
  });

  it('shows null for an IP of another server', async () => {
    const owner = pickOwner(stack(), kind);
    const other = ipsOf(SERVERS.records(stack())[1]!.server.id)[0]!;
    const o = await readOwner(stack(), owner, 'ip(ip: $other) { ip gateway }', '$other: IPAddress!', { other: other.ip });
    expect(o.ip).toBeNull();
  });

  it('gives an IP reached from the server the same global id as the ipMgmt one', async () => {
    const owner = pickOwner(stack(), kind, (x) => ipsOf(x.server.id).some((i) => i.version === 6));
    const o = await readOwner(
      stack(),
      owner,
      'viaServer: ips(filter: { networkType: PUBLIC }) { nodes { id ip } } viaMgmt: ips { nodes { id ip } }',
    );
    const viaMgmt = new Map(o.viaMgmt.nodes.map((i: any) => [i.ip, i.id]));
    expect(o.viaServer.nodes.length).toBeGreaterThan(0);
    for (const ip of o.viaServer.nodes) expect(viaMgmt.get(ip.ip)).toBe(ip.id);
  });

  it('lists the null routes of the server IPs (nullRouteHistory)', async () => {
    const routes = stack().demo.ipManagement.nullRoutes;
    const owner = pickOwner(stack(), kind, (x) => routes.some((n) => n.equipmentId === x.server.id));
    const mine = routes.filter((n) => n.equipmentId === owner.id);
    const o = await readOwner(
      stack(),
      owner,
      'nullRouteHistory { totalCount nodes { ip nulledAt nullLevel automatedUnnullingAt ticketId comment } }',
    );
    expect(o.nullRouteHistory.totalCount).toBe(mine.length);
    expect(o.nullRouteHistory.nodes).toEqual(
      mine.map((n) => ({
        ip: `${n.ip}/${stack().demo.ipManagement.ips.get(n.ip)!.prefixLength}`,
        nulledAt: n.nulledAt,
        nullLevel: n.nullLevel,
        automatedUnnullingAt: n.automatedUnnullingAt,
        ticketId: n.ticketId,
        comment: n.comment,
      })),
    );
  });

  it('updates the reverse lookup and DDoS detection profile, seen by ipMgmt too', async () => {
    const owner = pickOwner(stack(), kind, (x) => ipsOf(x.server.id).some((i) => i.primary && i.ddos.protectionType === 'ADVANCED'));
    const ip = ipsOf(owner.id).find((i) => i.primary)!;
    const res = await mutate(
      stack(),
      'updateEquipmentIp',
      { equipmentId: owner.gid, ip: ip.ip, reverseLookup: 'ptr.by-test.example.com', detectionProfile: 'ADVANCED_LOW_UDP' },
      `ip { ip reverseLookup ddos { detectionProfile protectionType } equipmentId } ${USER_ERRORS}`,
    );
    expect(res).toEqual({
      ip: {
        ip: ip.ip,
        reverseLookup: 'ptr.by-test.example.com',
        ddos: { detectionProfile: 'ADVANCED_LOW_UDP', protectionType: 'ADVANCED' },
        equipmentId: owner.id,
      },
      userErrors: [],
    });
    expect(ip).toMatchObject({ reverseLookup: 'ptr.by-test.example.com', ddos: { detectionProfile: 'ADVANCED_LOW_UDP' } });
    const read = await stack().data('query($ip: IPAddress!) { ip(ip: $ip) { reverseLookup ddos { detectionProfile } } }', { ip: ip.ip });
    expect(read.ip).toEqual({ reverseLookup: 'ptr.by-test.example.com', ddos: { detectionProfile: 'ADVANCED_LOW_UDP' } });
  });

  it('refuses a detection profile on an IP without Advanced DDoS protection (a 400 as userErrors)', async () => {
    const owner = pickOwner(stack(), kind, (x) => ipsOf(x.server.id).some((i) => i.primary && i.ddos.protectionType === 'STANDARD'));
    const ip = ipsOf(owner.id).find((i) => i.primary)!;
    const before = { ...ip.ddos };
    const res = await mutate(
      stack(),
      'updateEquipmentIp',
      { equipmentId: owner.gid, ip: ip.ip, detectionProfile: 'ADVANCED_MED_UDP' },
      `ip { ip } ${USER_ERRORS}`,
    );
    expect(res).toEqual({
      ip: null,
      userErrors: [
        { field: ['input', 'detectionProfile'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' },
      ],
    });
    expect(ip.ddos).toEqual(before);
  });

  it('null routes a server IP: a userError field on the second try, the server history grows by one and keeps it', async () => {
    const owner = pickOwner(
      stack(),
      kind,
      (x) => ipsOf(x.server.id).filter((i) => i.networkType === 'PUBLIC' && !i.nullRouted && i.version === 4).length > 1,
    );
    const ip = ipsOf(owner.id).find((i) => i.networkType === 'PUBLIC' && !i.nullRouted && !i.primary && i.version === 4)!;
    const input = { equipmentId: owner.gid, ip: ip.ip };
    const historyBefore = stack().demo.ipManagement.nullRoutes.filter((n) => n.equipmentId === owner.id).length;
    await mutate(stack(), 'nullRouteEquipmentIp', input);
    const READ = `nullRouteHistory(first: 100) { totalCount nodes { ip nulledAt comment } }`;
    const after = await readOwner(stack(), owner, READ);
    expect(after.nullRouteHistory.totalCount).toBe(historyBefore + 1);
    expect(after.nullRouteHistory.nodes.find((n: any) => n.ip === `${ip.ip}/32`)).toBeDefined();
    const mgmt = await stack().data('query($ip: IPAddress!) { ip(ip: $ip) { nullRouted nullLevel unnullingAllowed } }', { ip: ip.ip });
    expect(mgmt.ip).toEqual({ nullRouted: true, nullLevel: ip.nullLevel, unnullingAllowed: true });
    const again = await mutate(stack(), 'nullRouteEquipmentIp', input);
    expect(again.userErrors[0]).toMatchObject({ field: ['input', 'ip'], code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' });
    await mutate(stack(), 'removeEquipmentIpNullRoute', input);
    expect((await readOwner(stack(), owner, READ)).nullRouteHistory.totalCount).toBe(historyBefore + 1);
  });

  it('keeps the public interface of the server in line when its main IP is null routed', async () => {
    const owner = pickOwner(stack(), kind, (x) => ipsOf(x.server.id).some((i) => i.primary && !i.nullRouted));
    const main = ipsOf(owner.id).find((i) => i.primary)!;
    expect((await mutate(stack(), 'nullRouteEquipmentIp', { equipmentId: owner.gid, ip: main.ip })).userErrors).toEqual([]);
    const o = await readOwner(stack(), owner, 'networkInterfaces { public { nullRouted } }');
    expect(o.networkInterfaces.public.nullRouted).toBe(true);
  });
});

describe.each([{ kind: INSTANCES as OwnerKind<any> }, { kind: VPS }, { kind: LOAD_BALANCERS }])(
  '$kind.typename IPs (Public Cloud only)',
  ({ kind }) => {
    const m = kind.machine!;
    const publicIps = (id: string) => ipRecords(stack(), id);

    it('asks the instance for its internal IPs, sending the ips filter |-separated', async () => {
      const owner = pickOwner(stack(), kind, (x) => publicIps(kind.idOf(x)).length > 0);
      const [pub] = publicIps(owner.id);
      const [internal] = owner.record.internalIps;
      const query = `query($id: ID!, $f: EquipmentIpFilter) { o: ${kind.root}(id: $id) { ips(filter: $f) { totalCount nodes { ip networkType primary } } } }`;
      const inner = await stack().data(query, { id: owner.id, f: { networkType: 'INTERNAL' } });
      expect(inner.o.ips.nodes).toEqual([{ ip: internal!.ip, networkType: 'INTERNAL', primary: false }]);
      const both = await stack().data(query, { id: owner.id, f: { networkType: 'PUBLIC', ips: [pub!.ip, internal!.ip] } });
      expect(both.o.ips.nodes).toEqual([{ ip: pub!.ip, networkType: 'PUBLIC', primary: true }]);
      const sent = stack()
        .calls({ path: `${owner.base}/ips` })
        .map((c) => new URLSearchParams(c.search).get('ips'));
      expect(sent).toEqual([null, `${pub!.ip}|${internal!.ip}`]);
    });

    it('null routes with a comment and an automatic unnulling, which ipMgmt reports', async () => {
      const owner = pickOwner(stack(), kind, (x) => publicIps(kind.idOf(x)).some((ip) => !ip.nullRouted) && m(x).state === 'RUNNING');
      const ip = publicIps(owner.id)[0]!.ip;
      const res = await mutate(
        stack(),
        'nullRouteEquipmentIp',
        { equipmentId: owner.gid, ip, comment: 'Under attack', automatedUnnullingAfterHours: 2 },
        `ip { ip nullRouted } ${USER_ERRORS}`,
      );
      expect(res).toEqual({ ip: { ip, nullRouted: true }, userErrors: [] });
      const after = await stack().data(
        `{ ip(ip: "${ip}") { equipment { ... on ${kind.typename} { leasewebId } } nullRouteHistory(first: 1) { nodes { comment active automatedUnnullingAt equipmentId } } } }`,
      );
      expect(after.ip.equipment).toEqual({ leasewebId: owner.id });
      const [route] = after.ip.nullRouteHistory.nodes;
      expect(route).toMatchObject({ comment: 'Under attack', active: true, equipmentId: owner.id });
      const inTwoHours = Date.parse(route.automatedUnnullingAt) - Date.now();
      expect(inTwoHours).toBeGreaterThan(7_100_000);
      expect(inTwoHours).toBeLessThanOrEqual(7_200_000);
      expect(stack().calls({ path: `${owner.base}/ips/${ip}/null`, method: 'POST' })).toHaveLength(1);
      const lifted = await mutate(
        stack(),
        'removeEquipmentIpNullRoute',
        { equipmentId: owner.gid, ip },
        `ip { nullRouted } ${USER_ERRORS}`,
      );
      expect(lifted).toEqual({ ip: { nullRouted: false }, userErrors: [] });
      expect((await mutate(stack(), 'removeEquipmentIpNullRoute', { equipmentId: owner.gid, ip })).userErrors[0].message).toMatch(
        /not null routed/,
      );
    });

    it('refuses to null route an internal IP or for a bad number of hours', async () => {
      const owner = pickOwner(stack(), kind, (x) => publicIps(kind.idOf(x)).length > 0 && m(x).state === 'RUNNING');
      const internal = await mutate(stack(), 'nullRouteEquipmentIp', { equipmentId: owner.gid, ip: owner.record.internalIps[0]!.ip });
      expect(internal.userErrors[0]).toMatchObject({ field: ['input', 'ip'], message: expect.stringMatching(/public/) });
      const hours = await mutate(stack(), 'nullRouteEquipmentIp', {
        equipmentId: owner.gid,
        ip: publicIps(owner.id)[0]!.ip,
        automatedUnnullingAfterHours: 0,
      });
      expect(hours.userErrors[0].field).toEqual(['input', 'automatedUnnulingAt']);
      expect(owner.record.internalIps[0]!.nullRouted).toBe(false);
      expect(publicIps(owner.id)[0]!.nullRouted).toBe(false);
    });
  },
);

describe('coverage', () => {
  it('reached every operation of the family, for every owner in the route table, through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(33);
    expect(reached.missing()).toEqual([]);
  });
});
