import DataLoader from 'dataloader';
import type { UpstreamSession } from './client.js';
import { byIdLoader, fetchAll } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { InstanceMetrics } from './types/public-cloud.js';
import type {
  Listener,
  ListenerModel,
  LoadBalancer,
  Target,
  TargetGroup,
  TargetGroupHealthCheck,
} from './types/public-cloud-load-balancers.js';

const api = pathUnder('/publicCloud/v1');

export interface LoadBalancerListFilter {
  id?: string | null;
  reference?: string | null;
  ip?: string | null;
  state?: string | null;
  region?: string | null;
  type?: string | null;
  contractType?: string | null;
  contractState?: string | null;
}

export interface LaunchLoadBalancerBody {
  region: string;
  type: string;
  reference?: string;
  contractType: string;
  contractTerm: number;
  billingFrequency: number;
}

export interface ListenerBody {
  protocol?: string;
  port?: number;
  certificate?: { certificate: string; privateKey: string; chain?: string };
  defaultRule?: { targetGroupId: string };
}

/** The eight traffic metrics besides data traffic (the family's): the path segment of each. */
export type LoadBalancerMetric =
  | 'requests'
  | 'requestsPerSecond'
  | 'dataTransferred'
  | 'dataTransferredPerSecond'
  | 'connections'
  | 'connectionsPerSecond'
  | 'responseCodes'
  | 'responseCodesPerSecond';

/**
 * Public Cloud load balancers and their listeners (publicCloud/v1 `/loadBalancers`): one
 * method per REST operation outside the families (IPs, power, data traffic are the
 * families'). A load balancer read twice in a request is fetched once; its listeners are
 * listed whole once per load balancer and request, shared by every field that asks.
 */
export class LoadBalancersAPI {
  private readonly byId = byIdLoader((id: string) => this.upstream.get<LoadBalancer>(api`/loadBalancers/${id}`));
  private readonly listenersOf = new DataLoader<string, ListenerModel[]>((ids) =>
    Promise.all(
      ids.map((id) =>
        fetchAll<Listener>(this.upstream, api`/loadBalancers/${id}/listeners`, 'listeners')
          .then((all) => all.map((l) => ({ ...l, loadBalancerId: id })))
          .catch((e: Error) => e),
      ),
    ),
  );
  private readonly listenerById = byIdLoader(
    ([lb, id]: readonly [string, string]) =>
      this.upstream.get<Listener>(api`/loadBalancers/${lb}/listeners/${id}`).then((l): ListenerModel => ({ ...l, loadBalancerId: lb })),
    ([lb, id]) => `${lb}/${id}`,
  );

  private readonly groupById = byIdLoader((id: string) => this.upstream.get<TargetGroup>(api`/targetGroups/${id}`));
  private readonly targetsOf = new DataLoader<string, Target[]>((ids) =>
    Promise.all(ids.map((id) => fetchAll<Target>(this.upstream, api`/targetGroups/${id}/targets`, 'targets').catch((e: Error) => e))),
  );

  /** Every load balancer and every target group, each list read whole at most once per request (reverse edges). */
  private everyBalancer?: Promise<LoadBalancer[]>;
  private everyGroup?: Promise<TargetGroup[]>;

  constructor(private readonly upstream: UpstreamSession) {}

  /**
   * Every load balancer (the list read whole once per request: ⌈count / 100⌉ calls), for
   * "which load balancers embed or forward to this", which no filter answers. One list for
   * all regions costs fewer calls than one per region while an account has under 100 per region.
   */
  all(): Promise<LoadBalancer[]> {
    return (this.everyBalancer ??= fetchAll<LoadBalancer>(this.upstream, api`/loadBalancers`, 'loadBalancers'));
  }

  /** Every target group (read whole once per request), for "which groups contain this instance". */
  allTargetGroups(): Promise<TargetGroup[]> {
    return (this.everyGroup ??= fetchAll<TargetGroup>(this.upstream, api`/targetGroups`, 'targetGroups'));
  }

  list(window: Window, filter: LoadBalancerListFilter = {}): Promise<Page<LoadBalancer>> {
    return this.upstream
      .get(api`/loadBalancers`, { ...window, ...filter })
      .then((body) => toPage<LoadBalancer>(body, 'loadBalancers', window));
  }

  get(id: string): Promise<LoadBalancer | null> {
    return this.byId.load(id);
  }

  launch(body: LaunchLoadBalancerBody): Promise<LoadBalancer> {
    return this.upstream.post<LoadBalancer>(api`/loadBalancers`, body);
  }

