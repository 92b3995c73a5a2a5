import { badRequest, boolParam, listParam, notFound, ok, paginate, validateBody, whole } from '../http.js';
import { nullRouteIp, removeNullRoute, type IpDataset, type IpRecord } from '../ip-management/data.js';
import type { EmulatorRequest } from '../types.js';
import { familyRoutes, type Owner } from './owner.js';

/**
 * An owner's IPs, as `…/{ownerId}/ips` serves them. Every owner reads the same
 * `IpRecord`s ipMgmt holds, so a null route or a reverse lookup set through either API
 * shows in both. A new owner (network equipment, a rack, a VPS, a load balancer) is one
 * row: its operation ids and the quirks below.
 */
export interface IpOwner<D extends IpDataset, R> extends Owner<D, R> {
  ops: {
    list: string;
    get: string;
    update: string;
    nullRoute: string;
    removeNullRoute: string;
    /** bareMetals owners also list the null routes their IPs had. */
    nullRouteHistory?: string;
  };
  /** The owner's id as IP records name it (`equipmentId`). */
  id: (owner: R) => string;
  /** The owner's IPs, in the order the API lists them. */
  ips: (req: EmulatorRequest<D>, owner: R) => IpRecord[];
  /** How the owner's API shows an IP (each API has its own view of the one record). */
  view: (ip: IpRecord) => unknown;
  /** bareMetals lists page with limit/offset; Public Cloud answers whole, with `_metadata`. */
  paging: 'paged' | 'whole';
  /** The `ips` filter's separator: `,` on bareMetals, `|` on Public Cloud (reference quirk). */
  ipsSeparator: ',' | '|';
  /** bareMetals lists filter on `networkType`. */
  networkTypeFilter: boolean;
  /** Public Cloud refuses a `version` other than 4 or 6; bareMetals just matches nothing. */
  strictVersion: boolean;
  update: {
    /** bareMetals IPs take a DDoS `detectionProfile` (Advanced protection only). */
    detectionProfile: boolean;
    /** Public Cloud requires `reverseLookup`; bareMetals makes every field optional. */
    reverseLookupRequired: boolean;
  };
  nullRoute: {
    /** 202 on bareMetals, 200 on Public Cloud. */
    status: number;
    /**
     * Public Cloud takes an optional `{ comment, automatedUnnulingAt }` (hours), written
     * in the owner's time format; bareMetals takes no body. Absent: no body.
     */
    unnullingTime?: (ms: number) => string;
    /** Public Cloud null routes public IPv4 addresses only. */
    publicIpv4Only: boolean;
    /** The comment the history records when the request gives none. */
    defaultComment: string | null;
  };
  /** Refuses a null route on an owner that cannot take writes (a destroyed instance). */
  writable?: (owner: R) => void;
  /** Runs after a null route is set or lifted (servers mirror their main IP on the interface). */
  afterNullRoute?: (req: EmulatorRequest<D>, owner: R) => void;
}

/** The IP quirks of bareMetals owners (servers, network equipment, racks). */
export const bareMetalsIps = {
  paging: 'paged',
  ipsSeparator: ',',
  networkTypeFilter: true,
  strictVersion: false,
  update: { detectionProfile: true, reverseLookupRequired: false },
} as const;

/** The IP quirks of Public Cloud owners (instances, VPS, load balancers). */
export const publicCloudIps = {
  paging: 'whole',
  ipsSeparator: '|',
  networkTypeFilter: false,
  strictVersion: true,
  update: { detectionProfile: false, reverseLookupRequired: true },
} as const;

const DETECTION_PROFILES = ['ADVANCED_DEFAULT', 'ADVANCED_LOW_UDP', 'ADVANCED_MED_UDP'];

