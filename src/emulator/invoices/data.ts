import type { Invoice, InvoiceCredit, InvoiceLineItem, InvoiceSummary, ProformaContractItem } from '../../datasources/types/invoices.js';
import { EPOCH } from '../dedicated-servers/data.js';
import { notFound } from '../http.js';
import { instanceTypeIn } from '../public-cloud/catalogues.js';
import type { Rng } from '../prng.js';
import { addMonths, billingMonths, referenceOf, serviceDate, type ServiceRecord } from '../services/data.js';
import type { EmulatorRequest } from '../types.js';
import type { ServicesDataset } from '../services/data.js';

/** Invoices of one customer, newest first, and what every invoice of theirs shares. */
export interface InvoicesData {
  invoices: Invoice[];
  /** The VAT the customer pays (Leaseweb invoices from the Netherlands: 21 %). */
  vatRate: number;
  /** The customer's purchase order number, printed on the pro forma's items. */
  poNumber: string;
}

/** The sections this product reads and writes. */
export type InvoicesDataset = ServicesDataset & { invoices: InvoicesData };
export type InvoicesRequest = EmulatorRequest<InvoicesDataset>;

export function createInvoicesData(): InvoicesData {
  return { invoices: [], vatRate: 0.21, poNumber: '' };
}

const DAY = 86_400_000;
/** Invoices fall due 24 days after they are issued (as in the list sample: 05-06 → 05-30). */
const PAYMENT_DAYS = 24;

/** Amounts are floats in euros; every sum is kept to whole cents. */
export const cents = (value: number) => Math.round(value * 100) / 100;
const sum = (values: number[]) => cents(values.reduce((a, b) => a + b, 0));

/** The invoices samples write dates as `2019-05-06T00:00:00+00:00` and line periods as `2023-02-01T00:00:00Z`. */
const lineDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * What a service costs in the month starting at `monthStart`, if it is billed then: a
 * monthly service for every whole month it runs (from the month after it started, until
 * the month its `endDate` falls in), a yearly one (domains) in the month it renews.
 * Nothing while it is still to be provisioned.
 */
export function billedIn(r: ServiceRecord, monthStart: number): { from: number; to: number; amount: number } | null {
  const s = r.service;
  const start = Date.parse(s.startDate);
  if (s.status === 'TO_BE_PROVISIONED' || start > monthStart) return null;
  if (s.endDate && Date.parse(s.endDate) < monthStart) return null;
  const months = billingMonths(r.billable);
  if (months > 1 && (new Date(start).getUTCMonth() !== new Date(monthStart).getUTCMonth() || start === monthStart)) return null;
  return { from: monthStart, to: addMonths(monthStart, months) - DAY, amount: s.pricePerFrequency };
}

const HOUR = 3_600_000;

/**
 * How a billed period is counted. An HOURLY Public Cloud instance pays for every hour of
 * the period at its type's hourly compute price plus its root disk's hourly storage price
 * (the catalogue's `hourlyPrice`s), so its line is hours × unit price; everything else is
 * one unit at the service's price per billing cycle.
 */
function usage(d: InvoicesDataset, r: ServiceRecord, billed: { from: number; amount: number }): { quantity: number; unitAmount: number } {
  const instance = r.billable.productId === 'PUBLIC_CLOUD' ? d.publicCloud.instances.get(r.billable.equipmentId!)?.instance : undefined;
  const prices = instance?.contract.type === 'HOURLY' ? instanceTypeIn(instance.region, instance.type)?.prices : undefined;
  if (!instance || !prices) return { quantity: 1, unitAmount: billed.amount };
  const storage = instance.rootDiskStorageType === 'LOCAL' ? prices.storage.local : prices.storage.central;
  const hourly = Number(prices.compute.hourlyPrice) + Number(storage.hourlyPrice) * instance.rootDiskSize;
  return { quantity: (addMonths(billed.from, 1) - billed.from) / HOUR, unitAmount: Math.round(hourly * 100_000) / 100_000 };
}

/**
 * What an invoice or pro forma line names as its `product`: the documented category
 * (`Dedicated server`, `Backup`, `Rackspace` …), not the service's free-text description.
 */
const CATEGORIES: Record<string, string> = { DEDICATED_SERVER: 'Dedicated server', PUBLIC_CLOUD: 'Public cloud', DOMAIN: 'Domain' };
const productCategory = (r: ServiceRecord) => CATEGORIES[r.billable.productId] ?? 'Other';

function lineItem(d: InvoicesDataset, r: ServiceRecord, billed: { from: number; to: number; amount: number }): InvoiceLineItem {
  const reference = referenceOf(d, r);
  const { quantity, unitAmount } = usage(d, r, billed);
  // Keys in the sample's order.
  return {
    contractId: r.service.contractId,
    ...(r.service.equipmentId ? { equipmentId: r.service.equipmentId } : {}),
    product: productCategory(r),
    quantity,
    ...(reference === null ? {} : { reference }),
    total: cents(quantity * unitAmount),
    unitAmount,
    fromDate: lineDate(billed.from),
    toDate: lineDate(billed.to),
  };
}

