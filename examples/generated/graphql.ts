/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The DNS record types Leaseweb manages. */
export type DnsRecordType =
  /** IPv4 address. */
  | 'A'
  /** IPv6 address. */
  | 'AAAA'
  /** Certification authority authorisation. */
  | 'CAA'
  /** Canonical name (alias). */
  | 'CNAME'
  /** Delegation signer. */
  | 'DS'
  /** Mail exchanger. */
  | 'MX'
  /** Nameserver (delegation). */
  | 'NS'
  /** Start of authority; managed by Leaseweb. */
  | 'SOA'
  /** Service locator. */
  | 'SRV'
  /** TLS certificate association (DANE). */
  | 'TLSA'
  /** Free text (SPF, verification tokens …). */
  | 'TXT';

/** Whether an invoice is paid. */
export type InvoiceStatus =
  /** Cancelled; nothing is to be paid. */
  | 'CANCELLED'
  /** Not paid yet, not yet due. */
  | 'OPEN'
  /** Not paid and past its due date. */
  | 'OVERDUE'
  /** Paid. */
  | 'PAID'
  /** A status Leaseweb added after this schema was written; the gateway logs it. */
  | 'UNKNOWN';

/** Where an instance is in its life (`state`). */
export type PublicCloudInstanceState =
  /** Being launched. */
  | 'CREATING'
  /** Terminated and gone. */
  | 'DESTROYED'
  /** Being terminated. */
  | 'DESTROYING'
  /** Failed: not usable (the instance carries no reason). */
  | 'FAILED'
  /** Up. */
  | 'RUNNING'
  /** Being started. */
  | 'STARTING'
  /** Stopped (powered off). */
  | 'STOPPED'
  /** Being stopped. */
  | 'STOPPING'
  /** Leaseweb cannot tell, or a state Leaseweb added after this schema was written (the gateway logs those). */
  | 'UNKNOWN';

/** What kind of problem a `UserError` is. */
export type UserErrorCode =
  /** The object is not in a state that allows the write, e.g. a job is already running (Leaseweb answered 409). */
  | 'CONFLICT'
  /** The input is not valid: the gateway refused it, or Leaseweb answered 400 or 422. */
  | 'INVALID'
  /** An object the input names does not exist (Leaseweb answered 404). */
  | 'NOT_FOUND';

export type DomainRecordSetsQueryVariables = Exact<{
  domainName: string;
  type?: DnsRecordType | null | undefined;
}>;


export type DomainRecordSetsQuery = { domain: { id: string, domainName: string, recordSets: { totalCount: number, nodes: Array<{ id: string, name: string, type: DnsRecordType, ttl: number, content: Array<string>, ips: Array<{ id: string, ip: string, equipment:
            | { __typename: 'DedicatedRack', id: string, leasewebId: string }
            | { __typename: 'DedicatedServer', reference: string | null, id: string, leasewebId: string }
            | { __typename: 'NetworkEquipment', id: string, leasewebId: string }
            | { __typename: 'PublicCloudInstance', id: string, leasewebId: string }
            | { __typename: 'PublicCloudLoadBalancer', id: string, leasewebId: string }
            | { __typename: 'Vps', id: string, leasewebId: string }
           | null } | null> | null }> } | null } | null };

export type DomainNamesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type DomainNamesQuery = { domains: { nodes: Array<{ id: string, domainName: string }> } | null };

export type InvoicesWithLinesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InvoicesWithLinesQuery = { invoices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, leasewebId: string, date: string, status: InvoiceStatus, total: { amount: string, currency: string }, lineItems: Array<{ product: string, quantity: number, total: { amount: string, currency: string }, service: { id: string, productId: string, equipment:
            | { __typename: 'DedicatedRack', id: string, leasewebId: string }
            | { __typename: 'DedicatedServer', id: string, leasewebId: string }
            | { __typename: 'NetworkEquipment', id: string, leasewebId: string }
            | { __typename: 'PublicCloudInstance', id: string, leasewebId: string }
            | { __typename: 'PublicCloudLoadBalancer', id: string, leasewebId: string }
            | { __typename: 'Vps', id: string, leasewebId: string }
           | null } | null }> | null }> } | null };

