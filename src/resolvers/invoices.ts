import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.js';
import type { InvoiceModel } from '../datasources/types/invoices.js';
import type { Service } from '../datasources/types/services.js';
import { invoicePdfPath } from '../downloads.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import { equipmentOf } from './equipment.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { money, subtractDecimals } from './money.js';
import { localId, selectedFields, typed } from './support.js';

const TYPENAME = 'Invoice';

/** The list is a summary: lines and credits load `GET /invoices/{id}` (once per invoice and request). */
async function detail(invoice: InvoiceModel, ctx: GraphQLContext): Promise<InvoiceModel> {
  if (invoice.lineItems !== undefined && invoice.credits !== undefined) return invoice;
  return (await ctx.ds.invoices.get(invoice.id)) ?? invoice;
}

interface Billed {
  contractId?: string | null;
  equipmentId?: string | null;
}

/** The service of a line or pro forma item: every service listed once per request, matched by contract and equipment. */
const serviceOf = (item: Billed, ctx: GraphQLContext) =>
  item.contractId ? ctx.ds.services.byContract(item.contractId, item.equipmentId) : null;

/**
 * The equipment of a line or item. Its kind comes from the line's service when the
 * services were listed in this request anyway (no call is added for the hint); otherwise
 * each kind whose ids look like this one is tried.
 */
function equipmentOfItem(item: Billed, ctx: GraphQLContext, info: GraphQLResolveInfo) {
  if (!item.equipmentId) return null;
  if (!ctx.ds.services.allListed) return equipmentOf(ctx, item.equipmentId, null, info);
  const service = serviceOf(item, ctx);
  const withKind = (s: Service | null) => equipmentOf(ctx, item.equipmentId, s?.productId, info);
  return service instanceof Promise ? service.then(withKind, () => withKind(null)) : withKind(service);
}

const nodes: NodeFetchers = {
  Invoice: async (ctx, [id]) => {
    const invoice = await ctx.ds.invoices.get(id!);
    return invoice ? typed(TYPENAME, invoice) : null;
  },
};

const resolvers: Resolvers = {
  Query: {
    invoices: (_, { first, after }, ctx) => ctx.ds.invoices.list(toWindow({ first, after })),
    invoice: (_, { id }, ctx) => ctx.ds.invoices.get(localId(id, TYPENAME)),
    proformaInvoice: (_, { first, after }, ctx) => ctx.ds.invoices.proforma(toWindow({ first, after })),
  },

  Invoice: {
    id: (i) => gid(TYPENAME, i.id),
    leasewebId: (i) => i.id,
    netAmount: (i) => money(i.netAmount ?? subtractDecimals(i.total, i.taxAmount), i.currency),
    taxAmount: (i) => money(i.taxAmount, i.currency),
    total: (i) => money(i.total, i.currency),
    openAmount: (i) => money(i.openAmount, i.currency),
    lineItems: async (i, _, ctx, info) => {
      // The lines' services come from the services list, which needs nothing of the
      // invoice: read it beside the invoice rather than after it.
      if (i.lineItems === undefined && selectedFields(info).has('service')) ctx.ds.services.prefetchAll();
      return ((await detail(i, ctx)).lineItems ?? []).map((line) => ({ ...line, currency: i.currency }));
    },
    credits: async (i, _, ctx) => ((await detail(i, ctx)).credits ?? []).map((credit) => ({ ...credit, currency: i.currency })),
    pdfUrl: (i) => invoicePdfPath(i.id),
  },

  InvoiceLineItem: {
    unitAmount: (l) => money(l.unitAmount, l.currency),
    total: (l) => money(l.total, l.currency),
    service: (l, _, ctx) => serviceOf(l, ctx),
    equipment: (l, _, ctx, info) => equipmentOfItem(l, ctx, info),
  },

  InvoiceCredit: {
    creditId: (c) => c.id,
    netAmount: (c) => money(c.netAmount ?? subtractDecimals(c.total, c.taxAmount), c.currency),
    taxAmount: (c) => money(c.taxAmount, c.currency),
    total: (c) => money(c.total, c.currency),
  },

  ProformaInvoice: {
    date: (p) => p.proformaDate,
    subTotal: (p) => money(p.subTotal, p.currency),
    vatAmount: (p) => money(p.vatAmount, p.currency),
    total: (p) => money(p.total, p.currency),
    items: (p) => p.items,
  },

  ProformaInvoiceItem: {
    price: (item) => money(item.price, item.currency),
    service: (item, _, ctx) => serviceOf(item, ctx),
    equipment: (item, _, ctx, info) => equipmentOfItem(item, ctx, info),
  },

  InvoiceConnection: connectionResolvers,
  ProformaInvoiceItemConnection: connectionResolvers,
};

export const invoices: ProductGraph = { resolvers: [resolvers], nodes };
