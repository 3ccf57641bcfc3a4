/**
 * A colour palette as swatches: a preset by its name (Ideogram does not publish the presets'
 * colours), or each custom member as a square of its hex colour with the hex and weight beside it.
 */
export default function PaletteSwatches({ palette, label = 'Colour palette' }) {
  if (!palette) {
    return null;
  }
  if (palette.name) {
    return (
      <span className="palette-swatches" role="img" aria-label={`${label}: preset ${palette.name}`}>
        <span className="swatch-preset">{palette.name}</span>
      </span>
    );
  }
  const members = (palette.members ?? []).map((member) => (typeof member === 'string' ? { color: member } : member));
  if (members.length === 0) {
    return <span className="palette-swatches">(none)</span>;
  }
  return (
    <ul className="palette-swatches" aria-label={label}>
      {members.map((member, index) => (
        <li key={`${member.color}-${index}`} data-testid="palette-swatch" data-color={member.color}>
          <span className="swatch" style={{ backgroundColor: member.color }} aria-hidden="true" />
          <code>{member.color}</code>
          {member.weight != null && <span className="swatch-weight">{member.weight}</span>}
        </li>
      ))}
    </ul>
  );
}
