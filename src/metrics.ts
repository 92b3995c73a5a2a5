import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UpstreamObserver } from './datasources/client.js';

/** Operation names become label values only while they look like GraphQL names and stay few. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_NAMES = 200;

/**
 * The gateway's Prometheus metrics (`GET /metrics`). One registry per gateway, so tests that
 * start several gateways in one process each read their own. Every label value comes from a
 * fixed vocabulary (outcome, method, status, the API base of our own path templates) or a
 * bounded set of operation names: no id, query text or key can reach a label.
 */
export class Metrics implements UpstreamObserver {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: 'leaseweb_graph_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, errors: answered with field errors, refused: 4xx before execution, failed: 5xx).',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'leaseweb_graph_request_duration_seconds',
    help: 'GraphQL request latency, from admission to the answer, by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers: [this.registry],
  });
  private readonly upstream = new Counter({
    name: 'leaseweb_graph_upstream_requests_total',
    help: 'Upstream attempts by API base, method and status (an HTTP status, or timeout, error, aborted).',
    labelNames: ['api', 'method', 'status'],
    registers: [this.registry],
  });
  private readonly upstreamDuration = new Histogram({
    name: 'leaseweb_graph_upstream_request_duration_seconds',
    help: 'Upstream attempt latency by API base and method.',
    labelNames: ['api', 'method'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'leaseweb_graph_upstream_retries_total',
    help: 'Upstream reads retried, by API base and method.',
    labelNames: ['api', 'method'],
    registers: [this.registry],
  });
  private readonly timeouts = new Counter({
    name: 'leaseweb_graph_upstream_timeouts_total',
    help: 'Upstream attempts that got no answer within LEASEWEB_TIMEOUT_MS, by API base and method.',
    labelNames: ['api', 'method'],
    registers: [this.registry],
  });
  readonly deadlines = new Counter({
    name: 'leaseweb_graph_request_deadline_exceeded_total',
    help: 'GraphQL requests still waiting on Leaseweb when LEASEWEB_REQUEST_DEADLINE_MS passed.',
    registers: [this.registry],
  });
  readonly disconnects = new Counter({
    name: 'leaseweb_graph_client_disconnects_total',
    help: 'GraphQL requests whose caller went away before the answer; their upstream work was cancelled.',
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'leaseweb_graph_admission_refusals_total',
    help: 'GraphQL requests refused with 503 OVERLOADED because the admission queue was full.',
    registers: [this.registry],
  });

  constructor(admission: { readonly activeCount: number; readonly queueLength: number }) {
    new Gauge({
      name: 'leaseweb_graph_admission_queue_length',
      help: 'GraphQL requests waiting for an execution slot (MAX_CONCURRENT_REQUESTS).',
      registers: [this.registry],
      collect() {
        this.set(admission.queueLength);
      },
    });
    new Gauge({
      name: 'leaseweb_graph_admission_active',
      help: 'GraphQL requests executing.',
      registers: [this.registry],
      collect() {
        this.set(admission.activeCount);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'leaseweb_graph_' });
  }

  /** The label value of an operation name: the name, `anonymous`, or `other` past the bound. */
  operation(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!NAME.test(name)) return 'other';
    if (!this.operations.has(name)) {
      if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
      this.operations.add(name);
    }
    return name;
  }

  request(operation: string, outcome: 'ok' | 'errors' | 'refused' | 'failed', seconds: number): void {
    this.requests.inc({ operation, outcome });
    this.duration.observe({ operation }, seconds);
  }

  attempt(api: string, method: string, status: string, seconds: number): void {
    this.upstream.inc({ api, method, status });
    this.upstreamDuration.observe({ api, method }, seconds);
    if (status === 'timeout') this.timeouts.inc({ api, method });
  }

  retry(api: string, method: string): void {
    this.retries.inc({ api, method });
  }
}