/**
 * Seeds `count` monthly invoices, newest first, issued on the 1st of each month up to the
 * demo's "today" (EPOCH). Their lines are the services billed that month, so every line
 * names a real contract and equipment (hourly instances by the hour, see `usage`); tax,
 * total and open amount add up to the cent.
 * The newest is OPEN (not yet due), the one before it OVERDUE, older ones PAID; every
 * fourth, starting with the overdue one, has a credit note (10 % of its first line) that
 * lowers what is open.
 */
export function seedInvoices(d: InvoicesDataset, rng: Rng, count: number): void {
  const data = d.invoices;
  data.poNumber = String(rng.int(40_000_000_000_000, 49_999_999_999_999));
  const firstId = rng.int(10_000_000, 80_000_000);
  let creditId = rng.int(1_000, 9_000);
  const services = [...d.services.services.values()];
  for (let k = 0; k < count; k++) {
    const monthStart = addMonths(EPOCH, -k);
    const lineItems = services.flatMap((r) => {
      const billed = billedIn(r, monthStart);
      return billed ? [lineItem(d, r, billed)] : [];
    });
    const net = sum(lineItems.map((l) => l.total));
    const taxAmount = cents(net * data.vatRate);
    const total = cents(net + taxAmount);
    const credits: InvoiceCredit[] = [];
    if (k % 4 === 1 && lineItems.length) {
      const creditNet = cents(lineItems[0]!.total * 0.1);
      const creditTax = cents(creditNet * data.vatRate);
      credits.push({
        date: serviceDate(monthStart + 10 * DAY),
        id: String(creditId).padStart(8, '0'),
        taxAmount: creditTax,
        total: cents(creditNet + creditTax),
      });
      creditId += rng.int(1, 50);
    }
    const dueDate = monthStart + PAYMENT_DAYS * DAY;
    const status = dueDate > EPOCH ? 'OPEN' : k === 1 ? 'OVERDUE' : 'PAID';
    const openAmount = status === 'PAID' ? 0 : cents(total - sum(credits.map((c) => c.total)));
    data.invoices.push({
      credits,
      currency: 'EUR',
      date: serviceDate(monthStart),
      dueDate: serviceDate(dueDate),
      // Numbered in the order they were issued: the newest has the highest number.
      id: String(firstId + count - 1 - k).padStart(8, '0'),
      isPartialPaymentAllowed: status !== 'PAID',
      lineItems,
      openAmount,
      status,
      taxAmount,
      total,
    });
  }
}

/** An invoice as the list shows it: no lines, no credits. */
export function invoiceSummary({ lineItems: _lines, credits: _credits, ...summary }: Invoice): InvoiceSummary {
  return summary;
}

/** The invoice named by the `:invoiceId` path parameter, or a 404. */
export function findInvoice(req: InvoicesRequest): Invoice {
  const invoice = req.data.invoices.invoices.find((i) => i.id === req.params.invoiceId);
  if (!invoice) throw notFound('invoice');
  return invoice;
}

/** The date of the next invoice: the 1st of the month after the demo's "today". */
export const proformaDate = () => addMonths(EPOCH, 1);

/**
 * The pro forma as the services stand now (a cancelled service that ends before the
 * date drops out, a changed reference shows): one item per service billed on that date.
 */
export function proformaItems(d: InvoicesDataset): ProformaContractItem[] {
  const date = proformaDate();
  return [...d.services.services.values()].flatMap((r) => {
    const billed = billedIn(r, date);
    if (!billed) return [];
    const reference = referenceOf(d, r);
    return [
      {
        contractId: r.service.contractId,
        currency: r.service.currency,
        endDate: r.service.contractTermEndDate ?? null,
        ...(r.service.equipmentId ? { equipmentId: r.service.equipmentId } : {}),
        poNumber: d.invoices.poNumber,
        price: billed.amount,
        product: productCategory(r),
        ...(reference === null ? {} : { reference }),
        startDate: r.service.startDate,
      },
    ];
  });
}

/** PDF string literals escape `\`, `(` and `)`. */
const pdfText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * A small, valid one-page PDF of the invoice (Helvetica text: number, dates, amounts and
 * the lines), with a correct cross-reference table, so any PDF reader opens it.
 */
export function invoicePdf(invoice: Invoice): Buffer {
  const rows = [
    `Leaseweb invoice ${invoice.id}`,
    `Date ${invoice.date.slice(0, 10)}   Due ${invoice.dueDate.slice(0, 10)}   Status ${invoice.status}`,
    ...invoice.lineItems.slice(0, 30).map((l) => `${l.product} ${l.reference ?? ''}  ${l.total.toFixed(2)} ${invoice.currency}`),
    `Tax ${invoice.taxAmount.toFixed(2)} ${invoice.currency}   Total ${invoice.total.toFixed(2)} ${invoice.currency}   Open ${invoice.openAmount.toFixed(2)} ${invoice.currency}`,
  ];
  const content = `BT /F1 11 Tf 56 790 Td 14 TL ${rows.map((r) => `(${pdfText(r)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
