/** A delivery log's last cell: redeliver, offered once the delivery is no longer pending. */
export default function RedeliverCell({ delivery, onRedeliver }) {
  return (
    <td>
      {delivery.status !== 'pending' && (
        <button type="button" className="secondary" onClick={() => onRedeliver(delivery.deliveryId)}>
          Redeliver
        </button>
      )}
    </td>
  );
}
