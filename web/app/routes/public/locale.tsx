// The language switch: remembers the choice in a cookie and goes back to the page it came from.

export { action, loader } from './locale.server';
