import CheckboxField from './fields/CheckboxField.jsx';
import ColorPaletteField from './fields/ColorPaletteField.jsx';
import FieldGroup from './fields/FieldGroup.jsx';
import NumberField from './fields/NumberField.jsx';
import SelectField from './fields/SelectField.jsx';
import SliderField from './fields/SliderField.jsx';
import StyleCodesField from './fields/StyleCodesField.jsx';
import TextareaField from './fields/TextareaField.jsx';
import TextField from './fields/TextField.jsx';
import { errorsFor } from '../settings/uiSchemaValues.js';

const ControlsByType = {
  textarea: TextareaField,
  text: TextField,
  select: SelectField,
  slider: SliderField,
  number: NumberField,
  checkbox: CheckboxField,
  'color-palette': ColorPaletteField,
  'style-codes': StyleCodesField,
};

/**
 * The override form of a job type, generated from its UI schema. Controlled: values come in, every
 * edit goes out through onChange(values); errors are the server's `errors`, shown beside each field.
 * Fields that name a `group` (the seeded types put the seed under "advanced") follow the others, folded away.
 */
export default function SettingsOverride({ fields, values, defaults, errors, onChange, idPrefix = 'override' }) {
  const control = (field) => {
    const Control = ControlsByType[field.type] ?? TextField;
    return (
      <Control
        key={field.name}
        id={`${idPrefix}-${field.name}`}
        field={field}
        value={values[field.name]}
        errors={errorsFor(errors, field.name)}
        onChange={(value) => onChange({ ...values, [field.name]: value })}
      />
    );
  };
  const groups = [...new Set(fields.map((field) => field.group).filter(Boolean))];
  return (
    <div className="settings-override">
      {fields.filter((field) => !field.group).map(control)}
      {groups.map((group) => (
        <FieldGroup key={group} name={group} hasErrors={fields.some((field) => field.group === group && errorsFor(errors, field.name).length > 0)}>
          {fields.filter((field) => field.group === group).map(control)}
        </FieldGroup>
      ))}
      <button type="button" className="secondary" onClick={() => onChange(defaults)}>
        Reset to defaults
      </button>
    </div>
  );
}
