// Refusals of an upload, with their own codes: the same shape as GraphQL errors, so the web app and
// partners read them the same way.
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';

export const AttachmentCode = defineCodes('attachments', {
  FILE_TOO_LARGE: {
    en: 'The file is larger than the server accepts; `extensions.maxBytes` gives the limit.',
    zh: '文件超过服务器允许的大小；`extensions.maxBytes` 为上限。',
  },
  FILE_TYPE_NOT_ALLOWED: {
    en: 'Only JPEG, PNG and WebP photos and PDF documents can be attached (found from the file’s content); SVG and HTML never.',
    zh: '只能上传 JPEG、PNG、WebP 图片和 PDF 文件（按文件内容识别）；不接受 SVG 和 HTML。',
  },
  FILE_EMPTY: {
    en: 'The upload held no bytes.',
    zh: '上传的文件为空。',
  },
});

const mb = (n: number) => (n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1);

export function fileTooLarge(maxBytes: number): GraphQLError {
  return appError(AttachmentCode.FILE_TOO_LARGE, `The file is larger than ${mb(maxBytes)} MB; attach a smaller one (a photo at a lower resolution, or the PDF in parts).`, {
    messageZh: `文件超过 ${mb(maxBytes)} MB，请上传较小的文件（降低照片分辨率，或将 PDF 分成几份）。`,
    extensions: { maxBytes },
  });
}

export function fileTypeNotAllowed(markup: boolean): GraphQLError {
  return markup
    ? appError(AttachmentCode.FILE_TYPE_NOT_ALLOWED, 'SVG, HTML and other markup files cannot be attached: they can carry scripts. Attach a photo (JPEG, PNG, WebP) or a PDF.', {
        messageZh: 'SVG、HTML 等标记文件可能携带脚本，不能作为附件。请上传照片（JPEG、PNG、WebP）或 PDF 文件。',
      })
    : appError(AttachmentCode.FILE_TYPE_NOT_ALLOWED, 'This file is not a JPEG, PNG or WebP photo or a PDF (judged from its content, not its name). Save or scan it as one of those and attach it again.', {
        messageZh: '该文件不是 JPEG、PNG、WebP 图片或 PDF（按文件内容识别，而非文件名）。请另存或扫描为上述格式后重新上传。',
      });
}

export function fileEmpty(): GraphQLError {
  return appError(AttachmentCode.FILE_EMPTY, 'The file is empty: choose the file again.', { messageZh: '文件为空，请重新选择文件。' });
}
