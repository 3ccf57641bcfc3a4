/** A field's label, its control, its help text and the server's errors for it, tied together for screen readers. */
export default function FieldFrame({ id, label, required, helpText, errors, children, asGroup = false }) {
  const errorId = `${id}-errors`;
  const helpId = `${id}-help`;
  const Wrapper = asGroup ? 'fieldset' : 'div';
  return (
    <Wrapper className={errors.length > 0 ? 'field field-invalid' : 'field'} data-field={id}>
      {asGroup ? (
        <legend>
          {label}
          {required && <span aria-hidden="true"> *</span>}
        </legend>
      ) : (
        <label htmlFor={id}>
          {label}
          {required && <span aria-hidden="true"> *</span>}
        </label>
      )}
      {children({ describedBy: [helpText ? helpId : null, errors.length > 0 ? errorId : null].filter(Boolean).join(' ') || undefined })}
      {helpText && (
        <p id={helpId} className="field-help">
          {helpText}
        </p>
      )}
      {errors.length > 0 && (
        <ul id={errorId} className="field-errors" role="alert">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </Wrapper>
  );
}
