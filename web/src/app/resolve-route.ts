import { matchPath, type RouteParams } from '../router/match.ts';
import { ROUTES, type Area, type RouteId } from './route-table.ts';

export interface ResolvedRoute {
  id: RouteId;
  area: Area;
  params: RouteParams;
}

export function resolveRoute(path: string): ResolvedRoute {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { id: route.id, area: route.area, params };
  }
  return { id: 'notFound', area: path.startsWith('/staff') ? 'staff' : 'patient', params: {} };
}
