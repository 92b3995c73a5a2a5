import { randomBytes, randomUUID } from 'node:crypto';
import type { InstanceMetrics, MetricSummary, PublicCloudCredentialType } from '../../datasources/types/public-cloud.js';
import { badRequest, boolParam, listParam, noContent, notFound, ok, paginate, validateBody } from '../http.js';
import { nullRouteIp, removeNullRoute, type IpRecord } from '../ip-management/data.js';
import { hashSeed, Rng } from '../prng.js';
import type { EmulatorRequest, Router } from '../router.js';
import { isos, standardImages } from './catalogues.js';
import { findInstance, imageSummary, instanceIpRecords, isoTime, PRIVATE_NETWORK, refused, snapshotTime, toInstanceIp, usable, type InstanceRecord } from './data.js';

const CREDENTIAL_TYPES: PublicCloudCredentialType[] = ['OPERATING_SYSTEM', 'CONTROL_PANEL'];
const CPU_GRANULARITY: Record<string, number> = { '5m': 300, '10m': 600, '30m': 1800, '60m': 3600 };
const MAX_POINTS = 2000;

/** Lists the API answers whole: `_metadata` present, no limit/offset parameters (reference quirk). */
const whole = <T>(key: string, items: T[]) => ok({ _metadata: { totalCount: items.length, limit: items.length, offset: 0 }, [key]: items });

function credentialType(req: EmulatorRequest): PublicCloudCredentialType {
  const type = req.params.type as PublicCloudCredentialType;
  if (!CREDENTIAL_TYPES.includes(type)) throw badRequest({ type: [`The value should be one of: ${CREDENTIAL_TYPES.join(', ')}.`] });
  return type;
}

function findCredential(req: EmulatorRequest, record: InstanceRecord) {
  const type = credentialType(req);
  const credential = record.credentials.find((c) => c.type === type && c.username === req.params.username);
  if (!credential) throw notFound('credential');
  return credential;
}

function instanceIp(req: EmulatorRequest): { record: InstanceRecord; ip: IpRecord } {
  const record = findInstance(req);
  const address = req.params.ip!.split(/[/_]/)[0];
  const ip = instanceIpRecords(req.data, record).find((r) => r.ip === address);
  if (!ip) throw notFound('IP');
  return { record, ip };
}

/** The body of an operation whose body is optional (null route). */
const optionalBody = (req: EmulatorRequest) => (req.body === undefined ? { ...req, body: {} } : req);

/** Reinstall candidates: every standard image and the customer's ready custom images of the instance's region. */
function reinstallImages(req: EmulatorRequest, record: InstanceRecord) {
  const custom = req.data.publicCloud.customImages.filter((i) => i.region === record.instance.region && i.state === 'READY');
  return [...standardImages.map((i) => ({ ...i, region: record.instance.region })), ...custom];
}

function dateParam(req: EmulatorRequest, name: string, fallback: number): number {
  const raw = req.query.get(name);
  if (!raw) return fallback;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(t)) throw badRequest({ [name]: ['This value is not a valid date.'] });
  return t;
}

function interval(req: EmulatorRequest, defaultSpan: number, step: number): { from: number; to: number } {
  const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  const to = dateParam(req, 'to', today);
  const from = dateParam(req, 'from', to - defaultSpan);
  if (to <= from) throw badRequest({ to: ['This value should be greater than from.'] });
  if ((to - from) / step > MAX_POINTS) throw badRequest({ from: [`The interval holds more than ${MAX_POINTS} points; use a coarser granularity.`] });
  return { from, to };
}

/** A series with its summary; values are seeded from the instance id and time, so the same query answers the same. */
function series(id: string, from: number, to: number, step: number, value: (rng: Rng) => number) {
  const values: Array<{ timestamp: string; value: number }> = [];
  for (let t = from; t < to; t += step * 1000) values.push({ timestamp: isoTime(t), value: value(new Rng(hashSeed(`${id}@${t}`))) });
  const total = values.reduce((sum, v) => sum + v.value, 0);
  const peak = values.reduce((best, v) => (v.value > best.value ? v : best), values[0] ?? { value: 0, timestamp: isoTime(from) });
  const average = values.length ? Math.round((total / values.length) * 100) / 100 : 0;
  return { values, total, peak, average };
}

