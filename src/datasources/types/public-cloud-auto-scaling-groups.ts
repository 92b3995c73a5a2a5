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
import type { AutoScalingGroup, Instance } from './public-cloud.js';
import type { TargetGroup } from './public-cloud-load-balancers.js';

export type { AutoScalingGroup, AutoScalingGroupState, AutoScalingGroupType } from './public-cloud.js';

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
