import type { Page } from '../page.js';

/** Upstream shapes of private networks (bareMetals/v2 `/privateNetworks`), as the samples document them. */

export interface PrivateNetwork {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** The list (and the create answer) only. */
  equipmentCount?: number;
  /** The create and update answers only (always empty in the documented answers). */
  servers?: unknown[];
}

export interface PrivateNetworkReservation {
  ip: string;
  mac: string;
  sticky: boolean;
}

/** A reservation with the network it belongs to, as the graph passes it on. */
export interface PrivateNetworkReservationModel extends PrivateNetworkReservation {
  privateNetworkId: string;
}

export type PrivateNetworkPage = Page<PrivateNetwork>;
export type PrivateNetworkReservationPage = Page<PrivateNetworkReservationModel>;
