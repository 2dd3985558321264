import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('verify', 'routes/verify.tsx'),
  route('signin', 'routes/signin.tsx'),
  route('signout', 'routes/signout.tsx'),
  route('locale', 'routes/locale.tsx'),
  route('me', 'routes/me.tsx'),
  route('proof/:type/:id/:version', 'routes/proof-download.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  route('dashboard/export.csv', 'routes/dashboard-csv.tsx'),
  route('members', 'routes/members.tsx'),
  route('members/:id', 'routes/member.tsx'),
  route('pipeline', 'routes/pipeline.tsx'),
  route('admin', 'routes/admin.tsx'),
  route('admin/anchoring.json', 'routes/admin-anchoring.tsx'),
  route('chain-rpc', 'routes/chain-rpc.tsx'),
  route('healthz', 'routes/healthz.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
