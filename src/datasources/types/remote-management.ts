import type { Page } from '../page.js';

/** One OpenVPN profile of `GET /bareMetals/v2/remoteManagement/profiles`: a data center and the satellites it serves. */
export interface OpenVpnProfile {
  datacenter: string;
  satelliteDatacenters: string[];
}

/** The body of `POST /bareMetals/v2/remoteManagement/changeCredentials`. */
export interface ChangeOpenVpnCredentialsBody {
  password: string;
}

export type OpenVpnProfilePage = Page<OpenVpnProfile>;
