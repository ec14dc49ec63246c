// The otpauth link as a QR code to scan, drawn as one SVG path from uqr's module matrix (no markup
// strings, so nothing is parsed as HTML; no network). Loaded only on the enrolment screen.
import { svg, type TemplateResult } from 'lit';
import { encode } from 'uqr';

export function qrCode(text: string, label: string): TemplateResult {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return svg`<svg class="qr" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" width="200" height="200" shape-rendering="crispEdges"><rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path></svg>`;
}
