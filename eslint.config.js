// Lint for the public schema (`npm run lint:schema`, a step of .ci/run). graphql-eslint's
// `schema-recommended` and `schema-relay` sets, plus a description on every element the
// schema can describe. A rule turned off or narrowed says why on its line; everything else
// is as the sets ship it. The example client's operations (`npm run lint:examples`) are
// held to `operations-recommended`, each operation described by a `#` comment.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const recommended = graphqlPlugin.configs['flat/schema-recommended'].rules;
const [, namingOptions] = recommended['@graphql-eslint/naming-convention'];

export default [
  {
    files: ['schema/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      // The rules that need the whole schema (unreachable types, Relay shapes) read it from here.
      parserOptions: { graphQLConfig: { schema: 'schema/**/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...recommended,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,

      // Every type, field, argument, input field, enum value and directive says what it is.
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],

      // Off: our descriptions are "…" when they fit on one line and """…""" when they need more; the rule allows only one of the two.
      '@graphql-eslint/description-style': 'off',

      // Narrowed: `PublicCloudInstanceType` is Leaseweb's name for a machine size (REST `instanceTypes`), not a "Type" suffix.
      '@graphql-eslint/naming-convention': [
        'error',
        {
          ...namingOptions,
          'ObjectTypeDefinition,ObjectTypeExtension': {
            ...namingOptions['ObjectTypeDefinition,ObjectTypeExtension'],
            ignorePattern: '^PublicCloudInstanceType$',
          },
        },
      ],

      // Narrowed: Relay's structural types and values embedded in one parent (never listed, fetched or written alone) have no identity of their own.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            suffixes: ['Connection', 'Edge', 'Payload'],
            types: [
              // shared
              'PageInfo',
              'UserError',
              'Money',
              'Metrics',
              'MetricSeries',
              'MetricValue',
              'PowerStatus',
              'ConsoleAccess',
              'DdosNotificationSettings',
              'NotificationAction',
              // dedicated servers
              'DedicatedServerContract',
              'DedicatedServerCpu',
              'DedicatedServerDisk',
              'DedicatedServerFeatures',
              'DedicatedServerHardwareInformation',
              'DedicatedServerJobProgress',
              'DedicatedServerJobTask',
              'DedicatedServerLocation',
              'DedicatedServerNetworkInterface',
              'DedicatedServerNetworkInterfaces',
              'DedicatedServerNetworkInterfaceStatus',
              'DedicatedServerNetworkTraffic',
              'DedicatedServerPrivateNetwork',
              'DedicatedServerRack',
              'DedicatedServerRam',
              'DedicatedServerSpecs',
              'DhcpReservation',
              'OperatingSystemDefaults',
              'Partition',
              'SwitchPort',
              // ip management
              'DdosProtection',
              'IpSubnet',
              // domains
              'DomainAvailability',
              'DomainDnssec',
              'DnssecKeyRollover',
              'DomainEmailStatistics',
              'DomainHostingOverview',
              'DomainNameservers',
              // invoices and services
              'InvoiceCredit',
              'InvoiceLineItem',
              'ServiceCancellationReason',
              // public cloud
              'PublicCloudContract',
              'PublicCloudExpenseInstance',
              'PublicCloudExpenses',
              'PublicCloudInstancePrivateNetwork',
              'PublicCloudMetrics',
              'PublicCloudMetricSummary',
              'PublicCloudPrice',
              'PublicCloudPrices',
              'PublicCloudResourceAmount',
              'PublicCloudResources',
              'PublicCloudStorageSize',
              'PublicCloudTrafficTier',
              // vps: values of their VPS
              'VpsContract',
              'VpsResources',
              // public cloud load balancers: values of their load balancer or listener
              'PublicCloudLoadBalancerConfiguration',
              'PublicCloudLoadBalancerStickySession',
              'PublicCloudLoadBalancerListenerRule',
              'PublicCloudLoadBalancerCertificate',
              'PublicCloudTargetGroupHealthCheck',
              // a target is an instance in a group: the instance is the Node
              'PublicCloudTarget',
              // network equipment, dedicated racks (issue 10)
              'NetworkEquipmentContract',
              'NetworkEquipmentFeatures',
              'NetworkEquipmentLocation',
              'NetworkEquipmentInterfaces',
              'NetworkEquipmentInterface',
              'NetworkEquipmentSpecs',
              'DedicatedRackContract',
              'DedicatedRackFeatures',
              'DedicatedRackLocation',
              'DedicatedRackUnit',
              // No identity of their own (yet): a DNSSEC key belongs to its domain's DNSSEC state; a null-route
              // history entry and a pro forma line carry no Leaseweb id; the pro forma is the account's one next
              // invoice; an instance type is a size per region; the auto scaling group summary is the deprecated
              // embedded copy (`PublicCloudInstance.autoScalingGroup`), whose Node is `PublicCloudAutoScalingGroup`.
              'DnssecKey',
              'EquipmentNullRoute',
              'ProformaInvoice',
              'ProformaInvoiceItem',
              'PublicCloudInstanceType',
              'PublicCloudAutoScalingGroupSummary',
            ],
          },
        },
      ],

      // Narrowed: paging is forward only (first/after), as docs/schema-changes.md decides; set includeBoth if last/before land.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],

      // Narrowed: connections also offer `nodes: [T!]!` (as GitHub's do), and short fixed lists (tags, a record set's values) are plain lists;
      // a few connections page values without identity (null-route history entries, pro forma lines, instance types per region).
      '@graphql-eslint/relay-edge-types': [
        'error',
        { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false },
      ],

      // Off: four fields keep Leaseweb's own names that clients already use (`Ip.ip`, `Domain.domainName`, and the Leaseweb ids
      // `ControlPanel.controlPanelId`, `RescueImage.rescueImageId` beside the global `id`); renaming them is a deprecation cycle for no gain.
      '@graphql-eslint/no-typename-prefix': 'off',
    },
  },
  {
    files: ['examples/operations/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/**/*.graphql', documents: 'examples/operations/*.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/operations-recommended'].rules,
      '@graphql-eslint/require-description': ['error', { OperationDefinition: true }],
    },
  },
];
