// Leaseweb's own strings for the GraphQL enums whose names differ from them: each enum is
// mapped here once, codegen types resolver arguments and results with these values
// (`enumValues` in codegen.yml), and src/schema.ts makes them the enums' internal values,
// so a resolver receives `bandwidth` where the client wrote `BANDWIDTH`, and a Leaseweb
// `install` is answered as `INSTALL`. Enums whose names are Leaseweb's strings need no entry.
// An enum with an `UNKNOWN` value answers it for a string it does not know (src/schema.ts).

export enum NotificationSettingKind {
  BANDWIDTH = 'bandwidth',
  DATATRAFFIC = 'datatraffic',
}

export enum MetricsGranularity {
  FIVE_MIN = '5MIN',
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

export enum NotificationSettingUnit {
  MBPS = 'Mbps',
  GBPS = 'Gbps',
  MB = 'MB',
  GB = 'GB',
  TB = 'TB',
}

/** Port speeds in Mbit/s, as Leaseweb's reference lists them for `linkSpeed`. */
export enum PrivateNetworkLinkSpeed {
  MBPS_100 = 100,
  GBPS_1 = 1000,
  GBPS_10 = 10_000,
  GBPS_25 = 25_000,
  GBPS_40 = 40_000,
  GBPS_100 = 100_000,
}

/** The DNSSEC algorithm numbers Leaseweb accepts for a key (IANA mnemonics). */
export enum DnssecAlgorithm {
  RSASHA1_NSEC3_SHA1 = 7,
  RSASHA256 = 8,
  RSASHA512 = 10,
  ECDSAP256SHA256 = 13,
  ECDSAP384SHA384 = 14,
}

export enum BandwidthAggregation {
  AVG = 'AVG',
  PERCENTILE_95 = '95TH',
}

export enum PublicCloudCpuMetricsGranularity {
  FIVE_MINUTES = '5m',
  TEN_MINUTES = '10m',
  THIRTY_MINUTES = '30m',
  SIXTY_MINUTES = '60m',
}

export enum IpSortField {
  IP = 'ip',
  VERSION = 'version',
  NULL_ROUTED = 'nullRouted',
  REVERSE_LOOKUP = 'reverseLookup',
  EQUIPMENT_ID = 'equipmentId',
  PREFIX_LENGTH = 'prefixLength',
}

export enum NullRouteSortField {
  IP = 'ip',
  NULLED_AT = 'nulledAt',
  UNNULLED_AT = 'unnulledAt',
  NULL_LEVEL = 'nullLevel',
}

export enum DomainListType {
  DNS = 'dns',
  EMAIL = 'email',
  OVERVIEW = 'overview',
}

export enum DedicatedServerJobType {
  INSTALL = 'install',
  RESCUE_MODE = 'rescueMode',
  HARDWARE_SCAN = 'hardwareScan',
  IPMI_RESET = 'ipmiReset',
  UNKNOWN = 'UNKNOWN',
}

export enum PowerState {
  ON = 'on',
  OFF = 'off',
  UNKNOWN = 'UNKNOWN',
}

export enum PublicCloudLoadBalancerBalance {
  ROUNDROBIN = 'roundrobin',
  LEASTCONN = 'leastconn',
  SOURCE = 'source',
  UNKNOWN = 'UNKNOWN',
}

export enum PublicCloudLoadBalancerMetric {
  REQUESTS = 'requests',
  REQUESTS_PER_SECOND = 'requestsPerSecond',
  DATA_TRANSFERRED = 'dataTransferred',
  DATA_TRANSFERRED_PER_SECOND = 'dataTransferredPerSecond',
  CONNECTIONS = 'connections',
  CONNECTIONS_PER_SECOND = 'connectionsPerSecond',
  RESPONSE_CODES = 'responseCodes',
  RESPONSE_CODES_PER_SECOND = 'responseCodesPerSecond',
}

export enum PublicCloudLoadBalancerMetricGranularity {
  FIVE_MINUTES = '5m',
  TEN_MINUTES = '10m',
  THIRTY_MINUTES = '30m',
  HOUR = '1h',
  DAY = '1d',
  WEEK = '1w',
}

/** The resolver-map entries that give each enum above its internal values. */
export const enumResolvers = {
  NotificationSettingKind,
  NotificationSettingUnit,
  PrivateNetworkLinkSpeed,
  DnssecAlgorithm,
  MetricsGranularity,
  BandwidthAggregation,
  PublicCloudCpuMetricsGranularity,
  IpSortField,
  NullRouteSortField,
  DomainListType,
  DedicatedServerJobType,
  PowerState,
  PublicCloudLoadBalancerBalance,
  PublicCloudLoadBalancerMetric,
  PublicCloudLoadBalancerMetricGranularity,
};
