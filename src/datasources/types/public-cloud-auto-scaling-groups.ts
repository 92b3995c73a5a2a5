/**
 * Upstream shapes of Public Cloud auto scaling groups (publicCloud/v1 `/autoScalingGroups`),
 * from the reference, its samples (`publicCloud.getAutoScalingGroupList.json`,
 * `…getAutoScalingGroupDetails.json`, `…listAutoScalingGroupInstances.json`) and the OpenAPI
 * document (`autoScalingGroup`, `autoScalingGroupDetails`, `autoScaledInstance`).
 *
 * Quirks recorded here:
 * - the list item (and the copy instances and load balancers embed as `autoScalingGroup`)
 *   has no `targetGroups`; the detail, create, update and (de)register answers have them as
 *   whole target group objects;
 * - the group's instances are a short shape (`autoScaledInstance`): no image, contract,
 *   dates or disk, so anything more about them is `GET /instances/{id}`.
 */
import type { Page } from '../page.js';
import type { Instance } from './public-cloud.js';
import type { TargetGroup } from './public-cloud-load-balancers.js';

export type AutoScalingGroupType = 'MANUAL' | 'SCHEDULED' | 'CPU_BASED';
export type AutoScalingGroupState = 'ACTIVE' | 'CREATING' | 'CREATED' | 'DESTROYED' | 'DESTROYING' | 'SCALING' | 'UPDATING';

/** A group as lists answer it and as instances and load balancers embed it. */
export interface AutoScalingGroup {
  id: string;
  type: AutoScalingGroupType;
  state: AutoScalingGroupState;
  desiredAmount: number | null;
  minimumAmount: number | null;
  maximumAmount: number | null;
  cpuThreshold: number | null;
  warmupTime: number | null;
  cooldownTime: number | null;
  region: string;
  reference: string;
  createdAt: string;
  updatedAt: string;
  startsAt: string | null;
  endsAt: string | null;
}

/** `GET /autoScalingGroups/{id}` and the write answers: the group with its target groups. */
export interface AutoScalingGroupDetails extends AutoScalingGroup {
  targetGroups: TargetGroup[];
}

/** An item of `GET /autoScalingGroups/{id}/instances` (OpenAPI `autoScaledInstance`): an instance's short shape. */
export type AutoScaledInstance = Pick<
  Instance,
  'id' | 'type' | 'resources' | 'region' | 'reference' | 'state' | 'productType' | 'ips' | 'hasPrivateNetwork'
>;

/** A group as resolvers see it: from a list (no `targetGroups`) or from its detail. */
export type AutoScalingGroupModel = AutoScalingGroup & { targetGroups?: TargetGroup[] };
export type AutoScalingGroupPage = Page<AutoScalingGroupModel>;
