import type { StreamedResponse, UpstreamSession } from './client.js';
import { byIdLoader } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { Invoice, InvoiceSummary, Proforma, ProformaContractItem, ProformaModel } from './types/invoices.js';

const api = pathUnder('/invoices/v1');

/** The sample's `2020-06-01T00: 00: 00+00: 00`: spaces inside a date-time are never meant. */
const tidyDate = (value: string) => value.replace(/\s+/g, '');

/**
 * Invoices (invoices/v1): one method per REST operation. The list is a summary; an
 * invoice's lines and credits come from `GET /invoices/{id}`, read once per request.
 * The PDF is streamed, never buffered or cached (see src/downloads.ts).
 */
export class InvoicesAPI {
  private readonly invoiceById = byIdLoader((id: string) => this.upstream.get<Invoice>(api`/invoices/${id}`));

  constructor(private readonly upstream: UpstreamSession) {}

  list(window: Window): Promise<Page<InvoiceSummary>> {
    return this.upstream.get(api`/invoices`, { ...window }).then((body) => toPage<InvoiceSummary>(body, 'invoices', window));
  }

  /** One invoice with its line items and credits; null when the account has no such invoice. */
  get(id: string): Promise<Invoice | null> {
    return this.invoiceById.load(id);
  }

  /**
   * What the 1st of next month will invoice. Leaseweb pages the contract items and sends
   * the totals of the whole pro forma in the same object as `_metadata`.
   */
  async proforma(window: Window): Promise<ProformaModel> {
    const body = await this.upstream.get<Proforma>(api`/invoices/proforma`, { ...window });
    return {
      currency: body.currency,
      proformaDate: tidyDate(body.proformaDate),
      subTotal: body.subTotal,
      total: body.total,
      vatAmount: body.vatAmount,
      items: toPage<ProformaContractItem>(body, 'contractItems', window),
    };
  }

  /** The invoice as a PDF, streamed with the caller's key (throws the mapped error on 4xx/5xx). */
  pdf(id: string): Promise<StreamedResponse> {
    return this.upstream.stream(api`/invoices/${id}/pdf`, 'application/pdf');
  }
}
