import { ok, paginate } from '../http.js';
import type { Route } from '../types.js';
import { findPack, type AggregationPacksDataset, type AggregationPacksRequest } from './data.js';

function listAggregationPacks(req: AggregationPacksRequest) {
  return paginate(req, [...req.data.aggregationPacks.packs.values()], 'connectContractItems');
}

function getAggregationPack(req: AggregationPacksRequest) {
  return ok(findPack(req));
}

export const routes: Array<Route<AggregationPacksDataset>> = [
  { id: 'aggregationPacks.listAggregationPacks', method: 'GET', path: '/bareMetals/v2/aggregationPacks', handler: listAggregationPacks },
  {
    id: 'aggregationPacks.getAggregationPack',
    method: 'GET',
    path: '/bareMetals/v2/aggregationPacks/{aggregationPackId}',
    handler: getAggregationPack,
  },
];
