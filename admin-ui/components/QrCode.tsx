'use client';
// A QR code drawn in the browser as SVG (npm qrcode): crisp at any print size, nothing fetched.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export default function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(s => { if (live) setSvg(s); });
    return () => { live = false; };
  }, [text]);
  return <div className="qr" role="img" aria-label={label} data-qr={text} dangerouslySetInnerHTML={{ __html: svg }} />;
}
