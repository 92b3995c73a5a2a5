import { randomUUID } from 'node:crypto';
import {
  CREDENTIAL_TYPES as ALL_CREDENTIAL_TYPES,
  type CredentialType,
  type NotificationSetting,
  type ServerJob,
} from '../../datasources/types/dedicated-servers.js';
import { ApiError, badRequest, boolParam, noContent, notFound, nowIso, ok, paginate, requireParam, validateBody } from '../http.js';
import type { Route } from '../types.js';
import type { ServersDataset, ServersRequest as EmulatorRequest } from './data.js';
import { findServer, notification, type ServerRecord } from './data.js';
import { controlPanelsFor, operatingSystems, rescueImages } from './catalogues.js';

/** The credential types bareMetals equipment stores: every one. */
export const CREDENTIAL_TYPES: readonly CredentialType[] = ALL_CREDENTIAL_TYPES;
const BASE = '/bareMetals/v2';

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
    payload: {
      fileserverBaseUrl: '',
      isUnassignedServer: false,
      jobType: type,
      serverId: record.server.id,
      pop: record.server.location.site,
      ...payload,
    },
    progress: { canceled: 0, expired: 0, failed: 0, finished: 0, inprogress: 1, pending: 3, percentage: 0, total: 4, waiting: 0 },
    tasks: [
      {
        description: type,
        errorMessage: null,
        flow: 'tasks',
        onError: 'break',
        status: 'PENDING',
        statusTimestamps: { PENDING: now, WAITING: now },
        uuid: randomUUID(),
      },
    ],
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

function launchScanOrReset(req: EmulatorRequest, type: 'hardwareScan' | 'ipmiReset') {
  const body = validateBody<{ powerCycle?: boolean; callbackUrl?: string }>(req, callbackRules);
  // powerCycle defaults to true, as documented.
  const extra = type === 'ipmiReset' ? { hasPublicIpmiIp: false } : {};
  return ok(startJob(req, type, { ...extra, powerCycle: body.powerCycle ?? true }), 202);
}

// Jobs.
function listServerJobs(req: EmulatorRequest) {
  const type = req.query.get('type');
  const status = req.query.get('status');
  const running = boolParam(req, 'isRunning');
  const jobs = findServer(req)
    .jobs.filter((j) => !type || j.type === type)
    .filter((j) => !status || j.status === status)
    .filter((j) => running === undefined || j.isRunning === running)
    // The list leaves out a job's tasks and metadata; GET /jobs/{jobId} has them.
    .map(({ tasks: _tasks, metadata: _metadata, ...summary }) => summary);
  return paginate(req, jobs, 'jobs');
}

function showServerJob(req: EmulatorRequest) {
  const job = findServer(req).jobs.find((j) => j.uuid === req.params.jobId);
  if (!job) throw notFound('job');
  return ok(job);
}

function retryServerJob(req: EmulatorRequest) {
  const record = findServer(req);
  const job = record.jobs.find((j) => j.uuid === req.params.jobId);
  if (!job) throw notFound('job');
  if (job.isRunning) throw badRequest({ jobId: ['Only a job that is not running can be retried.'] });
  return ok(startJob(req, job.type, job.payload));
}

function cancelActiveJob(req: EmulatorRequest) {
  return ok(stopActiveJob(req, 'CANCELED'));
}

function expireActiveJob(req: EmulatorRequest) {
  return ok(stopActiveJob(req, 'EXPIRED'));
}

function launchInstallation(req: EmulatorRequest) {
  const body = validateBody<{ operatingSystemId: string; controlPanelId?: string }>(
    req,
    {
      ...callbackRules,
      controlPanelId: 'string',
      device: 'string',
      hostname: 'string',
      operatingSystemId: 'string',
      partitions: 'array',
      password: 'string',
      postInstallScript: 'string',
      raid: 'object',
      sshKeys: 'string',
      timezone: 'string',
    },
    ['operatingSystemId'],
  );
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
}

