import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import SettingsOverride from './SettingsOverride.jsx';
import { defaultValues } from '../settings/uiSchemaValues.js';

const fields = [
  { name: 'prompt', type: 'textarea', label: 'Image Description', required: true },
  { name: 'negativePrompt', type: 'text', label: 'Negative Prompt', default: 'blurry' },
  { name: 'styleType', type: 'select', label: 'Style Type', options: ['AUTO', 'REALISTIC', 'DESIGN'], default: 'DESIGN' },
  { name: 'numImages', type: 'slider', label: 'Number of Images', min: 1, max: 8, default: 4 },
  { name: 'seed', type: 'number', label: 'Seed', min: 0, max: 1000 },
  { name: 'useMagic', type: 'checkbox', label: 'Magic prompt', default: false },
  { name: 'colorPalette', type: 'color-palette', label: 'Palette', default: { members: ['#1B365D', '#FFFFFF'] } },
  { name: 'styleCodes', type: 'style-codes', label: 'Style Codes', default: [] },
];

/** The form as a page holds it: its values in state, each change reported to the test. */
function Harness({ errors = {}, reported }) {
  const defaults = defaultValues(fields);
  const [values, setValues] = useState(defaults);
  return (
    <SettingsOverride
      fields={fields}
      values={values}
      defaults={defaults}
      errors={errors}
      onChange={(next) => {
        reported.push(next);
        setValues(next);
      }}
    />
  );
}

function renderForm(errors) {
  const reported = [];
  render(<Harness errors={errors} reported={reported} />);
  return { reported, last: () => reported[reported.length - 1] };
}

describe('SettingsOverride', () => {
  it('reports text typed in the textarea and the text field', async () => {
    const user = userEvent.setup();
    const form = renderForm();
    await user.type(screen.getByLabelText(/Image Description/), 'a harbour');
    await user.clear(screen.getByLabelText('Negative Prompt'));
    await user.type(screen.getByLabelText('Negative Prompt'), 'text');
    expect(form.last()).toMatchObject({ prompt: 'a harbour', negativePrompt: 'text' });
  });

  it('offers the schema options in the select and reports the choice', async () => {
    const user = userEvent.setup();
    const form = renderForm();
    const select = screen.getByLabelText('Style Type');
    expect(within(select).getAllByRole('option').map((o) => o.value)).toEqual(['AUTO', 'REALISTIC', 'DESIGN']);
    expect(select).toHaveValue('DESIGN');
    await user.selectOptions(select, 'REALISTIC');
    expect(form.last().styleType).toBe('REALISTIC');
  });

  it('shows the slider value and keeps it within min and max', () => {
    const form = renderForm();
    const slider = screen.getByLabelText('Number of Images');
    expect(slider).toHaveAttribute('min', '1');
    expect(slider).toHaveAttribute('max', '8');
    expect(screen.getByTestId('override-numImages-value')).toHaveTextContent('4');
    fireEvent.change(slider, { target: { value: '6' } });
    expect(form.last().numImages).toBe(6);
    expect(screen.getByTestId('override-numImages-value')).toHaveTextContent('6');
    fireEvent.change(slider, { target: { value: '50' } });
    expect(form.last().numImages).toBeLessThanOrEqual(8);
  });

  it('clamps the number field to its min and max', () => {
    const form = renderForm();
    const seed = screen.getByLabelText('Seed');
    fireEvent.change(seed, { target: { value: '5000' } });
    expect(form.last().seed).toBe(1000);
    expect(seed).toHaveValue(1000);
    fireEvent.change(seed, { target: { value: '-3' } });
    expect(form.last().seed).toBe(0);
  });

  it('reports the checkbox as a boolean', async () => {
    const user = userEvent.setup();
    const form = renderForm();
    await user.click(screen.getByLabelText('Magic prompt'));
    expect(form.last().useMagic).toBe(true);
  });

  it('edits palette members with colour pickers, adds and removes them', async () => {
    const user = userEvent.setup();
    const form = renderForm();
    fireEvent.input(screen.getByLabelText('Colour 1'), { target: { value: '#ff0000' } });
    expect(form.last().colorPalette).toEqual({ members: ['#FF0000', '#FFFFFF'] });
    await user.click(screen.getByRole('button', { name: 'Add colour' }));
    expect(form.last().colorPalette.members).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Remove colour 2' }));
    expect(form.last().colorPalette.members).toEqual(['#FF0000', '#888888']);
  });

  it('adds valid style codes and refuses malformed ones', async () => {
    const user = userEvent.setup();
    const form = renderForm();
    const input = screen.getByLabelText('New style code (8 hex digits)');
    const add = screen.getByRole('button', { name: 'Add style code' });
    await user.type(input, 'XYZ');
    expect(add).toBeDisabled();
    await user.clear(input);
    await user.type(input, '1a2b3c4d');
    await user.click(add);
    expect(form.last().styleCodes).toEqual(['1A2B3C4D']);
    await user.click(screen.getByRole('button', { name: 'Remove style code 1A2B3C4D' }));
    expect(form.last().styleCodes).toEqual([]);
  });

  it('resets every field to its default', async () => {
    const user = userEvent.setup();
    const form = renderForm();
    await user.selectOptions(screen.getByLabelText('Style Type'), 'AUTO');
    fireEvent.change(screen.getByLabelText('Number of Images'), { target: { value: '2' } });
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(form.last()).toEqual(defaultValues(fields));
    expect(screen.getByLabelText('Style Type')).toHaveValue('DESIGN');
    expect(screen.getByTestId('override-numImages-value')).toHaveTextContent('4');
  });

  it('shows each server error next to the field it names', () => {
    renderForm({
      numImages: ['numImages must be between 1 and 8.'],
      'overrides.aspectRatio': ['ignored: no such field on this form'],
      styleType: ['styleType must be one of AUTO, GENERAL, REALISTIC, DESIGN, FICTION.'],
    });
    const slider = screen.getByLabelText('Number of Images');
    expect(slider).toHaveAttribute('aria-invalid', 'true');
    const numImagesField = slider.closest('[data-field]');
    expect(within(numImagesField).getByRole('alert')).toHaveTextContent('numImages must be between 1 and 8.');
    const styleField = screen.getByLabelText('Style Type').closest('[data-field]');
    expect(within(styleField).getByRole('alert')).toHaveTextContent(/styleType must be one of/);
    expect(within(styleField).queryByText(/numImages/)).toBeNull();
    expect(screen.getByLabelText('Seed')).toHaveAttribute('aria-invalid', 'false');
  });
});
