// /notices/published — the same page as /notices in its staff view (the loader reads the path):
// a route of its own so that the tabs, which match by path, mark the right one.
export { default, loader, action, meta } from './list';
