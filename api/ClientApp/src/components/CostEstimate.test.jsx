import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import CostEstimate, { formatUsd } from './CostEstimate.jsx';

describe('CostEstimate', () => {
  it('shows the total and how it is made up', () => {
    render(<CostEstimate estimate={{ currency: 'USD', perImage: 0.06, images: 4, total: 0.24 }} />);

    expect(screen.getByTestId('cost-estimate')).toHaveTextContent('Estimated cost: $0.24 (4 × $0.06)');
  });

  it('says a character reference changes the price', () => {
    render(<CostEstimate estimate={{ currency: 'USD', perImage: 0.06, images: 1, total: 0.06 }} withCharacterReference />);

    expect(screen.getByTestId('cost-estimate')).toHaveTextContent('character reference is priced higher');
  });

  it('shows nothing before the dry run answered', () => {
    const { container } = render(<CostEstimate estimate={undefined} />);

    expect(container).toBeEmptyDOMElement();
  });

  it('writes dollars with cents', () => {
    expect(formatUsd(1.5)).toBe('$1.50');
    expect(formatUsd(undefined)).toBe('$0.00');
  });
});
