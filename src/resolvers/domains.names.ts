import { gid } from '../ids.js';
import { localId } from './support.js';

// How domains and DNS record sets are named in arguments and global ids; shared by the
// domain reads and writes.

/** The domain named by an argument (its name, or its global id). */
export const domainArg = (value: string) => localId(value, 'Domain');

/** Record names are fully qualified with a trailing dot; callers may leave the dot out. */
export const withDot = (name: string) => (name.endsWith('.') ? name : `${name}.`);

export const recordSetId = (s: { domainName: string; name: string; type: string }) => gid('DnsRecordSet', s.domainName, s.name, s.type);
