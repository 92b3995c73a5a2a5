import { describe, expect } from 'vitest';
import { contractTests } from './support/contract.js';
import { useStack } from './support/stack.js';

const stack = useStack();

/** The demo data set's first server, and its main public IPv4. */
const firstServer = (s: ReturnType<typeof stack>) => [...s.demo.dedicatedServers.servers.values()][0]!.server;
const mainIp = (s: ReturnType<typeof stack>) => s.demo.ipManagement.byEquipment.get(firstServer(s).id)!.find((r) => r.primary)!.ip;

describe('contract: one row per read operation', () => {
  contractTests(stack, [
    {
      operation: 'dedicatedServers.showServerPowerStatus',
      query: 'query ($id: ID!) { dedicatedServer(id: $id) { powerStatus { ipmi pdu poweredOn } } }',
      variables: (s) => ({ id: firstServer(s).id }),
      expect: (data) => {
        expect(data.dedicatedServer.powerStatus).toEqual({
          ipmi: expect.stringMatching(/^(ON|OFF)$/),
          pdu: 'ON',
          poweredOn: expect.any(Boolean),
        });
      },
    },
    {
      operation: 'dedicatedServers.listRescueImages',
      query: '{ dedicatedServerRescueImages(first: 5) { totalCount nodes { rescueImageId name } } }',
      expect: (data) => {
        expect(data.dedicatedServerRescueImages.totalCount).toBeGreaterThan(0);
        expect(data.dedicatedServerRescueImages.nodes[0]).toEqual({ rescueImageId: expect.any(String), name: expect.any(String) });
      },
    },
    {
      operation: 'ipMgmt.inspectIp',
      query: 'query ($ip: IPAddress!) { ip(ip: $ip) { ip version primary nullRouted } }',
      variables: (s) => ({ ip: mainIp(s) }),
      expect: (data, s) => {
        expect(data.ip).toEqual({ ip: mainIp(s), version: 4, primary: true, nullRouted: expect.any(Boolean) });
      },
    },
    {
      operation: 'services.getCancellationReasons',
      query: '{ serviceCancellationReasons { reasonCode reason } }',
      expect: (data) => {
        expect(data.serviceCancellationReasons.length).toBeGreaterThan(0);
        expect(data.serviceCancellationReasons[0]).toEqual({ reasonCode: expect.stringMatching(/^[A-Z_]+$/), reason: expect.any(String) });
      },
    },
    {
      operation: 'publicCloud.listRegions',
      query: '{ publicCloudRegions(first: 3) { totalCount nodes { name location } } }',
      expect: (data) => {
        expect(data.publicCloudRegions.nodes).toHaveLength(3);
        expect(data.publicCloudRegions.nodes[0]).toEqual({ name: expect.any(String), location: expect.any(String) });
      },
    },
  ]);
});
