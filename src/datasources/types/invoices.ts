/**
 * Upstream shapes of the Invoices API (invoices/v1), written from the reference
 * (`api-reference.txt`, section Invoices), its samples and `openapi/invoice.yaml`.
 *
 * Quirks recorded here:
 * - The list carries no `lineItems` or `credits`: only `GET /invoices/{id}` has them.
 * - The reference's line item has `total` and `reference`; Leaseweb's newer combined
 *   document calls the amount `totalAmount` and drops `reference`. We follow the reference.
 * - `netAmount` exists only in the newer document; when absent it is `total - taxAmount`.
 * - The pro forma (`GET /invoices/proforma`; the newer document moved it to
 *   `/invoices/v1/proforma`) mixes `_metadata` with the totals in one object, and its
 *   sample's `proformaDate` reads `2020-06-01T00: 00: 00+00: 00` (stray spaces).
 * - The list sample's `_metadata.limit` is 0 whatever was asked.
 * - The PDF has no sample and no listed 200: it is the raw `application/pdf` body.
 */
import type { Page } from '../page.js';

/** OPEN, PAID, OVERDUE, CANCELLED (the combined document's enum). */
export type InvoiceStatus = string;

export interface InvoiceSummary {
  /** Leaseweb's invoice number, e.g. `00000001`. */
  id: string;
  date: string;
  dueDate: string;
  currency: string;
  isPartialPaymentAllowed: boolean;
  openAmount: number;
  status: InvoiceStatus;
  taxAmount: number;
  total: number;
  /** Newer document only. */
  netAmount?: number;
}

export interface InvoiceLineItem {
  contractId: string;
  /** Absent for lines without equipment (domains). */
  equipmentId?: string | null;
  /** A product name as the invoice prints it ("Rackspace"), not a services `productId`. */
  product: string;
  quantity: number;
  reference?: string | null;
  unitAmount: number;
  total: number;
  fromDate: string;
  toDate: string;
}

export interface InvoiceCredit {
  id: string;
  date: string;
  taxAmount: number;
  total: number;
  /** Newer document only. */
  netAmount?: number;
}

export interface Invoice extends InvoiceSummary {
  lineItems: InvoiceLineItem[];
  credits: InvoiceCredit[];
}

/** An invoice as the graph holds it: listed (summary) or inspected (with lines and credits). */
export type InvoiceModel = InvoiceSummary & Partial<Pick<Invoice, 'lineItems' | 'credits'>>;

/** A line or credit carries no currency of its own: it is the invoice's. */
export type LineItemModel = InvoiceLineItem & { currency: string };
export type CreditModel = InvoiceCredit & { currency: string };

export interface ProformaContractItem {
  contractId: string;
  currency: string;
  /** The contract's period (the sample: a year), not the month billed. */
  startDate: string;
  endDate?: string | null;
  equipmentId?: string | null;
  poNumber?: string | null;
  price: number;
  product: string;
  reference?: string | null;
}

export interface Proforma {
  _metadata?: { limit?: number; offset?: number; totalCount?: number };
  contractItems: ProformaContractItem[];
  currency: string;
  proformaDate: string;
  subTotal: number;
  total: number;
  vatAmount: number;
}

/** The pro forma as the graph holds it: its totals, and the page of items asked for. */
export interface ProformaModel {
  currency: string;
  proformaDate: string;
  subTotal: number;
  total: number;
  vatAmount: number;
  items: Page<ProformaContractItem>;
}

export type InvoicePage = Page<InvoiceModel>;
export type ProformaItemPage = Page<ProformaContractItem>;
