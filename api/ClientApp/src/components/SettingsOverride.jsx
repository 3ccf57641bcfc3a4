import CheckboxField from './fields/CheckboxField.jsx';
import ColorPaletteField from './fields/ColorPaletteField.jsx';
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
 */
export default function SettingsOverride({ fields, values, defaults, errors, onChange, idPrefix = 'override' }) {
  return (
    <div className="settings-override">
      {fields.map((field) => {
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
      })}
      <button type="button" className="secondary" onClick={() => onChange(defaults)}>
        Reset to defaults
      </button>
    </div>
  );
}
