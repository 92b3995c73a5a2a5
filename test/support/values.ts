// How the graph writes values Leaseweb sends in other forms, worked out independently of
// the gateway's code so tests check the form rather than repeat the implementation.

/** A Leaseweb date-time (`+00:00`, `+0000`, `Z`) as the DateTime scalar answers it: UTC, `Z`, to the second. */
export function utc(value: string): string;
export function utc(value: string | null | undefined): string | null;
export function utc(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return new Date(withColon).toISOString().replace('.000Z', 'Z');
}

/** A Leaseweb amount (a JSON number or decimal string) with its currency, as `Money` answers it. */
export function money(amount: number | string, currency: string): { amount: string; currency: string } {
  return { amount: decimalText(amount), currency };
}

/** Plain decimal notation without trailing zeros: 49.10 → `49.1`, "0.0500" → `0.05`. */
export function decimalText(amount: number | string): string {
  const text = typeof amount === 'number' ? amount.toFixed(10) : amount;
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Leaseweb's server job types as the `DedicatedServerJobType` enum names them. */
export const JOB_TYPE: Readonly<Record<string, string>> = {
  install: 'INSTALL',
  rescueMode: 'RESCUE_MODE',
  hardwareScan: 'HARDWARE_SCAN',
  ipmiReset: 'IPMI_RESET',
};

/** The opaque cursor of the item at `offset` (base64url of `v1:<offset>`). */
export const cursor = (offset: number): string => Buffer.from(`v1:${offset}`).toString('base64url');

/** Leaseweb's power states (`on`, `off`) as the `PowerState` enum names them. */
export const POWER: Readonly<Record<string, string>> = { on: 'ON', off: 'OFF' };
