import DataLoader from 'dataloader';
import type { UpstreamSession } from './client.js';
import { byIdLoader, fetchAll } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type {
  AutoScaledInstance,
  AutoScalingGroup,
  AutoScalingGroupDetails,
  AutoScalingGroupType,
} from './types/public-cloud-auto-scaling-groups.js';

const api = pathUnder('/publicCloud/v1');

export interface AutoScalingGroupListFilter {
  id?: string | null;
  instanceId?: string | null;
  type?: string | null;
  region?: string | null;
  reference?: string | null;
  state?: string | null;
}

/** The settings a group has; which ones a type takes is Leaseweb's to check (it answers 400). */
export interface AutoScalingGroupSettings {
  desiredAmount?: number;
  minimumAmount?: number;
  maximumAmount?: number;
  cpuThreshold?: number;
  warmupTime?: number;
  cooldownTime?: number;
  startsAt?: string;
  endsAt?: string;
  reference?: string;
}

export interface CreateAutoScalingGroupBody extends AutoScalingGroupSettings {
  instanceId: string;
  reference: string;
  type: AutoScalingGroupType;
}

/**
 * Public Cloud auto scaling groups (publicCloud/v1 `/autoScalingGroups`): one method per
 * REST operation. Per request: a group's detail is read once, its instances are listed
 * whole once, and all groups are listed whole at most once (for "which groups are
 * registered with this target group", which no filter answers).
 */
export class AutoScalingGroupsAPI {
  private readonly byId = byIdLoader((id: string) => this.upstream.get<AutoScalingGroupDetails>(api`/autoScalingGroups/${id}`));
  private readonly instancesOf = new DataLoader<string, AutoScaledInstance[]>((ids) =>
    Promise.all(
      ids.map((id) =>
        fetchAll<AutoScaledInstance>(this.upstream, api`/autoScalingGroups/${id}/instances`, 'instances').catch((e: Error) => e),
      ),
    ),
  );
  private everyGroup?: Promise<AutoScalingGroup[]>;

  constructor(private readonly upstream: UpstreamSession) {}

  list(window: Window, filter: AutoScalingGroupListFilter = {}): Promise<Page<AutoScalingGroup>> {
    return this.upstream
      .get(api`/autoScalingGroups`, { ...window, ...filter })
      .then((body) => toPage<AutoScalingGroup>(body, 'autoScalingGroups', window));
  }

  /** The group with its target groups (`GET /autoScalingGroups/{id}`); null when it does not exist. */
  get(id: string): Promise<AutoScalingGroupDetails | null> {
    return this.byId.load(id);
  }

  /**
   * Every group (the list read whole once per request: ⌈count / 100⌉ calls), for "which
   * groups are registered with this target group", which no filter answers.
   */
  all(): Promise<AutoScalingGroup[]> {
    return (this.everyGroup ??= fetchAll<AutoScalingGroup>(this.upstream, api`/autoScalingGroups`, 'autoScalingGroups'));
  }

  /** The group's instances, as the group lists them (a short shape: see the type). */
  instances(id: string): Promise<AutoScaledInstance[]> {
    return this.instancesOf.load(id);
  }

  async create(body: CreateAutoScalingGroupBody): Promise<AutoScalingGroupDetails> {
    const group = await this.upstream.post<AutoScalingGroupDetails>(api`/autoScalingGroups`, body);
    this.everyGroup = undefined;
    return group;
  }

  async update(id: string, changes: AutoScalingGroupSettings): Promise<AutoScalingGroupDetails> {
    const group = await this.upstream.put<AutoScalingGroupDetails>(api`/autoScalingGroups/${id}`, changes);
    this.forget(id);
    this.byId.prime(id, group);
    return group;
  }

  async delete(id: string): Promise<void> {
    await this.upstream.delete(api`/autoScalingGroups/${id}`);
    this.forget(id);
  }

  /** Registers (or deregisters) the group's instances with a target group; answers the group. */
  async setTargetGroup(id: string, register: boolean, targetGroupId: string): Promise<AutoScalingGroupDetails> {
    const path = register ? api`/autoScalingGroups/${id}/registerTargetGroup` : api`/autoScalingGroups/${id}/deregisterTargetGroup`;
    const group = await this.upstream.post<AutoScalingGroupDetails>(path, { targetGroupId });
    this.forget(id);
    this.byId.prime(id, group);
    return group;
  }

  /** Drops what the request read of a group after a write (the list of every group too). */
  forget(id: string): void {
    this.byId.clear(id);
    this.instancesOf.clear(id);
    this.everyGroup = undefined;
  }
}
