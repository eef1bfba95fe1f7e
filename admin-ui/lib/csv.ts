// CSV as RFC 4180 writes it: fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end CRLF. A cell a
// spreadsheet would run as a formula (= + - @, or a tab or CR first) gets a leading single quote (OWASP's advice on
// CSV injection): a phone or a result description must never become a formula in the operator's Excel.

/** Returns one cell: the formula guard first, then the quoting. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Returns a CSV file's text: the header row, then one row per record. */
export function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map(row => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Makes the browser save `text` as `filename` (a Blob behind an object URL, freed after the click). */
export function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