function launchRescueMode(req: EmulatorRequest) {
  const body = validateBody<{ rescueImageId: string; password?: string; powerCycle?: boolean }>(
    req,
    {
      ...callbackRules,
      password: 'string',
      postInstallScript: 'string',
      rescueImageId: 'string',
      sshKeys: 'string',
    },
    ['rescueImageId'],
  );
  if (!rescueImages.some((r) => r.id === body.rescueImageId)) throw badRequest({ rescueImageId: ['Unknown rescue image.'] });
  const job = startJob(req, 'rescueMode', { rescueImageId: body.rescueImageId, powerCycle: body.powerCycle ?? true });
  storeCredential(findServer(req), 'RESCUE_MODE', 'root', body.password);
  return ok(job, 202);
}

function launchHardwareScan(req: EmulatorRequest) {
  return launchScanOrReset(req, 'hardwareScan');
}

function launchIpmiReset(req: EmulatorRequest) {
  return launchScanOrReset(req, 'ipmiReset');
}

// DHCP reservations (leases).
function listDhcpReservations(req: EmulatorRequest) {
  const { leases } = findServer(req);
  return ok({ _metadata: { limit: leases.length, offset: 0, totalCount: leases.length }, leases });
}

function createDhcpReservation(req: EmulatorRequest) {
  const record = findServer(req);
  const body = validateBody<{ bootfile: string; hostname?: string }>(req, { bootfile: 'string', hostname: 'string' }, ['bootfile']);
  // Reservations are for the public interface only, as the reference says of the list.
  const pub = record.server.networkInterfaces.public;
  const [address = '', prefix = '32'] = (pub.ip ?? '').split('/');
  const now = nowIso();
  record.leases = [
    {
      ip: address,
      mac: pub.mac ?? '',
      gateway: pub.gateway ?? '',
      netmask: netmask(Number(prefix)),
      hostname: body.hostname ?? record.server.contract.reference ?? record.server.id,
      bootfile: body.bootfile,
      site: record.server.location.site,
      createdAt: now,
      updatedAt: now,
      lastClientRequest: { relayAgent: null, type: 'DHCP_REQUEST', userAgent: 'iPXE' },
    },
  ];
  return noContent();
}

function deleteDhcpReservation(req: EmulatorRequest) {
  findServer(req).leases = [];
  return noContent();
}

export const operationRoutes: Array<Route<ServersDataset>> = [
  { id: 'dedicatedServers.listServerJobs', method: 'GET', path: `${BASE}/servers/{serverId}/jobs`, handler: listServerJobs },
  { id: 'dedicatedServers.showServerJob', method: 'GET', path: `${BASE}/servers/{serverId}/jobs/{jobId}`, handler: showServerJob },
  { id: 'dedicatedServers.retryServerJob', method: 'POST', path: `${BASE}/servers/{serverId}/jobs/{jobId}/retry`, handler: retryServerJob },
  { id: 'dedicatedServers.cancelActiveJob', method: 'POST', path: `${BASE}/servers/{serverId}/cancelActiveJob`, handler: cancelActiveJob },
  { id: 'dedicatedServers.expireActiveJob', method: 'POST', path: `${BASE}/servers/{serverId}/expireActiveJob`, handler: expireActiveJob },
  { id: 'dedicatedServers.launchInstallation', method: 'POST', path: `${BASE}/servers/{serverId}/install`, handler: launchInstallation },
  { id: 'dedicatedServers.launchRescueMode', method: 'POST', path: `${BASE}/servers/{serverId}/rescueMode`, handler: launchRescueMode },
  {
    id: 'dedicatedServers.launchHardwareScan',
    method: 'POST',
    path: `${BASE}/servers/{serverId}/hardwareScan`,
    handler: launchHardwareScan,
  },
  { id: 'dedicatedServers.launchIpmiReset', method: 'POST', path: `${BASE}/servers/{serverId}/ipmiReset`, handler: launchIpmiReset },
  { id: 'dedicatedServers.listDhcpReservations', method: 'GET', path: `${BASE}/servers/{serverId}/leases`, handler: listDhcpReservations },
  {
    id: 'dedicatedServers.createDhcpReservation',
    method: 'POST',
    path: `${BASE}/servers/{serverId}/leases`,
    handler: createDhcpReservation,
  },
  {
    id: 'dedicatedServers.deleteDhcpReservation',
    method: 'DELETE',
    path: `${BASE}/servers/{serverId}/leases`,
    handler: deleteDhcpReservation,
  },
];
