import type {
  Image,
  ImageSummary,
  InstanceType,
  Iso,
  MarketApp,
  Prices,
  Region,
  Resources,
  StorageType,
} from '../../datasources/types/public-cloud.js';

/**
 * The Public Cloud catalogues, as the reference lists them (the same for every
 * customer): regions, instance types with their per-region prices, standard images,
 * market apps and ISOs. Custom images belong to a customer and live in its data set.
 */

export const regions: Region[] = [
  { name: 'eu-west-3', location: 'Amsterdam' },
  { name: 'eu-central-1', location: 'Frankfurt' },
  { name: 'eu-west-2', location: 'London' },
  { name: 'ap-southeast-1', location: 'Singapore' },
  { name: 'ca-central-1', location: 'Montreal' },
  { name: 'us-east-1', location: 'Washington' },
  { name: 'us-west-1', location: 'San Francisco' },
];

function resources(cpu: number, memory: number, publicGbps = 1, privateMbps = 100): Resources {
  return {
    cpu: { value: cpu, unit: 'vCPU' },
    memory: { value: memory, unit: 'GiB' },
    publicNetworkSpeed: { value: publicGbps, unit: 'Gbps' },
    privateNetworkSpeed: { value: privateMbps, unit: 'Mbps' },
  };
}

interface TypeSpec {
  name: string;
  resources: Resources;
  /** Amsterdam's hourly compute price in EUR; other regions apply a factor. */
  hourly: number;
  storageTypes: StorageType[];
  /** Regions that offer the type; all of them when absent. */
  only?: string[];
}

// The reference's sample types (c3, m3, r3) plus a newer generation that only some regions offer.
const typeSpecs: TypeSpec[] = [
  { name: 'lsw.c3.large', resources: resources(2, 3), hourly: 0.0395, storageTypes: ['CENTRAL'] },
  { name: 'lsw.c3.xlarge', resources: resources(4, 7), hourly: 0.0798, storageTypes: ['CENTRAL'] },
  { name: 'lsw.c3.2xlarge', resources: resources(8, 15), hourly: 0.1604, storageTypes: ['CENTRAL'] },
  { name: 'lsw.c3.4xlarge', resources: resources(16, 30), hourly: 0.3203, storageTypes: ['CENTRAL'] },
  { name: 'lsw.m3.large', resources: resources(2, 7), hourly: 0.0447, storageTypes: ['CENTRAL'] },
  { name: 'lsw.m3.xlarge', resources: resources(4, 15), hourly: 0.0902, storageTypes: ['CENTRAL'] },
  { name: 'lsw.m3.2xlarge', resources: resources(8, 30), hourly: 0.1799, storageTypes: ['CENTRAL'] },
  { name: 'lsw.r3.large', resources: resources(2, 15.25), hourly: 0.0555, storageTypes: ['CENTRAL'] },
  { name: 'lsw.r3.xlarge', resources: resources(4, 30.5), hourly: 0.1104, storageTypes: ['CENTRAL'] },
  { name: 'lsw.r3.2xlarge', resources: resources(8, 61), hourly: 0.2202, storageTypes: ['CENTRAL'] },
  {
    name: 'lsw.m6a.large',
    resources: resources(2, 8, 10, 1000),
    hourly: 0.0512,
    storageTypes: ['LOCAL', 'CENTRAL'],
    only: ['eu-west-3', 'eu-central-1', 'us-east-1'],
  },
  {
    name: 'lsw.m6a.xlarge',
    resources: resources(4, 16, 10, 1000),
    hourly: 0.1021,
    storageTypes: ['LOCAL', 'CENTRAL'],
    only: ['eu-west-3', 'eu-central-1', 'us-east-1'],
  },
  {
    name: 'lsw.c6a.2xlarge',
    resources: resources(8, 16, 10, 1000),
    hourly: 0.1688,
    storageTypes: ['LOCAL', 'CENTRAL'],
    only: ['eu-west-3', 'us-east-1'],
  },
];

/** Price factor per region (Amsterdam is the reference price). */
const REGION_FACTOR: Record<string, number> = {
  'eu-west-3': 1,
  'eu-central-1': 1.05,
  'eu-west-2': 1.08,
  'ap-southeast-1': 1.22,
  'ca-central-1': 1.12,
  'us-east-1': 1.1,
  'us-west-1': 1.15,
};

/** Hours in the month Leaseweb prices against (monthly = hourly × 658.7, as in the samples). */
const HOURS_PER_MONTH = 658.73;

function prices(hourly: number, factor: number): Prices {
  const h = hourly * factor;
  return {
    currency: 'EUR',
    currencySymbol: '€',
    compute: { hourlyPrice: h.toFixed(4), monthlyPrice: (h * HOURS_PER_MONTH).toFixed(4) },
    storage: {
      local: { hourlyPrice: (0.00004 * factor).toFixed(5), monthlyPrice: (0.03 * factor).toFixed(5) },
      central: { hourlyPrice: (0.00011 * factor).toFixed(5), monthlyPrice: (0.08 * factor).toFixed(5) },
    },
  };
}

/** The instance types a region offers, with that region's prices. */
export function instanceTypesIn(region: string): InstanceType[] {
  const factor = REGION_FACTOR[region];
  if (factor === undefined) return [];
  return typeSpecs
    .filter((t) => !t.only || t.only.includes(region))
    .map((t) => ({ name: t.name, resources: t.resources, prices: prices(t.hourly, factor), storageTypes: t.storageTypes }));
}

