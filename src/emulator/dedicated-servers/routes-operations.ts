import { randomUUID } from 'node:crypto';
import type { CredentialType, NotificationSetting, ServerJob } from '../../datasources/types/dedicated-servers.js';
import { ApiError, badRequest, boolParam, noContent, notFound, nowIso, ok, paginate, requireParam, validateBody } from '../http.js';
import type { EmulatorRequest, Router } from '../router.js';
import { findServer, notification, type ServerRecord } from './data.js';
import { controlPanelsFor, operatingSystems, rescueImages } from './catalogues.js';

const CREDENTIAL_TYPES: CredentialType[] = [
  'OPERATING_SYSTEM', 'CONTROL_PANEL', 'REMOTE_MANAGEMENT', 'RESCUE_MODE', 'SWITCH', 'PDU', 'FIREWALL',
  'LOAD_BALANCER', 'VNC', 'TEMPORARY_OPERATING_SYSTEM', 'VPN_USER', 'COMBINATION_LOCK', 'DATABASE',
];
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
const GRANULARITIES: Record<string, number> = { '5MIN': 300, HOUR: 3600, DAY: 86_400, WEEK: 604_800, MONTH: 2_592_000, YEAR: 31_536_000 };

function credentialType(req: EmulatorRequest): CredentialType {
  const type = req.params.type as CredentialType;
  if (!CREDENTIAL_TYPES.includes(type)) throw badRequest({ type: [`The value should be one of: ${CREDENTIAL_TYPES.join(', ')}.`] });
  return type;
}

function activeJob(record: ServerRecord): ServerJob | undefined {
  return record.jobs.find((j) => j.isRunning);
}

function startJob(req: EmulatorRequest, type: string, payload: Record<string, unknown>): ServerJob {
  const record = findServer(req);
  if (activeJob(record)) throw new ApiError(409, 'This server already has an active job.', undefined, 'ACTIVE_JOB_EXISTS');
  const now = nowIso();
  const job: ServerJob = {
    uuid: randomUUID(),
    serverId: record.server.id,
    type,
    status: 'ACTIVE',
    isRunning: true,
    flow: 'tasks',
    node: `${record.server.networkInterfaces.public.mac}!${record.server.serialNumber}`,
    createdAt: now,
    updatedAt: now,
    metadata: {},
    payload: { fileserverBaseUrl: '', isUnassignedServer: false, jobType: type, serverId: record.server.id, pop: record.server.location.site, ...payload },
    progress: { canceled: 0, expired: 0, failed: 0, finished: 0, inprogress: 1, pending: 3, percentage: 0, total: 4, waiting: 0 },
    tasks: [{ description: type, errorMessage: null, flow: 'tasks', onError: 'break', status: 'PENDING', statusTimestamps: { PENDING: now, WAITING: now }, uuid: randomUUID() }],
  };
  record.jobs.unshift(job);
  return job;
}

function stopActiveJob(req: EmulatorRequest, status: 'CANCELED' | 'EXPIRED'): ServerJob {
  const job = activeJob(findServer(req));
  if (!job) throw notFound('active job');
  const now = nowIso();
  job.status = status;
  job.isRunning = false;
  job.flow = '#stop';
  job.updatedAt = now;
  job.progress = { ...job.progress, inprogress: 0, pending: 0, [status === 'CANCELED' ? 'canceled' : 'expired']: 1 };
  // The tasks that had not finished stop with the job, as in the reference's sample.
  for (const task of job.tasks ?? []) {
    if (task.status === 'FINISHED') continue;
    task.status = status;
    task.statusTimestamps = { ...task.statusTimestamps, [status]: now };
    task.errorMessage = `The job was ${status.toLowerCase()} by the api consumer`;
  }
  return job;
}

function settings(req: EmulatorRequest, kind: string): NotificationSetting[] {
  const record = findServer(req);
  return kind === 'bandwidth' ? record.bandwidthSettings : record.datatrafficSettings;
}

function findSetting(req: EmulatorRequest, kind: string): NotificationSetting {
  const setting = settings(req, kind).find((s) => s.id === req.params.notificationSettingId);
  if (!setting) throw notFound('notification setting');
  return setting;
}

/** `2026-01-01T00:00:00Z`, as the reference writes metric times. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Stores (or replaces) the password a job set, as the credentials API keeps it. */
function storeCredential(record: ServerRecord, type: CredentialType, username: string, password: string | undefined): void {
  const secret = password ?? randomUUID().replace(/-/g, '').slice(0, 16);
  const existing = record.credentials.find((c) => c.type === type && c.username === username);
  if (existing) existing.password = secret;
  else record.credentials.push({ type, username, password: secret });
}

