import type { AutoScalingGroup } from '../../datasources/types/public-cloud-auto-scaling-groups.js';
import { badRequest, notFound } from '../http.js';
import type { LoadBalancersDataset, TargetGroupRecord } from '../load-balancers/data.js';
import { Rng } from '../prng.js';
import { allImages, createInstance, instanceIpRecords, isoTime, toInstanceIp, type InstanceRecord } from '../public-cloud/data.js';
import { instanceTypeIn } from '../public-cloud/catalogues.js';
import type { DatasetSpec, EmulatorRequest } from '../types.js';

/**
 * An auto scaling group and what the API keeps for it. `group` is the list's shape and the
 * very object instances and load balancers embed as `autoScalingGroup`, so a change shows
 * everywhere at once; the detail adds `targetGroups`.
 */
export interface AutoScalingGroupRecord {
  group: AutoScalingGroup;
  /** The instance the group's instances are made from. */
  sourceInstanceId: string;
  /** The instances it made (AUTO_SCALED_INSTANCE), oldest first. */
  instanceIds: string[];
  /** The target groups its instances are registered with, in registration order. */
  targetGroupIds: string[];
}

export interface AutoScalingGroupsData {
  groups: Map<string, AutoScalingGroupRecord>;
}

/** Reads instances (sources and members), target groups (registrations) and load balancers. */
export type AutoScalingGroupsDataset = LoadBalancersDataset & { autoScalingGroups: AutoScalingGroupsData };
export type AutoScalingGroupsRequest = EmulatorRequest<AutoScalingGroupsDataset>;

export function createAutoScalingGroupsData(): AutoScalingGroupsData {
  return { groups: new Map() };
}

export function findGroup(req: AutoScalingGroupsRequest): AutoScalingGroupRecord {
  const r = req.data.autoScalingGroups.groups.get(req.params.autoScalingGroupId!);
  if (!r) throw notFound('auto scaling group');
  return r;
}

/** A 400 about the group's state, on its id (as Public Cloud answers). */
export const refused = (message: string) => badRequest({ autoScalingGroupId: [message] }, message);

/** GET /autoScalingGroups/{id}: the group with the target groups it is registered with (whole objects). */
export function groupDetail(d: AutoScalingGroupsDataset, r: AutoScalingGroupRecord) {
  const targetGroups = r.targetGroupIds.flatMap((id) => {
    const g = d.loadBalancers.targetGroups.get(id);
    return g ? [g.group] : [];
  });
  return { ...r.group, targetGroups };
}

/** GET /autoScalingGroups/{id}/instances: as `publicCloud.listAutoScalingGroupInstances.json` (OpenAPI `autoScaledInstance`). */
export function autoScaledInstance(d: AutoScalingGroupsDataset, r: InstanceRecord) {
  const i = r.instance;
  return {
    id: i.id,
    type: i.type,
    resources: i.resources,
    region: i.region,
    reference: i.reference,
    state: i.state,
    productType: i.productType,
    ips: instanceIpRecords(d, r).map((ip) => toInstanceIp(ip, true)),
    hasPrivateNetwork: i.hasPrivateNetwork,
  };
}

/** The group's live instances (terminated ones leave the group). */
export function members(d: AutoScalingGroupsDataset, r: AutoScalingGroupRecord): InstanceRecord[] {
  return r.instanceIds.flatMap((id) => {
    const m = d.publicCloud.instances.get(id);
    return m && m.instance.state !== 'DESTROYING' && m.instance.state !== 'DESTROYED' ? [m] : [];
  });
}

/** How many instances the group runs now: MANUAL its desired amount, CPU_BASED its minimum, SCHEDULED its amount inside its window. */
export function wanted(g: AutoScalingGroup, now = Date.now()): number {
  if (g.type === 'CPU_BASED') return g.minimumAmount ?? 1;
  if (g.type === 'SCHEDULED') {
    const inWindow = g.startsAt && g.endsAt && Date.parse(g.startsAt) <= now && now < Date.parse(g.endsAt);
    return inWindow ? (g.desiredAmount ?? 0) : 0;
  }
  return g.desiredAmount ?? 0;
}

/**
 * Launches or terminates instances until the group runs what it wants; new instances are
 * copies of the source instance and join every target group the group is registered with;
 * terminated ones leave them. The emulator has no clock: scaling is done when it answers.
 */
export function scale(d: AutoScalingGroupsDataset, r: AutoScalingGroupRecord, rng: Rng, now = Date.now()): void {
  const live = members(d, r);
  const want = wanted(r.group, now);
  for (const extra of live.slice(want)) terminate(d, r, extra, now);
  const source = d.publicCloud.instances.get(r.sourceInstanceId);
  if (!source) return;
  for (let n = live.length; n < want; n++) {
    const s = source.instance;
    const image = allImages(d).find((img) => img.id === s.image.id);
    const type = instanceTypeIn(s.region, s.type);
    if (!image || !type) return;
    const created = createInstance(d, {
      id: rng.uuid(),
      region: s.region,
      type,
      image,
      reference: `${r.group.reference}-${r.instanceIds.length + 1}`,
      contract: { ...s.contract, type: 'HOURLY', term: 0, billingFrequency: 1, endsAt: null, createdAt: isoTime(now), state: 'ACTIVE' },
      rootDiskSize: s.rootDiskSize,
      rootDiskStorageType: s.rootDiskStorageType,
      marketAppId: s.marketAppId,
      hasUserData: s.hasUserData,
      withPublicIp: true,
      state: 'RUNNING',
      startedAt: isoTime(now + 16_000),
      contractId: String(rng.int(10_000_000, 99_999_999)),
      ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
    });
    created.instance.productType = 'AUTO_SCALED_INSTANCE';
    created.instance.autoScalingGroup = r.group;
    r.instanceIds.push(created.instance.id);
    for (const id of r.targetGroupIds) d.loadBalancers.targetGroups.get(id)?.targets.push(created.instance.id);
  }
}

