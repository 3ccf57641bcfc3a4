import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import ReferenceImagePicker from './ReferenceImagePicker.jsx';

function image(name, size, type = 'image/png') {
  return new File([new Uint8Array(size)], name, { type });
}

function Harness({ reported }) {
  const [files, setFiles] = useState([]);
  return (
    <ReferenceImagePicker
      id="refs"
      label="Style reference images"
      helpText="Up to 3."
      files={files}
      maxCount={3}
      maxBytes={1000}
      onChange={(next) => {
        reported.push(next);
        setFiles(next);
      }}
    />
  );
}

describe('ReferenceImagePicker', () => {
  URL.createObjectURL = vi.fn(() => 'blob:preview');
  URL.revokeObjectURL = vi.fn();

  it('keeps up to three images, refuses a fourth, a wrong type and one over the total before anything is sent', async () => {
    const reported = [];
    render(<Harness reported={reported} />);
    const input = screen.getByLabelText('Style reference images: choose files');

    await userEvent.upload(input, [image('a.png', 100), image('b.jpg', 100, 'image/jpeg')]);
    await userEvent.upload(input, [image('huge.png', 900)], { applyAccept: false });
    await userEvent.upload(input, [image('notes.txt', 10, 'text/plain')], { applyAccept: false });
    await userEvent.upload(input, [image('c.webp', 100, 'image/webp')]);

    expect(reported.at(-1).map((file) => file.name)).toEqual(['a.png', 'b.jpg', 'c.webp']);
    const chosen = screen.getByRole('list', { name: 'Style reference images: chosen' });
    expect(within(chosen).getAllByRole('img')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Choose images…' })).toBeDisabled();

    await userEvent.upload(input, [image('d.png', 10)]);
    expect(reported.at(-1)).toHaveLength(3);
    expect(screen.getByRole('alert')).toHaveTextContent('d.png was not added: at most 3 images.');
  });

  it('says why a file is refused', async () => {
    render(<Harness reported={[]} />);
    const input = screen.getByLabelText('Style reference images: choose files');

    await userEvent.upload(input, [image('huge.png', 2000)]);

    expect(screen.getByRole('alert')).toHaveTextContent('huge.png (2 kB) is too large');
  });

  it('removes a chosen file', async () => {
    const reported = [];
    render(<Harness reported={reported} />);
    await userEvent.upload(screen.getByLabelText('Style reference images: choose files'), [image('a.png', 10), image('b.png', 10)]);

    await userEvent.click(screen.getByRole('button', { name: 'Remove a.png' }));

    expect(reported.at(-1).map((file) => file.name)).toEqual(['b.png']);
  });
});
