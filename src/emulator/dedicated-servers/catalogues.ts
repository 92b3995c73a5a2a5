import type { ControlPanel, OperatingSystem, RescueImage } from '../../datasources/types/dedicated-servers.js';

/** The bare-metal catalogues, as the reference lists them (same for every customer). */

const linuxPartitions = [
  { mountpoint: '/boot', size: '1024', filesystem: 'ext2' },
  { size: '4096', filesystem: 'swap' },
  { mountpoint: '/tmp', size: '4096', filesystem: 'ext4' },
  { mountpoint: '/', size: '*', filesystem: 'ext4' },
];

function os(id: string, name: string, family: string, version: string, type = 'linux'): OperatingSystem {
  return {
    id,
    name,
    architecture: '64bit',
    configurable: type !== 'windows',
    family,
    type,
    version,
    features:
      type === 'linux' ? ['PARTITIONING', 'SW_RAID', 'TIMEZONE', 'HOSTNAME', 'SSH_KEYS', 'POST_INSTALL_SCRIPTS'] : ['TIMEZONE', 'HOSTNAME'],
    supportedBootDevices: ['SATA_SAS', 'NVME'],
    supportedFileSystems: type === 'linux' ? ['ext2', 'ext3', 'ext4', 'xfs', 'swap'] : ['ntfs'],
    defaults: { device: 'SATA_SAS', partitions: type === 'linux' ? linuxPartitions : [] },
  };
}

export const operatingSystems: OperatingSystem[] = [
  os('ALMALINUX_8_64BIT', 'AlmaLinux 8 (x86_64)', 'almalinux', '8'),
  os('CENTOS_7_64BIT', 'CentOS 7 (x86_64)', 'centos', '7'),
  os('ROCKY_LINUX_8_64BIT', 'Rocky Linux 8 (x86_64)', 'rockylinux', '8'),
  os('DEBIAN_11_64BIT', 'Debian 11 (amd64)', 'debian', '11'),
  os('DEBIAN_12_64BIT', 'Debian 12 (amd64)', 'debian', '12'),
  os('UBUNTU_20_04_64BIT', 'Ubuntu 20.04 LTS (Focal Fossa) (amd64)', 'ubuntu', '20.04'),
  os('UBUNTU_22_04_64BIT', 'Ubuntu 22.04 LTS (Jammy Jellyfish) (amd64)', 'ubuntu', '22.04'),
  os('UBUNTU_24_04_64BIT', 'Ubuntu 24.04 LTS (Noble Numbat) (amd64)', 'ubuntu', '24.04'),
  os('WINDOWS_SERVER_2019_STANDARD_64BIT', 'Windows Server 2019 Standard (x64)', 'windows', '2019', 'windows'),
  os('WINDOWS_SERVER_2022_STANDARD_64BIT', 'Windows Server 2022 Standard (x64)', 'windows', '2022', 'windows'),
  os('ESXI_7_0_64BIT', 'ESXi 7.0 (x86_64)', 'esxi', '7.0', 'esxi'),
  os('FREEBSD_13_64BIT', 'FreeBSD 13.1 (amd64)', 'freebsd', '13', 'freebsd'),
];

export const controlPanels: ControlPanel[] = [
  { id: 'CPANEL_PREMIER_100', name: 'cPanel Premier 100' },
  { id: 'CPANEL_PREMIER_150', name: 'cPanel Premier 150' },
  { id: 'PLESK_DEDSER_WEB_ADMIN', name: 'Plesk Web Admin 10 Domains' },
  { id: 'PLESK_DEDSER_WEB_PRO', name: 'Plesk Web Pro 30 Domains' },
  { id: 'PLESK_DEDSER_WEB_HOST', name: 'Plesk Web Host Unlimited Domains' },
  { id: 'VESTA', name: 'Vesta CP' },
];

/** Which control panels run on which OS family. */
export function controlPanelsFor(osId: string): ControlPanel[] {
  const family = operatingSystems.find((o) => o.id === osId)?.family;
  if (!family) return [];
  if (family === 'windows') return controlPanels.filter((c) => c.id.startsWith('PLESK'));
  if (['almalinux', 'rockylinux', 'centos'].includes(family)) return controlPanels;
  if (['debian', 'ubuntu'].includes(family)) return controlPanels.filter((c) => !c.id.startsWith('CPANEL'));
  return [];
}

export const rescueImages: RescueImage[] = [
  { id: 'GRML', name: 'GRML Linux Rescue Image (amd64)' },
  { id: 'CENTOS_7', name: 'CentOS 7 Linux Rescue Image (amd64)' },
  { id: 'FREEBSD', name: 'FreeBSD Rescue Image (amd64)' },
];
