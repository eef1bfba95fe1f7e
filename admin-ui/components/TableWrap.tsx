// A table that may be wider than a phone scrolls inside this region, never the page; the region is focusable and
// named (after its table, so it never repeats the name of the section around it), so a keyboard user can scroll it too.
export default function TableWrap({ label, children }: { label: string; children: React.ReactNode }) {
  return <div className="table-wrap" role="region" aria-label={`${label} (table)`} tabIndex={0}>{children}</div>;
}