/** A dotted netmask for a prefix length (`26` → `255.255.255.192`). */
function netmask(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (bits >>> shift) & 0xff).join('.');
}

const callbackRules = { callbackUrl: 'string', powerCycle: 'boolean' } as const;

export function registerServerOperations(router: Router, BASE: string): void {
  // Jobs.
  router.get(`${BASE}/servers/:serverId/jobs`, (req) => {
    const type = req.query.get('type');
    const status = req.query.get('status');
    const running = boolParam(req, 'isRunning');
    const jobs = findServer(req).jobs
      .filter((j) => !type || j.type === type)
      .filter((j) => !status || j.status === status)
      .filter((j) => running === undefined || j.isRunning === running)
      // The list leaves out a job's tasks and metadata; GET /jobs/{jobId} has them.
      .map(({ tasks: _tasks, metadata: _metadata, ...summary }) => summary);
    return paginate(req, jobs, 'jobs');
  });
  router.get(`${BASE}/servers/:serverId/jobs/:jobId`, (req) => {
    const job = findServer(req).jobs.find((j) => j.uuid === req.params.jobId);
    if (!job) throw notFound('job');
    return ok(job);
  });
  router.post(`${BASE}/servers/:serverId/jobs/:jobId/retry`, (req) => {
    const record = findServer(req);
    const job = record.jobs.find((j) => j.uuid === req.params.jobId);
    if (!job) throw notFound('job');
    if (job.isRunning) throw badRequest({ jobId: ['Only a job that is not running can be retried.'] });
    return ok(startJob(req, job.type, job.payload));
  });
  router.post(`${BASE}/servers/:serverId/cancelActiveJob`, (req) => ok(stopActiveJob(req, 'CANCELED')));
  router.post(`${BASE}/servers/:serverId/expireActiveJob`, (req) => ok(stopActiveJob(req, 'EXPIRED')));

  router.post(`${BASE}/servers/:serverId/install`, (req) => {
    const body = validateBody<{ operatingSystemId: string; controlPanelId?: string }>(req, {
      ...callbackRules, controlPanelId: 'string', device: 'string', hostname: 'string', operatingSystemId: 'string',
      partitions: 'array', password: 'string', postInstallScript: 'string', raid: 'object', sshKeys: 'string', timezone: 'string',
    }, ['operatingSystemId']);
    const os = operatingSystems.find((o) => o.id === body.operatingSystemId);
    if (!os) throw badRequest({ operatingSystemId: ['Unknown operating system.'] });
    if (body.controlPanelId && !controlPanelsFor(os.id).some((c) => c.id === body.controlPanelId)) {
      throw badRequest({ controlPanelId: ['This control panel cannot be installed on this operating system.'] });
    }
    const { password, ...given } = body as Record<string, unknown> & { password?: string };
    const job = startJob(req, 'install', {
      configurable: os.configurable,
      device: os.defaults!.device,
      numberOfDisks: null,
      partitions: os.defaults!.partitions,
      powerCycle: true,
      raidLevel: null,
      timezone: 'UTC',
      ...given,
      os: { architecture: os.architecture, family: os.family, name: os.name, type: os.type, version: os.version },
    });
    // "During (re)installations, rescue modes and ipmi resets the newly generated passwords are stored."
    storeCredential(findServer(req), 'OPERATING_SYSTEM', os.type === 'windows' ? 'Administrator' : 'root', password);
    return ok(job, 202);
  });
  router.post(`${BASE}/servers/:serverId/rescueMode`, (req) => {
    const body = validateBody<{ rescueImageId: string; password?: string; powerCycle?: boolean }>(req, {
      ...callbackRules, password: 'string', postInstallScript: 'string', rescueImageId: 'string', sshKeys: 'string',
    }, ['rescueImageId']);
    if (!rescueImages.some((r) => r.id === body.rescueImageId)) throw badRequest({ rescueImageId: ['Unknown rescue image.'] });
    const job = startJob(req, 'rescueMode', { rescueImageId: body.rescueImageId, powerCycle: body.powerCycle ?? true });
    storeCredential(findServer(req), 'RESCUE_MODE', 'root', body.password);
    return ok(job, 202);
  });
  for (const type of ['hardwareScan', 'ipmiReset'] as const) {
    router.post(`${BASE}/servers/:serverId/${type}`, (req) => {
      const body = validateBody<{ powerCycle?: boolean; callbackUrl?: string }>(req, callbackRules);
      // powerCycle defaults to true, as documented.
      const extra = type === 'ipmiReset' ? { hasPublicIpmiIp: false } : {};
      return ok(startJob(req, type, { ...extra, powerCycle: body.powerCycle ?? true }), 202);
    });
  }

  // Credentials.
  router.get(`${BASE}/servers/:serverId/credentials`, (req) =>
    paginate(req, findServer(req).credentials.map(({ type, username }) => ({ type, username })), 'credentials'),
  );
  router.post(`${BASE}/servers/:serverId/credentials`, (req) => {
    const record = findServer(req);
    const body = validateBody<{ type: CredentialType; username: string; password: string }>(
      req, { type: CREDENTIAL_TYPES, username: 'string', password: 'string' }, ['type', 'username', 'password'],
    );
    if (record.credentials.some((c) => c.type === body.type && c.username === body.username)) {
      throw badRequest({ username: ['A credential of this type with this username already exists.'] });
    }
    const credential = { type: body.type, username: body.username, password: body.password };
    record.credentials.push(credential);
    return ok(credential);
  });
  router.get(`${BASE}/servers/:serverId/credentials/:type`, (req) => {
    const type = credentialType(req);
    const list = findServer(req).credentials.filter((c) => c.type === type).map(({ type, username }) => ({ type, username }));
    return paginate(req, list, 'credentials');
  });
  const findCredential = (req: EmulatorRequest) => {
    const type = credentialType(req);
    const credential = findServer(req).credentials.find((c) => c.type === type && c.username === req.params.username);
    if (!credential) throw notFound('credential');
    return credential;
  };
  router.get(`${BASE}/servers/:serverId/credentials/:type/:username`, (req) => ok(findCredential(req)));
  router.put(`${BASE}/servers/:serverId/credentials/:type/:username`, (req) => {
    const credential = findCredential(req);
    const body = validateBody<{ password: string }>(req, { password: 'string' }, ['password']);
    credential.password = body.password;
    return ok(credential);
  });
  router.delete(`${BASE}/servers/:serverId/credentials/:type/:username`, (req) => {
    const credential = findCredential(req);
    const record = findServer(req);
    record.credentials = record.credentials.filter((c) => c !== credential);
    return noContent();
  });

  // Notification settings: bandwidth and datatraffic share one shape.
  for (const kind of ['bandwidth', 'datatraffic'] as const) {
    const listKey = kind === 'bandwidth' ? 'bandwidthNotificationSettings' : 'datatrafficNotificationSettings';
    const units = kind === 'bandwidth' ? ['Mbps', 'Gbps'] : ['MB', 'GB', 'TB'];
    const rules = { frequency: FREQUENCIES, threshold: 'string', unit: units } as const;
    const required = ['frequency', 'threshold', 'unit'];
    const checkThreshold = (threshold: string) => {
      if (!/^\d+(\.\d+)?$/.test(threshold) || Number(threshold) <= 0) throw badRequest({ threshold: ['This value should be a positive number.'] });
    };
    router.get(`${BASE}/servers/:serverId/notificationSettings/${kind}`, (req) => paginate(req, settings(req, kind), listKey));
    router.post(`${BASE}/servers/:serverId/notificationSettings/${kind}`, (req) => {
      const list = settings(req, kind);
      const body = validateBody<{ frequency: NotificationSetting['frequency']; threshold: string; unit: string }>(req, rules, required);
      checkThreshold(body.threshold);
      const setting = notification(req.data, body.frequency, body.threshold, body.unit);
      list.push(setting);
      return ok(setting, 201);
    });
    router.get(`${BASE}/servers/:serverId/notificationSettings/${kind}/:notificationSettingId`, (req) => ok(findSetting(req, kind)));
    router.put(`${BASE}/servers/:serverId/notificationSettings/${kind}/:notificationSettingId`, (req) => {
      const setting = findSetting(req, kind);
      const body = validateBody<{ frequency: NotificationSetting['frequency']; threshold: string; unit: string }>(req, rules, required);
      checkThreshold(body.threshold);
      Object.assign(setting, body);
      return ok(setting);
    });
    router.delete(`${BASE}/servers/:serverId/notificationSettings/${kind}/:notificationSettingId`, (req) => {
      const setting = findSetting(req, kind);
      const list = settings(req, kind);
      list.splice(list.indexOf(setting), 1);
      return noContent();
    });
  }
  router.get(`${BASE}/servers/:serverId/notificationSettings/ddos`, (req) => ok(findServer(req).ddos));
  router.put(`${BASE}/servers/:serverId/notificationSettings/ddos`, (req) => {
    const record = findServer(req);
    const body = validateBody<{ nulling?: 'ENABLED' | 'DISABLED'; scrubbing?: 'ENABLED' | 'DISABLED' }>(
      req, { nulling: ['ENABLED', 'DISABLED'], scrubbing: ['ENABLED', 'DISABLED'] },
    );
    record.ddos = { ...record.ddos, ...body };
    return noContent();
  });

  // Power.
  router.get(`${BASE}/servers/:serverId/powerInfo`, (req) => {
    const { power } = findServer(req);
    return ok({ ipmi: { status: power.ipmi }, pdu: { status: power.pdu } });
  });
  router.post(`${BASE}/servers/:serverId/powerOn`, (req) => {
    findServer(req).power.ipmi = 'on';
    return noContent();
  });
  router.post(`${BASE}/servers/:serverId/powerOff`, (req) => {
    findServer(req).power.ipmi = 'off';
    return noContent();
  });
  router.post(`${BASE}/servers/:serverId/powerCycle`, (req) => {
    findServer(req).power.ipmi = 'on';
    return noContent();
  });

  // DHCP reservations (leases).
  router.get(`${BASE}/servers/:serverId/leases`, (req) => {
    const { leases } = findServer(req);
    return ok({ _metadata: { limit: leases.length, offset: 0, totalCount: leases.length }, leases });
  });
  router.post(`${BASE}/servers/:serverId/leases`, (req) => {
    const record = findServer(req);
    const body = validateBody<{ bootfile: string; hostname?: string }>(req, { bootfile: 'string', hostname: 'string' }, ['bootfile']);
    // Reservations are for the public interface only, as the reference says of the list.
    const pub = record.server.networkInterfaces.public;
    const [address = '', prefix = '32'] = (pub.ip ?? '').split('/');
    const now = nowIso();
    record.leases = [{
      ip: address, mac: pub.mac ?? '', gateway: pub.gateway ?? '', netmask: netmask(Number(prefix)),
      hostname: body.hostname ?? record.server.contract.reference ?? record.server.id, bootfile: body.bootfile,
      site: record.server.location.site, createdAt: now, updatedAt: now,
      lastClientRequest: { relayAgent: null, type: 'DHCP_REQUEST', userAgent: 'iPXE' },
    }];
    return noContent();
  });
  router.delete(`${BASE}/servers/:serverId/leases`, (req) => {
    findServer(req).leases = [];
    return noContent();
  });

  // Metrics: a deterministic wave per server, so repeated reads agree.
  for (const kind of ['bandwidth', 'datatraffic'] as const) {
    router.get(`${BASE}/servers/:serverId/metrics/${kind}`, (req) => {
      const { server } = findServer(req);
      const from = Date.parse(requireParam(req, 'from'));
      const to = Date.parse(requireParam(req, 'to'));
      const aggregation = requireParam(req, 'aggregation');
      // "If granularity is omitted from the request, only one metric is returned."
      const granularity = req.query.get('granularity');
      const details: Record<string, string[]> = {};
      if (Number.isNaN(from)) details.from = ['This value is not a valid datetime.'];
      if (Number.isNaN(to)) details.to = ['This value is not a valid datetime.'];
      if (!Number.isNaN(from) && !Number.isNaN(to) && to <= from) details.to = ['This value should be after "from".'];
      const allowed = kind === 'bandwidth' ? ['AVG', '95TH'] : ['SUM'];
      if (!allowed.includes(aggregation)) details.aggregation = [`The value should be one of: ${allowed.join(', ')}.`];
      const step = granularity === null ? (to - from) / 1000 : GRANULARITIES[granularity];
      if (!step) details.granularity = [`The value should be one of: ${Object.keys(GRANULARITIES).join(', ')}.`];
      if (Object.keys(details).length) throw badRequest(details);
      const points = Math.min(500, Math.ceil((to - from) / (step! * 1000)));
      const seed = Number(server.id) % 97;
      const series = (phase: number, scale: number) =>
        Array.from({ length: points }, (_, i) => ({
          timestamp: isoSeconds(from + i * step! * 1000),
          value: Math.round(scale * (1.2 + Math.sin((i + seed + phase) / 3))),
        }));
      const unit = kind === 'bandwidth' ? 'bps' : 'B';
      const scale = kind === 'bandwidth' ? 40_000_000 : 3_000_000_000;
      return ok({
        _metadata: { aggregation, from: isoSeconds(from), granularity, to: isoSeconds(to) },
        metrics: { DOWN_PUBLIC: { unit, values: series(0, scale / 4) }, UP_PUBLIC: { unit, values: series(2, scale) } },
      });
    });
  }
}
