// GET /files/:sha256/thumb — the small WebP the API made of an attached image, for the list of
// attachments; the same access as the file.

export { loader } from './thumb.server';
