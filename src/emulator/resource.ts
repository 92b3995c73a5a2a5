import { noContent, notFound, ok, paginate, validateBody } from './http.js';
import type { EmulatorRequest, FamilyName, Handler, Route } from './types.js';

type FieldRule = Parameters<typeof validateBody>[1][string];

/** A body the collection accepts: field rules (see validateBody) and the required fields. */
export interface BodyRules {
  rules: Record<string, FieldRule>;
  required?: string[];
}

/**
 * A plain collection served from a declaration: `GET {path}` (one page with limit/offset
 * and `_metadata`, optional filters), `POST {path}`, and `GET|PUT|DELETE {path}/{idParam}`
 * answering 404 in Leaseweb's envelope. Only the operations given an id are served.
 * Collections with business rules (409s, state machines) keep hand-written handlers.
 */
export interface ResourceSpec<D, T> {
  /** The collection's path template, API base included: `/invoices/v1/invoices`. */
  path: string;
  /** The path parameter naming one item: `invoiceId`. */
  idParam: string;
  /** The list's key in the answer: `{ _metadata, invoices: [...] }`. */
  key: string;
  /** What a 404 calls an item: "The requested invoice could not be found." */
  noun: string;
  ops: { list?: string; get?: string; create?: string; update?: string; delete?: string };
  /** The collection (the helper changes it in place on create and delete). */
  items: (req: EmulatorRequest<D>) => T[];
  id: (item: T) => string;
  /** The list's view of an item (a summary); the detail is the item itself. */
  summary?: (item: T) => unknown;
  /** The detail's view of an item, when it is not the stored item. */
  detail?: (item: T) => unknown;
  defaultLimit?: number;
  /** Query filters: `?name=value` keeps the items for which the test is true. */
  filters?: Record<string, (item: T, value: string) => boolean>;
  create?: BodyRules & { build: (req: EmulatorRequest<D>, body: Record<string, unknown>) => T; status?: number };
  /** `answer`: the PUT's documented answer, when it is not the item's detail. */
  update?: BodyRules & { apply?: (item: T, body: Record<string, unknown>) => void; answer?: (item: T) => unknown };
  /** Names the routes' family when a family declares its collection with this helper. */
  family?: FamilyName;
  /** Handler names, e.g. `listInvoices`; by default `list`/`get`/… + the key's singular. */
  names?: Partial<Record<'list' | 'get' | 'create' | 'update' | 'delete', string>>;
}

export function resource<D, T>(spec: ResourceSpec<D, T>): Array<Route<D>> {
  const singular = spec.key.replace(/s$/, '');
  const title = singular.charAt(0).toUpperCase() + singular.slice(1);
  const name = (op: 'list' | 'get' | 'create' | 'update' | 'delete') =>
    spec.names?.[op] ?? (op === 'list' ? `list${title}s` : `${op}${title}`);
  const detail = spec.detail ?? ((item: T) => item);
  const find = (req: EmulatorRequest<D>) => {
    const items = spec.items(req);
    const item = items.find((i) => spec.id(i) === req.params[spec.idParam]);
    if (!item) throw notFound(spec.noun);
    return { items, item };
  };
  const named = (fn: Handler<D>, op: Parameters<typeof name>[0]) => Object.defineProperty(fn, 'name', { value: name(op) });

  const handlers = {
    list: named((req) => {
      const filters = Object.entries(spec.filters ?? {})
        .map(([param, test]) => [req.query.get(param), test] as const)
        .filter(([value]) => value !== null && value !== '');
      const list = spec.items(req).filter((item) => filters.every(([value, test]) => test(item, value!)));
      return paginate(req, list, spec.key, { defaultLimit: spec.defaultLimit, project: spec.summary });
    }, 'list'),
    get: named((req) => ok(detail(find(req).item)), 'get'),
    create: named((req) => {
      const items = spec.items(req);
      const body = validateBody(req, spec.create!.rules, spec.create!.required);
      const item = spec.create!.build(req, body);
      items.push(item);
      return ok(detail(item), spec.create!.status ?? 201);
    }, 'create'),
    update: named((req) => {
      const { item } = find(req);
      const body = validateBody(req, spec.update!.rules, spec.update!.required);
      if (spec.update!.apply) spec.update!.apply(item, body);
      else Object.assign(item as object, body);
      return ok(spec.update!.answer ? spec.update!.answer(item) : detail(item));
    }, 'update'),
    delete: named((req) => {
      const { items, item } = find(req);
      items.splice(items.indexOf(item), 1);
      return noContent();
    }, 'delete'),
  };

  const one = `${spec.path}/{${spec.idParam}}`;
  const table: Array<[keyof typeof handlers, Route<D>['method'], string]> = [
    ['list', 'GET', spec.path],
    ['create', 'POST', spec.path],
    ['get', 'GET', one],
    ['update', 'PUT', one],
    ['delete', 'DELETE', one],
  ];
  return table.flatMap(([op, method, path]) => {
    const id = spec.ops[op];
    if (!id) return [];
    if ((op === 'create' && !spec.create) || (op === 'update' && !spec.update))
      throw new Error(`resource ${spec.path}: ${op} needs its body rules`);
    return [{ id, method, path, handler: handlers[op], ...(spec.family ? { family: spec.family } : {}) }];
  });
}
