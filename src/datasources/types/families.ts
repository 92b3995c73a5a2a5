import type { NotificationKind } from '../families/notification-settings.js';
import type { OwnerRef } from '../families/owners.js';
import type { Page } from '../page.js';
import type { Credential, DdosNotificationSettings, NotificationSetting } from './dedicated-servers.js';

// The family objects as resolvers see them: Leaseweb's shape plus the owner it was read
// from, which their global ids (and `equipment` fields) need; Leaseweb's answers leave it out.

/** A credential and the equipment that stores it. */
export interface CredentialModel extends Credential {
  owner: OwnerRef;
}
export type CredentialModelPage = Page<CredentialModel>;

/** A bandwidth or data traffic alert, its owner and its kind (Leaseweb's path segment). */
export interface NotificationSettingModel extends NotificationSetting {
  owner: OwnerRef;
  kind: NotificationKind;
}
export type NotificationSettingModelPage = Page<NotificationSettingModel>;

/** An owner's DDoS notification settings (one set per owner). */
export interface DdosNotificationSettingsModel extends DdosNotificationSettings {
  owner: OwnerRef;
}
