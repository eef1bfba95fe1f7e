// An in-page confirmation for what cannot be undone: a titled alertdialog with the yes and cancel buttons.
export default function Confirm({ id, title, children, yes, busy, onYes, onCancel }: {
  id: string; title: string; children: React.ReactNode; yes: string; busy?: boolean; onYes: () => void; onCancel: () => void;
}) {
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div id={`${id}-text`}>{children}</div>
      <p className="row">
        <button type="button" className="danger" onClick={onYes} disabled={busy} autoFocus>{busy ? 'Working…' : yes}</button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </p>
    </div>
  );
}
