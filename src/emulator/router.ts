import type { HttpMethod, Route } from './types.js';

// A route whose handler reads any product's section (the manifest derives the data set
// from the products, so every section a route reads is there).
type AnyRoute = Route<any>;

interface Compiled {
  route: AnyRoute;
  parts: string[];
  literals: number;
}

export type RouteMatch =
  | { kind: 'found'; route: AnyRoute; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

const isParam = (part: string) => part.startsWith('{') && part.endsWith('}');

/**
 * Routes by literal segments and `{params}`. The request path is split on `/` *before*
 * decoding, so an encoded `%2F` never creates a segment: an id can't reach another path.
 */
export class Router {
  private readonly routes: Compiled[] = [];

  add(route: AnyRoute): this {
    const parts = route.path.split('/').filter(Boolean);
    this.routes.push({ route, parts, literals: parts.filter((p) => !isParam(p)).length });
    return this;
  }

  match(method: string, rawPath: string): RouteMatch {
    const segments = rawPath.split('/').filter(Boolean);
    const allowed: HttpMethod[] = [];
    let best: { compiled: Compiled; params: Record<string, string> } | undefined;
    for (const compiled of this.routes) {
      const params = matchParts(compiled.parts, segments);
      if (!params) continue;
      if (compiled.route.method !== method) {
        allowed.push(compiled.route.method);
        continue;
      }
      // The most specific route wins: `/services/cancellationReasons` over `/services/{id}`.
      if (!best || compiled.literals > best.compiled.literals) best = { compiled, params };
    }
    if (best) return { kind: 'found', route: best.compiled.route, params: best.params };
    return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function matchParts(parts: string[], segments: string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const seg = segments[i]!;
    if (isParam(part)) {
      try {
        params[part.slice(1, -1)] = decodeURIComponent(seg);
      } catch {
        return null;
      }
    } else if (part.includes('{')) {
      // A parameter inside a literal segment (`lsw-rmvpn-{datacenter}.ovpn`).
      const open = part.indexOf('{');
      const close = part.indexOf('}', open);
      const prefix = part.slice(0, open);
      const suffix = part.slice(close + 1);
      if (seg.length <= prefix.length + suffix.length || !seg.startsWith(prefix) || !seg.endsWith(suffix)) return null;
      try {
        params[part.slice(open + 1, close)] = decodeURIComponent(seg.slice(prefix.length, seg.length - suffix.length));
      } catch {
        return null;
      }
    } else if (part !== seg) {
      return null;
    }
  }
  return params;
}
