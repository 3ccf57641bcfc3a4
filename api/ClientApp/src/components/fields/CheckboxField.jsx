export default function CheckboxField({ id, field, value, errors, onChange }) {
  const errorId = `${id}-errors`;
  return (
    <div className={errors.length > 0 ? 'field field-checkbox field-invalid' : 'field field-checkbox'} data-field={id}>
      <input
        id={id}
        name={field.name}
        type="checkbox"
        checked={value === true}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? errorId : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{field.label}</label>
      {errors.length > 0 && (
        <ul id={errorId} className="field-errors" role="alert">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
