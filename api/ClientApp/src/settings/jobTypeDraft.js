// Converts between a job type as the API returns it and the editor's form state, and back to the draft the API takes.
import { DefaultSettingsFields } from './v3Options.js';
import { defaultValues } from './uiSchemaValues.js';

export const NewJobType = {
  jobTypeName: '',
  displayName: '',
  description: '',
  isActive: true,
  executionOrder: 100,
  defaultSettings: { styleType: 'AUTO', aspectRatio: '1:1', magicPrompt: 'AUTO', renderingSpeed: 'DEFAULT', numImages: 1 },
  uiSchema: {
    fields: [
      { name: 'prompt', type: 'textarea', label: 'Image Description', required: true },
      { name: 'numImages', type: 'slider', label: 'Number of Images', min: 1, max: 4, default: 1 },
    ],
  },
};

export function editorStateFrom(jobType) {
  return {
    jobTypeName: jobType.jobTypeName,
    displayName: jobType.displayName,
    description: jobType.description ?? '',
    isActive: jobType.isActive,
    executionOrder: jobType.executionOrder,
    defaults: defaultValues(DefaultSettingsFields, jobType.defaultSettings),
    fields: (jobType.uiSchema?.fields ?? []).map(builderRowFrom),
  };
}

function builderRowFrom(field) {
  return {
    name: field.name,
    type: field.type,
    label: field.label,
    required: field.required ?? false,
    placeholder: field.placeholder ?? '',
    options: (field.options ?? []).join(', '),
    min: field.min ?? '',
    max: field.max ?? '',
    default: field.default === undefined ? '' : typeof field.default === 'string' ? field.default : JSON.stringify(field.default),
  };
}

export function draftFrom(state) {
  return {
    jobTypeName: state.jobTypeName.trim(),
    displayName: state.displayName.trim(),
    description: state.description.trim() || undefined,
    isActive: state.isActive,
    executionOrder: Number(state.executionOrder),
    defaultSettings: settingsFrom(state.defaults),
    uiSchema: { fields: state.fields.map(uiFieldFrom) },
  };
}

/** A job type as the API returns it, as a draft again (the API refuses members it does not know). */
export function draftOf(jobType) {
  const { configId: _configId, accountId: _accountId, createdAt: _createdAt, updatedAt: _updatedAt, ...draft } = jobType;
  return draft;
}

function settingsFrom(defaults) {
  const settings = {};
  for (const [name, value] of Object.entries(defaults)) {
    if (value === '' || value === undefined) {
      continue;
    }
    if (name === 'colorPalette' && !value.name && (value.members ?? []).length === 0) {
      continue;
    }
    if (name === 'styleCodes' && value.length === 0) {
      continue;
    }
    settings[name] = value;
  }
  return settings;
}

function uiFieldFrom(row) {
  const field = { name: row.name, type: row.type, label: row.label };
  if (row.required) {
    field.required = true;
  }
  if (row.placeholder) {
    field.placeholder = row.placeholder;
  }
  const options = row.options.split(',').map((option) => option.trim()).filter(Boolean);
  if (options.length > 0) {
    field.options = options;
  }
  if (row.min !== '') {
    field.min = Number(row.min);
  }
  if (row.max !== '') {
    field.max = Number(row.max);
  }
  if (row.default !== '') {
    field.default = parseDefault(row.type, row.default);
  }
  return field;
}

function parseDefault(type, text) {
  if (['slider', 'number', 'checkbox', 'color-palette', 'style-codes'].includes(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
