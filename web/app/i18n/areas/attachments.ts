// Interface text of attachments (附件): the file field of a form, and the list on a record's page
// with each file's own check — the page downloads the file and compares its SHA-256 with the hash
// in the verified record. Chinese first; English typed by it. File names are data (<bdi>).

export const zh = {
  title: '附件',
  field: '附件（可选）',
  fieldHint: (max: number) => `可附照片（JPEG、PNG、WebP）或 PDF 扫描件，每个不超过 10 MB，最多 ${max} 个；不接受 SVG、HTML。每个文件的哈希值写入记录，随记录一起验证。`,
  intro: '每个附件的哈希值都写在记录中。本页下载附件后在浏览器中重新计算哈希，与已验证的记录比对。',
  checking: '正在核验…',
  verified: '已核验',
  verifiedText: '下载的文件与记录中的哈希值一致',
  failed: '校验失败',
  failedText: '下载的文件与记录中的哈希值不一致：文件已被更改或损坏，请勿使用，并报告管理员。',
  notInRecord: '记录中没有这个文件的哈希：无法证明该文件。',
  unavailable: '无法下载',
  unavailableText: '暂时无法下载文件，请稍后刷新页面再试。',
  pendingRecord: '记录尚未上链：暂按记录中列出的哈希核验，上链后可完整验证。',
  download: '下载',
  downloadLabel: (name: string) => `下载附件 ${name}`,
  thumbAlt: (name: string) => `附件 ${name} 的缩略图`,
  hash: '哈希值',
  types: { 'image/jpeg': 'JPEG 图片', 'image/png': 'PNG 图片', 'image/webp': 'WebP 图片', 'application/pdf': 'PDF 文件' } as Record<string, string>,
};

export const en: typeof zh = {
  title: 'Attachments',
  field: 'Attachments (optional)',
  fieldHint: (max: number) => `Photos (JPEG, PNG, WebP) or scanned PDFs, up to 10 MB each, at most ${max}; SVG and HTML are not accepted. Each file’s SHA-256 goes into the record and is verified with it.`,
  intro: 'Each attachment’s SHA-256 is written in the record. This page downloads the file, recomputes its hash in your browser and compares it with the verified record.',
  checking: 'Checking…',
  verified: 'Verified',
  verifiedText: 'The downloaded file matches the SHA-256 in the record',
  failed: 'Check failed',
  failedText: 'The downloaded file does not match the SHA-256 in the record: it was changed or damaged. Do not rely on it, and tell the administrator.',
  notInRecord: 'The record holds no hash of this file: it cannot be proven.',
  unavailable: 'Not available',
  unavailableText: 'The file could not be downloaded just now; reload the page to try again.',
  pendingRecord: 'The record is not anchored yet: files are checked against the hashes the record lists; the full check follows once it is anchored.',
  download: 'Download',
  downloadLabel: (name: string) => `Download attachment ${name}`,
  thumbAlt: (name: string) => `Thumbnail of attachment ${name}`,
  hash: 'SHA-256',
  types: { 'image/jpeg': 'JPEG image', 'image/png': 'PNG image', 'image/webp': 'WebP image', 'application/pdf': 'PDF document' },
};
