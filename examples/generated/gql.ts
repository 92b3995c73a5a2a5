/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query DomainRecordSets($domainName: String!, $type: DnsRecordType = A) {\n  domain(domainName: $domainName) {\n    id\n    domainName\n    recordSets(first: 50, filter: {type: $type}) {\n      totalCount\n      nodes {\n        id\n        name\n        type\n        ttl\n        content\n        ips {\n          id\n          ip\n          equipment {\n            __typename\n            id\n            leasewebId\n            ... on DedicatedServer {\n              reference\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery DomainNames($first: Int = 20) {\n  domains(first: $first) {\n    nodes {\n      id\n      domainName\n    }\n  }\n}": typeof types.DomainRecordSetsDocument,
    "query InvoicesWithLines($first: Int = 5, $after: String) {\n  invoices(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      leasewebId\n      date\n      status\n      total {\n        amount\n        currency\n      }\n      lineItems {\n        product\n        quantity\n        total {\n          amount\n          currency\n        }\n        service {\n          id\n          productId\n          equipment {\n            __typename\n            id\n            leasewebId\n          }\n        }\n      }\n    }\n  }\n}": typeof types.InvoicesWithLinesDocument,
    "query IpEquipment($ip: IPAddress!) {\n  ip(ip: $ip) {\n    id\n    ip\n    nullRouted\n    equipment {\n      __typename\n      id\n      leasewebId\n      ... on DedicatedServer {\n        reference\n        location {\n          site\n        }\n      }\n      ... on PublicCloudInstance {\n        reference\n        state\n      }\n    }\n  }\n}": typeof types.IpEquipmentDocument,
    "mutation RenameServer($serverId: ID!, $reference: String!) {\n  updateDedicatedServer(input: {serverId: $serverId, reference: $reference}) {\n    dedicatedServer {\n      id\n      reference\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": typeof types.RenameServerDocument,
    "query ServerList($first: Int = 20, $after: String) {\n  dedicatedServers(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      leasewebId\n      reference\n      location {\n        site\n        suite\n        rack\n      }\n      ips(first: 5) {\n        totalCount\n        nodes {\n          id\n          ip\n          nullRouted\n        }\n      }\n    }\n  }\n}": typeof types.ServerListDocument,
};
const documents: Documents = {
    "query DomainRecordSets($domainName: String!, $type: DnsRecordType = A) {\n  domain(domainName: $domainName) {\n    id\n    domainName\n    recordSets(first: 50, filter: {type: $type}) {\n      totalCount\n      nodes {\n        id\n        name\n        type\n        ttl\n        content\n        ips {\n          id\n          ip\n          equipment {\n            __typename\n            id\n            leasewebId\n            ... on DedicatedServer {\n              reference\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery DomainNames($first: Int = 20) {\n  domains(first: $first) {\n    nodes {\n      id\n      domainName\n    }\n  }\n}": types.DomainRecordSetsDocument,
    "query InvoicesWithLines($first: Int = 5, $after: String) {\n  invoices(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      leasewebId\n      date\n      status\n      total {\n        amount\n        currency\n      }\n      lineItems {\n        product\n        quantity\n        total {\n          amount\n          currency\n        }\n        service {\n          id\n          productId\n          equipment {\n            __typename\n            id\n            leasewebId\n          }\n        }\n      }\n    }\n  }\n}": types.InvoicesWithLinesDocument,
    "query IpEquipment($ip: IPAddress!) {\n  ip(ip: $ip) {\n    id\n    ip\n    nullRouted\n    equipment {\n      __typename\n      id\n      leasewebId\n      ... on DedicatedServer {\n        reference\n        location {\n          site\n        }\n      }\n      ... on PublicCloudInstance {\n        reference\n        state\n      }\n    }\n  }\n}": types.IpEquipmentDocument,
    "mutation RenameServer($serverId: ID!, $reference: String!) {\n  updateDedicatedServer(input: {serverId: $serverId, reference: $reference}) {\n    dedicatedServer {\n      id\n      reference\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}": types.RenameServerDocument,
    "query ServerList($first: Int = 20, $after: String) {\n  dedicatedServers(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      leasewebId\n      reference\n      location {\n        site\n        suite\n        rack\n      }\n      ips(first: 5) {\n        totalCount\n        nodes {\n          id\n          ip\n          nullRouted\n        }\n      }\n    }\n  }\n}": types.ServerListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DomainRecordSets($domainName: String!, $type: DnsRecordType = A) {\n  domain(domainName: $domainName) {\n    id\n    domainName\n    recordSets(first: 50, filter: {type: $type}) {\n      totalCount\n      nodes {\n        id\n        name\n        type\n        ttl\n        content\n        ips {\n          id\n          ip\n          equipment {\n            __typename\n            id\n            leasewebId\n            ... on DedicatedServer {\n              reference\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery DomainNames($first: Int = 20) {\n  domains(first: $first) {\n    nodes {\n      id\n      domainName\n    }\n  }\n}"): typeof import('./graphql.js').DomainRecordSetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoicesWithLines($first: Int = 5, $after: String) {\n  invoices(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      leasewebId\n      date\n      status\n      total {\n        amount\n        currency\n      }\n      lineItems {\n        product\n        quantity\n        total {\n          amount\n          currency\n        }\n        service {\n          id\n          productId\n          equipment {\n            __typename\n            id\n            leasewebId\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').InvoicesWithLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IpEquipment($ip: IPAddress!) {\n  ip(ip: $ip) {\n    id\n    ip\n    nullRouted\n    equipment {\n      __typename\n      id\n      leasewebId\n      ... on DedicatedServer {\n        reference\n        location {\n          site\n        }\n      }\n      ... on PublicCloudInstance {\n        reference\n        state\n      }\n    }\n  }\n}"): typeof import('./graphql.js').IpEquipmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RenameServer($serverId: ID!, $reference: String!) {\n  updateDedicatedServer(input: {serverId: $serverId, reference: $reference}) {\n    dedicatedServer {\n      id\n      reference\n    }\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n}"): typeof import('./graphql.js').RenameServerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServerList($first: Int = 20, $after: String) {\n  dedicatedServers(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      leasewebId\n      reference\n      location {\n        site\n        suite\n        rack\n      }\n      ips(first: 5) {\n        totalCount\n        nodes {\n          id\n          ip\n          nullRouted\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').ServerListDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