export function ipRoutes<D extends IpDataset, R>(owner: IpOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('ips', owner);

  const find = (req: EmulatorRequest<D>) => {
    const record = owner.find(req);
    const address = req.params.ip!.split(/[/_]/)[0];
    const ip = owner.ips(req, record).find((r) => r.ip === address);
    if (!ip) throw notFound('IP');
    return { record, ip };
  };

  function listIps(req: EmulatorRequest<D>) {
    const record = owner.find(req);
    const type = owner.networkTypeFilter ? req.query.get('networkType') : null;
    const version = req.query.get('version');
    if (owner.strictVersion && version && version !== '4' && version !== '6')
      throw badRequest({ version: ['The value should be one of: 4, 6.'] });
    const nullRouted = boolParam(req, 'nullRouted');
    const only = listParam(req, 'ips', owner.ipsSeparator)?.map((ip) => ip.split('/')[0]);
    const list = owner
      .ips(req, record)
      .filter((r) => !type || r.networkType === type)
      .filter((r) => !version || String(r.version) === version)
      .filter((r) => nullRouted === undefined || r.nullRouted === nullRouted)
      .filter((r) => !only || only.includes(r.ip));
    return owner.paging === 'paged' ? paginate(req, list, 'ips', { project: owner.view }) : whole('ips', list.map(owner.view));
  }

  function getIp(req: EmulatorRequest<D>) {
    return ok(owner.view(find(req).ip));
  }

  function updateIp(req: EmulatorRequest<D>) {
    const { ip } = find(req);
    const rules: Record<string, 'string' | string[]> = owner.update.detectionProfile
      ? { detectionProfile: DETECTION_PROFILES, reverseLookup: 'string' }
      : { reverseLookup: 'string' };
    const body = validateBody<{ detectionProfile?: string; reverseLookup?: string }>(
      req,
      rules,
      owner.update.reverseLookupRequired ? ['reverseLookup'] : [],
    );
    if (body.detectionProfile) {
      // "DDoS detection profiles can only be changed if the IP address is protected using Advanced DDoS protection."
      if (ip.ddos.protectionType !== 'ADVANCED')
        throw badRequest({ detectionProfile: ['Only an IP with Advanced DDoS protection can change its detection profile.'] });
      ip.ddos = { ...ip.ddos, detectionProfile: body.detectionProfile };
    }
    if (body.reverseLookup !== undefined) ip.reverseLookup = body.reverseLookup || null;
    return ok(owner.view(ip));
  }

  function nullRoute(req: EmulatorRequest<D>) {
    const { record, ip } = find(req);
    owner.writable?.(record);
    const rule = owner.nullRoute;
    let comment = rule.defaultComment;
    let automatedUnnullingAt: string | null = null;
    if (rule.unnullingTime) {
      // The reference spells the field `automatedUnnulingAt` (one l) and counts it in hours.
      const body = validateBody<{ comment?: string; automatedUnnulingAt?: number }>(req.body === undefined ? { ...req, body: {} } : req, {
        comment: 'string',
        automatedUnnulingAt: 'number',
      });
      const hours = body.automatedUnnulingAt;
      if (hours !== undefined && (!Number.isInteger(hours) || hours < 1 || hours > 17_520))
        throw badRequest({ automatedUnnulingAt: ['This value should be between 1 and 17520 hours.'] });
      comment = body.comment ?? rule.defaultComment;
      if (hours !== undefined) automatedUnnullingAt = rule.unnullingTime(Date.now() + hours * 3_600_000);
    }
    if (rule.publicIpv4Only) {
      if (ip.version !== 4) throw badRequest({ ip: ['Only IPv4 addresses can be null routed.'] });
      // Internal addresses are not in ipMgmt, which keeps the null-route history: public only.
      if (ip.networkType !== 'PUBLIC') throw badRequest({ ip: ['Only public IPs can be null routed.'] });
    }
    if (ip.nullRouted) throw badRequest({ ip: ['This IP is already null routed.'] });
    nullRouteIp(req.data.ipManagement, ip, { comment, automatedUnnullingAt });
    owner.afterNullRoute?.(req, record);
    return ok(owner.view(ip), rule.status);
  }

  function removeIpNullRoute(req: EmulatorRequest<D>) {
    const { record, ip } = find(req);
    if (!removeNullRoute(req.data.ipManagement, ip)) throw badRequest({ ip: ['This IP is not null routed.'] });
    owner.afterNullRoute?.(req, record);
    return ok(owner.view(ip), owner.nullRoute.status);
  }

  function nullRouteHistory(req: EmulatorRequest<D>) {
    const id = owner.id(owner.find(req));
    const ipm = req.data.ipManagement;
    const history = ipm.nullRoutes
      .filter((n) => n.equipmentId === id)
      .map((n) => ({
        automatedUnnullingAt: n.automatedUnnullingAt,
        comment: n.comment,
        ip: `${n.ip}/${ipm.ips.get(n.ip)?.prefixLength ?? (n.ip.includes(':') ? 128 : 32)}`,
        nullLevel: n.nullLevel,
        nulledAt: n.nulledAt,
        ticketId: n.ticketId,
      }));
    return paginate(req, history, 'nullRoutes');
  }

  add(owner.ops.list, 'GET', '/ips', listIps);
  add(owner.ops.get, 'GET', '/ips/{ip}', getIp);
  add(owner.ops.update, 'PUT', '/ips/{ip}', updateIp);
  add(owner.ops.nullRoute, 'POST', '/ips/{ip}/null', nullRoute);
  add(owner.ops.removeNullRoute, 'POST', '/ips/{ip}/unnull', removeIpNullRoute);
  add(owner.ops.nullRouteHistory, 'GET', '/nullRouteHistory', nullRouteHistory);
  return routes;
}
