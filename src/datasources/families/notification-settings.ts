import type { UpstreamSession } from '../client.js';
import { orNull } from '../loaders.js';
import { toPage, type Page, type Window } from '../page.js';
import type { DdosNotificationSettings, NotificationSetting } from '../types/dedicated-servers.js';
import { ownerPath, type OwnerRef } from './owners.js';

export type NotificationKind = 'bandwidth' | 'datatraffic';

export interface NotificationSettingInput {
  frequency: string;
  threshold: string;
  unit: string;
}

const itemsKey = (kind: NotificationKind) => (kind === 'bandwidth' ? 'bandwidthNotificationSettings' : 'datatrafficNotificationSettings');

/**
 * The notification-settings family (`…/{owner}/{id}/notificationSettings/{kind}[/{id}]`
 * and `…/ddos`) for every owner in the owner table.
 */
export class NotificationSettingsAPI {
  constructor(private readonly upstream: UpstreamSession) {}

  list(ref: OwnerRef, kind: NotificationKind, window: Window): Promise<Page<NotificationSetting>> {
    return this.upstream
      .get(ownerPath(ref)`/notificationSettings/${kind}`, { ...window })
      .then((body) => toPage<NotificationSetting>(body, itemsKey(kind), window));
  }

  get(ref: OwnerRef, kind: NotificationKind, settingId: string): Promise<NotificationSetting | null> {
    return orNull(this.upstream.get(ownerPath(ref)`/notificationSettings/${kind}/${settingId}`));
  }

  create(ref: OwnerRef, kind: NotificationKind, input: NotificationSettingInput): Promise<NotificationSetting> {
    return this.upstream.post(ownerPath(ref)`/notificationSettings/${kind}`, input);
  }

  /**
   * The documented answer of the update is the changed fields only (`{ frequency,
   * threshold, unit }`, no `id`): the id the caller named is put back on it.
   */
  async update(ref: OwnerRef, kind: NotificationKind, settingId: string, input: NotificationSettingInput): Promise<NotificationSetting> {
    const answer = await this.upstream.put<Partial<NotificationSetting> | undefined>(
      ownerPath(ref)`/notificationSettings/${kind}/${settingId}`,
      input,
    );
    return { actions: [], ...input, ...answer, id: answer?.id ?? settingId } as NotificationSetting;
  }

  async delete(ref: OwnerRef, kind: NotificationKind, settingId: string): Promise<void> {
    await this.upstream.delete(ownerPath(ref)`/notificationSettings/${kind}/${settingId}`);
  }

  ddos(ref: OwnerRef): Promise<DdosNotificationSettings> {
    return this.upstream.get(ownerPath(ref)`/notificationSettings/ddos`);
  }

  async updateDdos(ref: OwnerRef, changes: Partial<DdosNotificationSettings>): Promise<void> {
    await this.upstream.put(ownerPath(ref)`/notificationSettings/ddos`, changes);
  }
}
