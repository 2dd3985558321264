// The member import template: a CSV with the Chinese headers the import page reads.

export { loader } from './import-template.server';
