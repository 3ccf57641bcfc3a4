import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import SettingsOverride from './SettingsOverride.jsx';

const fields = [
  { name: 'prompt', type: 'textarea', label: 'Image Description', required: true },
  { name: 'seed', type: 'number', label: 'Seed', min: 0, max: 2147483647, group: 'advanced' },
  { name: 'styleType', type: 'select', label: 'Style Type', options: ['AUTO', 'DESIGN'], default: 'DESIGN' },
];
const values = { prompt: '', seed: '', styleType: 'DESIGN' };

function renderForm(errors = {}) {
  return render(<SettingsOverride fields={fields} values={values} defaults={values} errors={errors} onChange={() => {}} />);
}

describe('SettingsOverride groups', () => {
  it('folds the fields of the advanced group away until the user opens it', async () => {
    renderForm();
    const group = screen.getByText('Advanced settings').closest('details');
    expect(group).not.toHaveAttribute('open');
    expect(screen.getByLabelText('Seed').closest('details')).toBe(group);
    expect(screen.getByLabelText('Style Type').closest('details')).toBeNull();

    await userEvent.setup().click(screen.getByText('Advanced settings'));

    expect(group).toHaveAttribute('open');
  });

  it('opens a group when one of its fields has an error', () => {
    renderForm({ seed: ['seed must be between 0 and 2147483647.'] });
    expect(screen.getByText('Advanced settings').closest('details')).toHaveAttribute('open');
  });
});
