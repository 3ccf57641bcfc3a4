import { useState } from 'react';

/**
 * A named group of a form's fields (a UI schema field's `group`), collapsed until opened so the main
 * settings stay in view; it opens by itself when one of its fields has an error, so no error is hidden.
 */
export default function FieldGroup({ name, hasErrors, children }) {
  const [open, setOpen] = useState(false);
  const title = name.charAt(0).toUpperCase() + name.slice(1);
  return (
    <details className="field-group" data-group={name} open={open || hasErrors} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{`${title} settings`}</summary>
      {children}
    </details>
  );
}
