/**
 * A stacked bar per period, drawn in SVG; series are stacked in the order given. The table beside
 * it in the dashboard carries the same numbers for screen readers.
 */
export default function BarChart({ title, periods, series, height = 160 }) {
  const totals = periods.map((period) => series.reduce((sum, s) => sum + (period.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const barWidth = 24;
  const gap = 8;
  const width = Math.max(periods.length * (barWidth + gap), 200);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height + 20}`} preserveAspectRatio="xMinYMin meet">
        {periods.map((period, index) => {
          let y = height;
          return (
            <g key={period.label} transform={`translate(${index * (barWidth + gap)},0)`}>
              {series.map((s) => {
                const value = period.values[s.key] ?? 0;
                const barHeight = (value / max) * height;
                y -= barHeight;
                return (
                  <rect key={s.key} x={0} y={y} width={barWidth} height={barHeight} fill={s.colour}>
                    <title>{`${period.label} ${s.label}: ${value}`}</title>
                  </rect>
                );
              })}
              <text x={barWidth / 2} y={height + 14} textAnchor="middle" fontSize="9">
                {period.label.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul className="legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