/** An instance leaving its group: destroyed (hourly, so at once) and out of the group's target groups. */
export function terminate(d: AutoScalingGroupsDataset, r: AutoScalingGroupRecord, m: InstanceRecord, now = Date.now()): void {
  m.instance.state = 'DESTROYED';
  m.instance.contract = { ...m.instance.contract, state: 'DELETE_SCHEDULED', endsAt: isoTime(now) };
  m.instance.autoScalingGroup = null;
  for (const id of r.targetGroupIds) {
    const g = d.loadBalancers.targetGroups.get(id);
    if (g) g.targets = g.targets.filter((t) => t !== m.instance.id);
  }
}

/** Registers the group's instances with a target group (and future ones, through `scale`). */
export function register(d: AutoScalingGroupsDataset, r: AutoScalingGroupRecord, g: TargetGroupRecord): void {
  r.targetGroupIds.push(g.group.id);
  g.autoScalingGroupIds.push(r.group.id);
  for (const m of members(d, r)) if (!g.targets.includes(m.instance.id)) g.targets.push(m.instance.id);
}

export function deregister(d: AutoScalingGroupsDataset, r: AutoScalingGroupRecord, g: TargetGroupRecord): void {
  r.targetGroupIds = r.targetGroupIds.filter((id) => id !== g.group.id);
  g.autoScalingGroupIds = g.autoScalingGroupIds.filter((id) => id !== r.group.id);
  const mine = new Set(r.instanceIds);
  g.targets = g.targets.filter((t) => !mine.has(t));
}

const EPOCH = Date.UTC(2026, 0, 1);

/**
 * The demo account's auto scaling: a MANUAL group of 2 copies of a running eu-west-3 web
 * instance, registered with that region's web target group (so the shop load balancer
 * forwards to its instances) and embedded in that load balancer, and a CPU_BASED group in
 * eu-central-1 at its minimum of 1, not registered anywhere. Uses an Rng of its own.
 */
export function seedAutoScalingGroups(d: AutoScalingGroupsDataset, spec: DatasetSpec): void {
  const rng = new Rng((spec.seed * 29 + 11) % 2 ** 31 || 1);
  const plans = [
    { region: 'eu-west-3', reference: 'web-autoscale', type: 'MANUAL' as const, tg: 'web-eu-west-3', amounts: { desiredAmount: 2 } },
    {
      region: 'eu-central-1',
      reference: 'api-autoscale',
      type: 'CPU_BASED' as const,
      tg: null,
      amounts: { minimumAmount: 1, maximumAmount: 3, cpuThreshold: 70, warmupTime: 300, cooldownTime: 300 },
    },
  ];
  plans.forEach((plan, k) => {
    const source = [...d.publicCloud.instances.values()].find(
      (r) => r.instance.region === plan.region && r.instance.state === 'RUNNING' && r.instance.productType === 'INSTANCE',
    );
    if (!source) return;
    const at = isoTime(EPOCH - (12 - k * 3) * 86_400_000);
    const record: AutoScalingGroupRecord = {
      group: {
        id: rng.uuid(),
        type: plan.type,
        state: 'ACTIVE',
        desiredAmount: null,
        minimumAmount: null,
        maximumAmount: null,
        cpuThreshold: null,
        warmupTime: null,
        cooldownTime: null,
        region: plan.region,
        reference: plan.reference,
        createdAt: at,
        updatedAt: at,
        startsAt: null,
        endsAt: null,
        ...plan.amounts,
      },
      sourceInstanceId: source.instance.id,
      instanceIds: [],
      targetGroupIds: [],
    };
    d.autoScalingGroups.groups.set(record.group.id, record);
    const tg = [...d.loadBalancers.targetGroups.values()].find((g) => g.group.name === plan.tg);
    if (tg) register(d, record, tg);
    scale(d, record, rng, EPOCH);
    for (const id of record.instanceIds) {
      const m = d.publicCloud.instances.get(id)!;
      m.instance.contract.createdAt = at;
      d.billables.push({
        productId: 'PUBLIC_CLOUD',
        equipmentId: id,
        contractId: m.contractId,
        reference: m.instance.reference,
        pricePerMonth: Number(instanceTypeIn(plan.region, m.instance.type)?.prices.compute.monthlyPrice ?? 0),
        startDate: at,
        description: `Public Cloud auto scaled instance ${m.instance.type} (${plan.region})`,
      });
    }
    if (tg) {
      const lb = [...d.loadBalancers.balancers.values()].find((b) =>
        b.listeners.some((l) => l.rules.some((x) => x.targetGroupId === tg.group.id)),
      );
      if (lb) lb.lb.autoScalingGroup = record.group;
    }
  });
}
