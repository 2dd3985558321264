// A QR code drawn as inline SVG from the qrcode library's module matrix: rendered on the server
// and in the browser alike, no canvas, no image request, nothing fetched from elsewhere.
import QRCode from 'qrcode';
import { useMemo } from 'react';

/** The SVG path of the dark modules, offset by the 4-module quiet zone the standard asks for. */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (modules.data[y * n + x]) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
  }
  return { size: n + 8, d };
}

/** `px` is a number of pixels or any CSS length (e.g. "70vmin" on a projector). */
export function QrCode({ text, label, px = 256 }: { text: string; label: string; px?: number | string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={typeof px === 'number' ? px : undefined}
      height={typeof px === 'number' ? px : undefined}
      style={typeof px === 'string' ? { width: px, height: px } : undefined}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      data-testid="qr"
      data-qr-text={text}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
