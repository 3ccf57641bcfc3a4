import FieldFrame from './FieldFrame.jsx';

export default function TextareaField({ id, field, value, errors, onChange }) {
  return (
    <FieldFrame id={id} label={field.label} required={field.required} helpText={field.helpText} errors={errors}>
      {({ describedBy }) => (
        <textarea
          id={id}
          name={field.name}
          rows={3}
          value={value ?? ''}
          placeholder={field.placeholder ?? undefined}
          required={field.required ?? false}
          aria-invalid={errors.length > 0}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
