import { ApiError, badRequest, noContent, ok, paginate, validateBody } from '../http.js';
import type { Route } from '../types.js';
import type { ServicesDataset, ServicesRequest as EmulatorRequest } from './data.js';
import { CANCELLATION_REASONS, findService, serviceBody, setReference, type ServiceRecord } from './data.js';

const BASE = '/services/v1';

/**
 * The 409 the combined OpenAPI document shows for a cancel or uncancel that cannot be
 * done now. Its `errorDetails` is an array (of blocking service ids) there, which is no
 * field → messages map; the emulator sends the state in the message and no details.
 */
const conflict = (message: string) => new ApiError(409, message, undefined, 'CONFLICT');

/** productIds are upper-case words joined by `_` (DEDICATED_SERVER, PUBLIC_CLOUD …). */
const PRODUCT_ID = /^[A-Z][A-Z0-9_]*$/;

function list(req: EmulatorRequest) {
  const d = req.data;
  const productId = req.query.get('productId') || undefined;
  const reference = req.query.get('reference') || undefined;
  const equipmentId = req.query.get('equipmentId') || undefined;
  if (productId && !PRODUCT_ID.test(productId)) {
    throw badRequest({ productId: ['This value should be a product identifier such as DEDICATED_SERVER.'] });
  }
  const services = [...d.services.services.values()]
    .filter((r) => !productId || r.service.productId === productId)
    .filter((r) => !equipmentId || r.service.equipmentId === equipmentId)
    .map((r) => serviceBody(d, r))
    // Like the other products' reference filters: a part of the reference matches.
    .filter((s) => !reference || (s.reference ?? '').includes(reference));
  // The documented default page is 10, and the page metadata is `metadata` (sic).
  return paginate(req, services, 'services', { defaultLimit: 10, metaKey: 'metadata' });
}

function update(req: EmulatorRequest) {
  const record = findService(req);
  const body = validateBody<{ reference: string }>(req, { reference: 'string' }, ['reference']);
  if (body.reference.length > 100) throw badRequest({ reference: ['This value is too long. It should have 100 characters or less.'] });
  setReference(req.data, record, body.reference);
  return ok(serviceBody(req.data, record));
}

/**
 * Cancelling ends the service at the end of its current contract term: `endDate` is set,
 * it can no longer be cancelled but can be uncancelled until then. Its status stays
 * (the sample's cancelled service is ACTIVE; the documented statuses have no cancelled one).
 */
function cancel(req: EmulatorRequest) {
  const record = findService(req);
  const body = validateBody<{ reasonCode: string; reason?: string }>(req, { reasonCode: 'string', reason: 'string' }, ['reasonCode']);
  if (!CANCELLATION_REASONS.some((r) => r.reasonCode === body.reasonCode)) {
    throw badRequest({ reasonCode: ['This value should be one of the reason codes of GET /services/cancellationReasons.'] });
  }
  // The combined document: "If reasonCode is set to CANCEL_OTHER, this field is required".
  if (body.reasonCode === 'CANCEL_OTHER' && !body.reason?.trim()) {
    throw badRequest({ reason: ['This value should not be blank when reasonCode is CANCEL_OTHER.'] });
  }
  const s = record.service;
  if (s.uncancellable) throw conflict('The service is already cancelled.');
  if (!s.cancellable) throw conflict(`A service with status ${s.status} cannot be cancelled.`);
  Object.assign(s, { cancellable: false, uncancellable: true, endDate: s.contractTermEndDate });
  record.cancellation = { reasonCode: body.reasonCode, reason: body.reason ?? null };
  return noContent();
}

function uncancel(req: EmulatorRequest) {
  const record: ServiceRecord = findService(req);
  const s = record.service;
  if (!s.uncancellable) throw conflict('The service is not cancelled.');
  delete s.endDate;
  Object.assign(s, { cancellable: true, uncancellable: false });
  record.cancellation = null;
  return noContent();
}

function getCancellationReasons() {
  return ok({ cancellationReasons: CANCELLATION_REASONS });
}

function inspectService(req: EmulatorRequest) {
  return ok(serviceBody(req.data, findService(req)));
}

export const routes: Array<Route<ServicesDataset>> = [
  { id: 'services.listServices', method: 'GET', path: `${BASE}/services`, handler: list },
  { id: 'services.getCancellationReasons', method: 'GET', path: `${BASE}/services/cancellationReasons`, handler: getCancellationReasons },
  { id: 'services.inspectService', method: 'GET', path: `${BASE}/services/{id}`, handler: inspectService },
  { id: 'services.updateService', method: 'PUT', path: `${BASE}/services/{id}`, handler: update },
  { id: 'services.cancelService', method: 'POST', path: `${BASE}/services/{id}/cancel`, handler: cancel },
  { id: 'services.uncancelService', method: 'POST', path: `${BASE}/services/{id}/uncancel`, handler: uncancel },
];
