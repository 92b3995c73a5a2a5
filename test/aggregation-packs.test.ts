import { describe, expect, it } from 'vitest';
import { trackOperations } from './support/operations.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { useStack } from './support/stack.js';

/** Aggregation packs end to end: the list and one pack, pack → servers, server → pack. */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.product === 'aggregationPacks',
  (suite) => !suite.startsWith('sample conformance'),
);

const packs = () => [...stack().demo.aggregationPacks.packs.values()];
const servers = () => [...stack().demo.dedicatedServers.servers.values()].map((r) => r.server);

describe('aggregation packs', () => {
  it('lists the packs (summary) and reads one with its detail', async () => {
    const data = await stack().data(
      `{ aggregationPacks { totalCount nodes { id leasewebId billingType dataTrafficCommit dataTrafficCommitUnit aggregationType } } }`,
    );
    expect(data.aggregationPacks.totalCount).toBe(packs().length);
    expect(data.aggregationPacks.nodes[0]).toEqual({
      id: `gid://leaseweb/AggregationPack/${packs()[0]!.id}`,
      leasewebId: packs()[0]!.id,
      billingType: '95TH',
      dataTrafficCommit: 20000,
      dataTrafficCommitUnit: 'Mbps',
      aggregationType: 'Hybrid',
    });
    const one = await stack().data(
      'query($id: ID!) { aggregationPack(id: $id) { aggregationType networkPerformanceType } none: aggregationPack(id: "1") { id } }',
      {
        id: packs()[0]!.id,
      },
    );
    expect(one).toEqual({ aggregationPack: { aggregationType: 'Hybrid', networkPerformanceType: 'VOLUME' }, none: null });
  });
});

describe('aggregation pack edges', () => {
  it('pack → the servers whose contract names it: every server listed, then one detail per server', async () => {
    const pack = packs()[0]!;
    const data = await stack().data('query($id: ID!) { aggregationPack(id: $id) { dedicatedServers { leasewebId } } }', { id: pack.id });
    const named = servers().filter((s) => s.contract.aggregationPackId === pack.id);
    expect(named.length).toBeGreaterThan(0);
    expect(data.aggregationPack.dedicatedServers).toEqual(named.map((s) => ({ leasewebId: s.id })));
    // The pack, the server list pages, and each server's detail once.
    expect(stack().calls()).toHaveLength(1 + Math.ceil(servers().length / 100) + servers().length);
  });

  it('server → its aggregation pack (the pack id is detail); none for a server outside any pack', async () => {
    const pack = packs()[0]!;
    const inPack = servers().find((s) => s.contract.aggregationPackId === pack.id)!;
    const outside = servers().find((s) => !s.contract.aggregationPackId)!;
    const data = await stack().data(
      'query($a: ID!, $b: ID!) { a: dedicatedServer(id: $a) { aggregationPack { leasewebId } } b: dedicatedServer(id: $b) { aggregationPack { leasewebId } } }',
      { a: inPack.id, b: outside.id },
    );
    expect(data).toEqual({ a: { aggregationPack: { leasewebId: pack.id } }, b: { aggregationPack: null } });
    expect(stack().calls()).toHaveLength(2 + 1);
  });
});

describe('coverage', () => {
  it('reached every aggregation pack operation through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.missing()).toEqual([]);
    expect(reached.count()).toBe(2);
  });
});

describeIf(samplesAvailable)('sample conformance: aggregation packs', () => {
  it('serves the reads with the documented shapes', async () => {
    const gets: Record<string, string> = {
      listAggregationPacks: '/bareMetals/v2/aggregationPacks',
      getAggregationPack: `/bareMetals/v2/aggregationPacks/${packs()[0]!.id}`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`aggregationPacks.${op}`)), op).toEqual([]);
    }
  });
});
