/** What a run would cost at the service's prices, from the dry run's estimate. */
export default function CostEstimate({ estimate, withCharacterReference }) {
  if (!estimate) {
    return null;
  }
  return (
    <p className="cost-estimate" data-testid="cost-estimate">
      Estimated cost: <strong>{formatUsd(estimate.total)}</strong> ({estimate.images} × {formatUsd(estimate.perImage)})
      {withCharacterReference && ' — a character reference is priced higher; the submission answers the final figure'}
    </p>
  );
}

export function formatUsd(amount) {
  return `$${Number(amount ?? 0).toFixed(2)}`;
}