export type IpEquipmentQueryVariables = Exact<{
  ip: string;
}>;


export type IpEquipmentQuery = { ip: { id: string, ip: string, nullRouted: boolean | null, equipment:
      | { __typename: 'DedicatedRack', id: string, leasewebId: string }
      | { __typename: 'DedicatedServer', reference: string | null, id: string, leasewebId: string, location: { site: string } | null }
      | { __typename: 'NetworkEquipment', id: string, leasewebId: string }
      | { __typename: 'PublicCloudInstance', reference: string | null, state: PublicCloudInstanceState, id: string, leasewebId: string }
      | { __typename: 'PublicCloudLoadBalancer', id: string, leasewebId: string }
      | { __typename: 'Vps', id: string, leasewebId: string }
     | null } | null };

export type RenameServerMutationVariables = Exact<{
  serverId: string | number;
  reference: string;
}>;


export type RenameServerMutation = { updateDedicatedServer: { dedicatedServer: { id: string, reference: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } | null };

export type ServerListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ServerListQuery = { dedicatedServers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, leasewebId: string, reference: string | null, location: { site: string, suite: string | null, rack: string | null } | null, ips: { totalCount: number, nodes: Array<{ id: string, ip: string, nullRouted: boolean | null }> } | null }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DomainRecordSetsDocument = new TypedDocumentString(`
    query DomainRecordSets($domainName: String!, $type: DnsRecordType = A) {
  domain(domainName: $domainName) {
    id
    domainName
    recordSets(first: 50, filter: {type: $type}) {
      totalCount
      nodes {
        id
        name
        type
        ttl
        content
        ips {
          id
          ip
          equipment {
            __typename
            id
            leasewebId
            ... on DedicatedServer {
              reference
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DomainRecordSetsQuery, DomainRecordSetsQueryVariables>;
export const DomainNamesDocument = new TypedDocumentString(`
    query DomainNames($first: Int = 20) {
  domains(first: $first) {
    nodes {
      id
      domainName
    }
  }
}
    `) as unknown as TypedDocumentString<DomainNamesQuery, DomainNamesQueryVariables>;
export const InvoicesWithLinesDocument = new TypedDocumentString(`
    query InvoicesWithLines($first: Int = 5, $after: String) {
  invoices(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      leasewebId
      date
      status
      total {
        amount
        currency
      }
      lineItems {
        product
        quantity
        total {
          amount
          currency
        }
        service {
          id
          productId
          equipment {
            __typename
            id
            leasewebId
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InvoicesWithLinesQuery, InvoicesWithLinesQueryVariables>;
export const IpEquipmentDocument = new TypedDocumentString(`
    query IpEquipment($ip: IPAddress!) {
  ip(ip: $ip) {
    id
    ip
    nullRouted
    equipment {
      __typename
      id
      leasewebId
      ... on DedicatedServer {
        reference
        location {
          site
        }
      }
      ... on PublicCloudInstance {
        reference
        state
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IpEquipmentQuery, IpEquipmentQueryVariables>;
export const RenameServerDocument = new TypedDocumentString(`
    mutation RenameServer($serverId: ID!, $reference: String!) {
  updateDedicatedServer(input: {serverId: $serverId, reference: $reference}) {
    dedicatedServer {
      id
      reference
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RenameServerMutation, RenameServerMutationVariables>;
export const ServerListDocument = new TypedDocumentString(`
    query ServerList($first: Int = 20, $after: String) {
  dedicatedServers(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      leasewebId
      reference
      location {
        site
        suite
        rack
      }
      ips(first: 5) {
        totalCount
        nodes {
          id
          ip
          nullRouted
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServerListQuery, ServerListQueryVariables>;