  async update(id: string, changes: Record<string, unknown>): Promise<LoadBalancer> {
    const lb = await this.upstream.put<LoadBalancer>(api`/loadBalancers/${id}`, changes);
    this.forget(id);
    return lb;
  }

  async delete(id: string): Promise<void> {
    await this.upstream.delete(api`/loadBalancers/${id}`);
    this.forget(id);
  }

  /** Every listener of a load balancer (`GET …/listeners`, read whole once per request). */
  listeners(id: string): Promise<ListenerModel[]> {
    return this.listenersOf.load(id);
  }

  /** One listener with its certificates (`GET …/listeners/{id}`); null when it does not exist. */
  listener(lb: string, id: string): Promise<ListenerModel | null> {
    return this.listenerById.load([lb, id]);
  }

  async createListener(lb: string, body: ListenerBody): Promise<ListenerModel> {
    const l = await this.upstream.post<Listener>(api`/loadBalancers/${lb}/listeners`, body);
    this.listenersOf.clear(lb);
    return { ...l, loadBalancerId: lb };
  }

  async updateListener(lb: string, id: string, body: ListenerBody): Promise<ListenerModel> {
    const l = await this.upstream.put<Listener>(api`/loadBalancers/${lb}/listeners/${id}`, body);
    this.listenersOf.clear(lb);
    this.listenerById.clear([lb, id]);
    return { ...l, loadBalancerId: lb };
  }

  async deleteListener(lb: string, id: string): Promise<void> {
    await this.upstream.delete(api`/loadBalancers/${lb}/listeners/${id}`);
    this.listenersOf.clear(lb);
    this.listenerById.clear([lb, id]);
  }

  /** One of the eight traffic metrics, as Leaseweb answers it (one series, or one per class). */
  metric(
    id: string,
    metric: LoadBalancerMetric,
    query: { from: string; to: string; granularity?: string | null },
  ): Promise<RawLoadBalancerMetrics> {
    return this.upstream.get(api`/loadBalancers/${id}/metrics/${metric}`, query);
  }

  // Target groups and their targets.

  targetGroups(window: Window, filter: Record<string, string | number | null | undefined> = {}): Promise<Page<TargetGroup>> {
    return this.upstream
      .get(api`/targetGroups`, { ...window, ...filter })
      .then((body) => toPage<TargetGroup>(body, 'targetGroups', window));
  }

  /** One target group (`GET /targetGroups/{id}`, shared in the request); null when it does not exist. */
  targetGroup(id: string): Promise<TargetGroup | null> {
    return this.groupById.load(id);
  }

  createTargetGroup(body: {
    name: string;
    protocol: string;
    port: number;
    region: string;
    healthCheck?: TargetGroupHealthCheck;
  }): Promise<TargetGroup> {
    return this.upstream.post<TargetGroup>(api`/targetGroups`, body);
  }

  async updateTargetGroup(id: string, body: { name?: string; port?: number; healthCheck?: TargetGroupHealthCheck }): Promise<TargetGroup> {
    const g = await this.upstream.put<TargetGroup>(api`/targetGroups/${id}`, body);
    this.groupById.clear(id).prime(id, g);
    this.everyGroup = undefined;
    return g;
  }

  async deleteTargetGroup(id: string): Promise<void> {
    await this.upstream.delete(api`/targetGroups/${id}`);
    this.groupById.clear(id);
    this.everyGroup = undefined;
  }

  /** Every target of a group (read whole once per group and request: the list carries each target's health and IPs). */
  targets(id: string): Promise<Target[]> {
    return this.targetsOf.load(id);
  }

  async setTargets(id: string, register: boolean, instanceIds: readonly string[]): Promise<void> {
    await this.upstream.post(register ? api`/targetGroups/${id}/registerTargets` : api`/targetGroups/${id}/deregisterTargets`, instanceIds);
    this.targetsOf.clear(id);
  }

  /** Drops the request's reads of a group's targets (an auto scaling group's registration changes them). */
  forgetTargets(targetGroupId: string): void {
    this.targetsOf.clear(targetGroupId);
  }

  forget(id: string): void {
    this.byId.clear(id);
    this.listenersOf.clear(id);
    this.everyBalancer = undefined;
  }
}

/** A traffic metric as Leaseweb answers it: `metrics` is one series, or one per name. */
export interface RawLoadBalancerMetrics {
  _metadata: InstanceMetrics['_metadata'];
  metrics: { values: Array<{ timestamp: string; value: number }>; unit: string } | InstanceMetrics['metrics'];
}