export function instanceTypeIn(region: string, name: string): InstanceType | undefined {
  return instanceTypesIn(region).find((t) => t.name === name);
}

function standard(id: string, name: string, version: string, flavour: string, marketApps: string[] = [], family = 'linux'): Image {
  return {
    id,
    name,
    version,
    family,
    flavour,
    architecture: 'x86_64',
    marketApps,
    storageTypes: ['LOCAL', 'CENTRAL'],
    storageSize: null,
    state: 'READY',
    stateReason: null,
    region: regions[0]!.name,
    createdAt: null,
    updatedAt: null,
    custom: false,
    minDiskSize: family === 'windows' ? 50 : null,
  };
}

/**
 * Standard images are offered in every region. The reference's sample shows them with
 * `region: "eu-west-3"` (asked with `region=eu-west-3`); unasked, the emulator lists
 * each standard image once in the first region (a string, as documented: never null), and
 * with `region=X` echoes X.
 */
export const standardImages: Image[] = [
  standard('UBUNTU_24_04_64BIT', 'Ubuntu 24.04 LTS (x86_64)', '24.04', 'ubuntu'),
  standard('UBUNTU_22_04_64BIT', 'Ubuntu 22.04 LTS (x86_64)', '22.04', 'ubuntu', ['PLESK_WEB_ADMIN', 'CPANEL_ADMIN']),
  standard('UBUNTU_20_04_64BIT', 'Ubuntu 20.04 LTS (x86_64)', '20.04', 'ubuntu'),
  standard('DEBIAN_12_64BIT', 'Debian 12 (x86_64)', '12', 'debian'),
  standard('ALMALINUX_9_64BIT', 'AlmaLinux 9 (x86_64)', '9', 'almalinux', [
    'CPANEL_30',
    'CPANEL_100',
    'CPANEL_PRO',
    'CPANEL_PLUS',
    'CPANEL_PREMIER',
  ]),
  standard('ROCKYLINUX_9_64BIT', 'Rocky Linux 9 (x86_64)', '9', 'rockylinux'),
  standard('FREEBSD_14_64BIT', 'FreeBSD 14 (x86_64)', '14', 'freebsd', [], 'freebsd'),
  standard(
    'WINDOWS_SERVER_2022_STANDARD_64BIT',
    'Windows Server 2022 Standard (x86_64)',
    '2022',
    'windows',
    ['PLESK_WEB_PRO', 'PLESK_WEB_HOST'],
    'windows',
  ),
];

/** The image as an instance, a VPS or a market app embeds it. */
export const imageSummary = (image: Image): ImageSummary => ({
  id: image.id,
  name: image.name,
  family: image.family,
  flavour: image.flavour,
  custom: image.custom,
});

function app(id: string, name: string, category: string, family: string, version: string | null, imageId: string): MarketApp {
  const image = standardImages.find((i) => i.id === imageId);
  if (!image) throw new Error(`market app ${id}: no standard image ${imageId}`);
  return { id, name, category, version, family, image: imageSummary(image) };
}

/**
 * The market apps (`GET /marketApps`): the reference's one sample (`LOADBALANCER`, the
 * image load balancers run on, not offered for instances) and the ids its OpenAPI document
 * lists for instances and images (`marketAppId`), each offered by exactly one standard
 * image above, its `image`. Names, categories and versions of the control panels are the
 * emulator's own: Leaseweb documents none.
 */
export const marketApps: MarketApp[] = [
  app('LOADBALANCER', 'Load Balancer', 'LOAD_BALANCER', 'loadbalancer', null, 'UBUNTU_22_04_64BIT'),
  app('CPANEL_30', 'cPanel (30 accounts)', 'CONTROL_PANEL', 'cpanel', '118', 'ALMALINUX_9_64BIT'),
  app('CPANEL_100', 'cPanel (100 accounts)', 'CONTROL_PANEL', 'cpanel', '118', 'ALMALINUX_9_64BIT'),
  app('CPANEL_ADMIN', 'cPanel Admin', 'CONTROL_PANEL', 'cpanel', '118', 'UBUNTU_22_04_64BIT'),
  app('CPANEL_PRO', 'cPanel Pro', 'CONTROL_PANEL', 'cpanel', '118', 'ALMALINUX_9_64BIT'),
  app('CPANEL_PLUS', 'cPanel Plus', 'CONTROL_PANEL', 'cpanel', '118', 'ALMALINUX_9_64BIT'),
  app('CPANEL_PREMIER', 'cPanel Premier', 'CONTROL_PANEL', 'cpanel', '118', 'ALMALINUX_9_64BIT'),
  app('PLESK_WEB_PRO', 'Plesk Web Pro', 'CONTROL_PANEL', 'plesk', '18.0', 'WINDOWS_SERVER_2022_STANDARD_64BIT'),
  app('PLESK_WEB_ADMIN', 'Plesk Web Admin', 'CONTROL_PANEL', 'plesk', '18.0', 'UBUNTU_22_04_64BIT'),
  app('PLESK_WEB_HOST', 'Plesk Web Host', 'CONTROL_PANEL', 'plesk', '18.0', 'WINDOWS_SERVER_2022_STANDARD_64BIT'),
];

export const isos: Iso[] = [
  { id: 'GRML', name: 'GRML 2022.11' },
  { id: 'ACRONIS_BOOT_MEDIA', name: 'Acronis Boot Media' },
  { id: 'SYSTEMRESCUE_11', name: 'SystemRescue 11.00' },
];
