import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import PaletteSwatches from './PaletteSwatches.jsx';

describe('PaletteSwatches', () => {
  it('shows each custom member as a swatch of its colour with its hex and weight', () => {
    render(<PaletteSwatches palette={{ members: ['#1B365D', { color: '#FFFFFF', weight: 0.3 }] }} />);

    const swatches = screen.getAllByTestId('palette-swatch');
    expect(swatches.map((swatch) => swatch.dataset.color)).toEqual(['#1B365D', '#FFFFFF']);
    expect(swatches[0].querySelector('.swatch')).toHaveStyle({ backgroundColor: '#1B365D' });
    expect(swatches[1]).toHaveTextContent('#FFFFFF0.3');
  });

  it('names a preset palette', () => {
    render(<PaletteSwatches palette={{ name: 'PASTEL' }} />);

    expect(screen.getByRole('img', { name: 'Colour palette: preset PASTEL' })).toHaveTextContent('PASTEL');
  });
});