export function registerInstanceOperations(router: Router, BASE: string): void {
  const I = `${BASE}/instances/:instanceId`;

  router.get(`${I}/console`, (req) => {
    const record = findInstance(req);
    // Undocumented answer (the reference has no sample); the spec gives `{ url }`. A console needs a running machine.
    if (record.instance.state !== 'RUNNING') throw refused('The console is only available while the instance is RUNNING.');
    return ok({ url: `https://public-cloud.leaseweb.example/resource/noVNC/vnc.html?autoconnect=true&token=${randomBytes(24).toString('base64url')}` });
  });

  // IPs.
  router.get(`${I}/ips`, (req) => {
    const record = findInstance(req);
    const version = req.query.get('version');
    if (version && version !== '4' && version !== '6') throw badRequest({ version: ['The value should be one of: 4, 6.'] });
    const nullRouted = boolParam(req, 'nullRouted');
    // `ips` is separated by `|` here, not by commas as everywhere else (reference quirk).
    const only = listParam(req, 'ips', '|')?.map((ip) => ip.split('/')[0]);
    const list = instanceIpRecords(req.data, record)
      .filter((r) => !version || String(r.version) === version)
      .filter((r) => nullRouted === undefined || r.nullRouted === nullRouted)
      .filter((r) => !only || only.includes(r.ip))
      .map((r) => toInstanceIp(r, true));
    return whole('ips', list);
  });
  router.get(`${I}/ips/:ip`, (req) => ok(toInstanceIp(instanceIp(req).ip, true)));
  router.put(`${I}/ips/:ip`, (req) => {
    const { ip } = instanceIp(req);
    const body = validateBody<{ reverseLookup: string }>(req, { reverseLookup: 'string' }, ['reverseLookup']);
    ip.reverseLookup = body.reverseLookup;
    return ok(toInstanceIp(ip, true));
  });
  router.post(`${I}/ips/:ip/null`, (req) => {
    const { record, ip } = instanceIp(req);
    usable(record);
    // The reference spells the field `automatedUnnulingAt` (one l) and counts it in hours.
    const body = validateBody<{ comment?: string; automatedUnnulingAt?: number }>(optionalBody(req), { comment: 'string', automatedUnnulingAt: 'number' });
    const hours = body.automatedUnnulingAt;
    if (hours !== undefined && (!Number.isInteger(hours) || hours < 1 || hours > 17_520)) throw badRequest({ automatedUnnulingAt: ['This value should be between 1 and 17520 hours.'] });
    if (ip.version !== 4) throw badRequest({ ip: ['Only IPv4 addresses can be null routed.'] });
    // Internal addresses are not in ipMgmt, which keeps the null-route history: public only.
    if (ip.networkType !== 'PUBLIC') throw badRequest({ ip: ['Only public IPs can be null routed.'] });
    if (ip.nullRouted) throw badRequest({ ip: ['This IP is already null routed.'] });
    nullRouteIp(req.data.ipManagement, ip, {
      comment: body.comment ?? null,
      automatedUnnullingAt: hours === undefined ? null : isoTime(Date.now() + hours * 3_600_000),
    });
    return ok(toInstanceIp(ip, true));
  });
  router.post(`${I}/ips/:ip/unnull`, (req) => {
    const { ip } = instanceIp(req);
    if (!removeNullRoute(req.data.ipManagement, ip)) throw badRequest({ ip: ['This IP is not null routed.'] });
    return ok(toInstanceIp(ip, true));
  });

  // Credentials.
  router.get(`${I}/credentials`, (req) => whole('credentials', findInstance(req).credentials.map(({ type, username }) => ({ type, username }))));
  router.post(`${I}/credentials`, (req) => {
    const record = findInstance(req);
    const body = validateBody<{ type: PublicCloudCredentialType; username: string; password: string }>(
      req, { type: CREDENTIAL_TYPES, username: 'string', password: 'string' }, ['type', 'username', 'password'],
    );
    if (!/^[A-Za-z0-9._-]+$/.test(body.username)) throw badRequest({ username: ['Can contain only alphanumeric values and characters.'] });
    if (record.credentials.some((c) => c.type === body.type && c.username === body.username)) throw badRequest({ username: ['A credential of this type with this username already exists.'] });
    const credential = { type: body.type, username: body.username, password: body.password };
    record.credentials.push(credential);
    return ok(credential);
  });
  router.delete(`${I}/credentials`, (req) => {
    findInstance(req).credentials = [];
    return noContent();
  });
  router.get(`${I}/credentials/:type`, (req) => {
    const record = findInstance(req);
    const type = credentialType(req);
    return whole('credentials', record.credentials.filter((c) => c.type === type).map(({ username }) => ({ type, username })));
  });
  router.get(`${I}/credentials/:type/:username`, (req) => ok(findCredential(req, findInstance(req))));
  router.put(`${I}/credentials/:type/:username`, (req) => {
    const credential = findCredential(req, findInstance(req));
    const body = validateBody<{ password: string }>(req, { password: 'string' }, ['password']);
    credential.password = body.password;
    return ok(credential);
  });
  router.delete(`${I}/credentials/:type/:username`, (req) => {
    const record = findInstance(req);
    const credential = findCredential(req, record);
    record.credentials = record.credentials.filter((c) => c !== credential);
    return noContent();
  });
  router.post(`${I}/resetPassword`, (req) => {
    const record = usable(findInstance(req));
    // The new password is set by the agent inside the machine, so it must be running.
    if (record.instance.state !== 'RUNNING') throw refused('The password can only be reset while the instance is RUNNING.');
    const os = record.credentials.find((c) => c.type === 'OPERATING_SYSTEM');
    const password = randomBytes(8).toString('hex');
    if (os) os.password = password;
    else record.credentials.push({ type: 'OPERATING_SYSTEM', username: record.instance.image.family === 'windows' ? 'Administrator' : 'root', password });
    return { status: 202 };
  });

  // ISO and reinstall.
  router.post(`${I}/attachIso`, (req) => {
    const record = usable(findInstance(req));
    const body = validateBody<{ isoId: string }>(req, { isoId: 'string' }, ['isoId']);
    const iso = isos.find((i) => i.id === body.isoId);
    if (!iso) throw badRequest({ isoId: ['Unknown ISO.'] });
    if (record.instance.iso) throw badRequest({ isoId: ['The instance already has an ISO attached.'] });
    record.instance.iso = iso;
    return { status: 202 };
  });
  router.post(`${I}/detachIso`, (req) => {
    const record = usable(findInstance(req));
    if (!record.instance.iso) throw refused('The instance has no ISO attached.');
    record.instance.iso = null;
    return { status: 202 };
  });
  router.get(`${I}/reinstall/images`, (req) => {
    const record = findInstance(req);
    const custom = boolParam(req, 'custom');
    const standard = boolParam(req, 'standard');
    const list = reinstallImages(req, record)
      .filter((i) => custom === undefined || i.custom === custom)
      .filter((i) => standard === undefined || !i.custom === standard);
    return paginate(req, list, 'images');
  });
  router.put(`${I}/reinstall`, (req) => {
    const record = usable(findInstance(req));
    const body = validateBody<{ imageId: string; marketAppId?: string }>(req, { imageId: 'string', marketAppId: 'string' }, ['imageId']);
    if (record.snapshots.length) throw refused('An instance with snapshots cannot be reinstalled.');
    const image = reinstallImages(req, record).find((i) => i.id === body.imageId);
    if (!image) throw badRequest({ imageId: ['Not an image this instance can be reinstalled with.'] });
    if (body.marketAppId && !image.marketApps.includes(body.marketAppId)) throw badRequest({ marketAppId: ['The image does not offer this market app.'] });
    const inst = record.instance;
    inst.image = imageSummary(image);
    inst.marketAppId = body.marketAppId ?? null;
    // A new system: the old credentials no longer apply; the new root password is stored.
    record.credentials = [{ type: 'OPERATING_SYSTEM', username: image.family === 'windows' ? 'Administrator' : 'root', password: randomBytes(8).toString('hex') }];
    return { status: 202 };
  });

  // Snapshots.
  router.get(`${I}/snapshots`, (req) => paginate(req, findInstance(req).snapshots, 'snapshots'));
  router.post(`${I}/snapshots`, (req) => {
    const record = usable(findInstance(req));
    const body = validateBody<{ name: string }>(req, { name: 'string' }, ['name']);
    if (record.instance.state !== 'RUNNING') throw refused('The instance must be RUNNING to take a snapshot.');
    if (record.snapshots.length) throw refused('Only one snapshot per instance is allowed.');
    record.snapshots.push({ id: randomUUID(), displayName: body.name, state: 'READY', created: snapshotTime(Date.now()) });
    return { status: 202 };
  });
  const findSnapshot = (req: EmulatorRequest) => {
    const record = findInstance(req);
    const snapshot = record.snapshots.find((s) => s.id === req.params.snapshotId);
    if (!snapshot) throw notFound('snapshot');
    return { record, snapshot };
  };
  router.get(`${I}/snapshots/:snapshotId`, (req) => ok(findSnapshot(req).snapshot));
  router.put(`${I}/snapshots/:snapshotId`, (req) => {
    const { record, snapshot } = findSnapshot(req);
    usable(record);
    if (snapshot.state !== 'READY') throw refused('Only a READY snapshot can be restored.');
    return { status: 202 };
  });
  router.delete(`${I}/snapshots/:snapshotId`, (req) => {
    const { record, snapshot } = findSnapshot(req);
    record.snapshots = record.snapshots.filter((s) => s !== snapshot);
    return { status: 202 };
  });

  // Metrics.
  router.get(`${I}/metrics/cpu`, (req) => {
    const record = findInstance(req);
    const granularity = req.query.get('granularity') || '5m';
    const step = CPU_GRANULARITY[granularity];
    if (!step) throw badRequest({ granularity: [`The value should be one of: ${Object.keys(CPU_GRANULARITY).join(', ')}.`] });
    const { from, to } = interval(req, 86_400_000, step * 1000);
    const running = record.instance.state === 'RUNNING';
    const s = series(record.instance.id, from, to, step, (rng) => (running ? rng.int(100, 9500) / 100 : 0));
    const body: InstanceMetrics = {
      _metadata: {
        from: isoTime(from), to: isoTime(to), granularity, unit: '%',
        summary: { cpuMetrics: { average: s.average, expected: s.average, peak: s.peak } },
      },
      metrics: { cpuMetrics: { unit: '%', values: s.values } },
    };
    return ok(body);
  });
  router.get(`${I}/metrics/datatraffic`, (req) => {
    const record = findInstance(req);
    const granularity = req.query.get('granularity') || 'DAY';
    const aggregation = req.query.get('aggregation') || 'SUM';
    if (granularity !== 'DAY') throw badRequest({ granularity: ['The value should be DAY.'] });
    if (aggregation !== 'SUM') throw badRequest({ aggregation: ['The value should be SUM.'] });
    const { from, to } = interval(req, 30 * 86_400_000, 86_400_000);
    const daysInMonth = new Date(Date.UTC(new Date(from).getUTCFullYear(), new Date(from).getUTCMonth() + 1, 0)).getUTCDate();
    const summary: Record<string, MetricSummary> = {};
    const metrics: InstanceMetrics['metrics'] = {};
    for (const [name, scale] of [['downPublic', 9], ['upPublic', 2]] as const) {
      const s = series(`${record.instance.id}/${name}`, from, to, 86_400, (rng) => rng.int(1, 100) * scale * 1_000_000);
      summary[name] = { average: s.average, expected: Math.round(s.average * daysInMonth), total: s.total, peak: s.peak };
      metrics[name] = { unit: 'B', values: s.values };
    }
    const body: InstanceMetrics = { _metadata: { from: isoTime(from), to: isoTime(to), granularity, aggregation, unit: 'B', summary }, metrics };
    return ok(body);
  });

  // Private network.
  router.put(`${I}/addToPrivateNetwork`, (req) => {
    const record = usable(findInstance(req));
    if (record.snapshots.length) throw refused('An instance with snapshots cannot join a private network.');
    if (record.instance.privateNetwork) throw refused('The instance is already in the private network.');
    record.instance.privateNetwork = { ...PRIVATE_NETWORK };
    record.instance.hasPrivateNetwork = true;
    return { status: 202 };
  });
  router.delete(`${I}/removeFromPrivateNetwork`, (req) => {
    const record = usable(findInstance(req));
    if (record.snapshots.length) throw refused('An instance with snapshots cannot leave a private network.');
    if (!record.instance.privateNetwork) throw refused('The instance is not in a private network.');
    record.instance.privateNetwork = null;
    record.instance.hasPrivateNetwork = false;
    return { status: 202 };
  });
}
