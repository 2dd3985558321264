// The attachment types records share: a file as a record's document holds it, and a file named
// when writing a record (the hash the upload answered). The bytes go over POST /files and
// GET /files/<sha256> (../http.ts), not GraphQL.
import { builder } from '../../../graphql/builder.js';
import type { AttachmentRef } from '../service.js';
import '../errors.js';

export const AttachmentObject = builder.objectRef<AttachmentRef>('Attachment').implement({
  description: 'A file attached to a record, as the record’s document holds it: its SHA-256 is proven by the record’s proof. Download: GET /files/<sha256> (same credentials as /graphql); check the hash of what arrives.',
  fields: (t) => ({
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the file’s bytes, lowercase hex' }),
    name: t.exposeString('name', { description: 'The file’s name' }),
    type: t.exposeString('type', { description: 'image/jpeg, image/png, image/webp or application/pdf, found from the bytes at upload' }),
    size: t.exposeInt('size', { description: 'Bytes' }),
  }),
});

export const AttachmentInputRef = builder.inputType('AttachmentInput', {
  description: 'A file to attach: uploaded first with POST /files, named here by the SHA-256 that answered',
  fields: (t) => ({
    sha256: t.string({ required: true, description: 'The SHA-256 POST /files answered' }),
    name: t.string({ description: 'The name to show (default: the name it was uploaded with)' }),
  }),
});
