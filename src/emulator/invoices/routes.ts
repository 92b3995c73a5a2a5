import type { Invoice } from '../../datasources/types/invoices.js';
import { intParam, ok } from '../http.js';
import { resource } from '../resource.js';
import type { Route } from '../types.js';
import type { InvoicesDataset, InvoicesRequest as EmulatorRequest } from './data.js';
import { cents, findInvoice, invoicePdf, invoiceSummary, proformaDate, proformaItems } from './data.js';

const BASE = '/invoices/v1';

/** `2020-06-01T00:00:00+00:00` (the sample's has stray spaces: `T00: 00: 00+00: 00`; we send a valid one). */
const isoDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/**
 * The pro forma: one page of contract items with `_metadata`, and in the same object the
 * totals of the whole pro forma (not of the page), as the reference documents it.
 */
function proforma(req: EmulatorRequest) {
  const d = req.data;
  const items = proformaItems(d);
  const limit = intParam(req, 'limit', 10);
  const offset = intParam(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const subTotal = cents(items.reduce((a, i) => a + i.price, 0));
  const vatAmount = cents(subTotal * d.invoices.vatRate);
  return ok({
    _metadata: { limit, offset, totalCount: items.length },
    contractItems: items.slice(offset, offset + limit),
    currency: 'EUR',
    proformaDate: isoDate(proformaDate()),
    subTotal,
    total: cents(subTotal + vatAmount),
    vatAmount,
  });
}

function getInvoicePdf(req: EmulatorRequest) {
  return { status: 200, headers: { 'content-type': 'application/pdf' }, raw: invoicePdf(findInvoice(req)) };
}

export const routes: Array<Route<InvoicesDataset>> = [
  // Invoices are read-only here: a list (summaries, 10 a page by default) and a detail.
  ...resource<InvoicesDataset, Invoice>({
    path: `${BASE}/invoices`,
    idParam: 'invoiceId',
    key: 'invoices',
    noun: 'invoice',
    ops: { list: 'invoices.listInvoices', get: 'invoices.inspectInvoice' },
    items: (req) => req.data.invoices.invoices,
    id: (invoice) => invoice.id,
    summary: invoiceSummary,
    defaultLimit: 10,
    names: { list: 'listInvoices', get: 'inspectInvoice' },
  }),
  // A literal segment wins over `{invoiceId}` (see Router.match).
  { id: 'invoices.getProforma', method: 'GET', path: `${BASE}/invoices/proforma`, handler: proforma },
  { id: 'invoices.getInvoicePdf', method: 'GET', path: `${BASE}/invoices/{invoiceId}/pdf`, handler: getInvoicePdf },
];
