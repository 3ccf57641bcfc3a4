/** Previous and next page of a paged list; next is off until the page is known and while it is the last. */
export default function Pager({ label, offset, pageSize, page, onOffset }) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Previous page
      </button>
      <button type="button" className="secondary" disabled={!page || offset + pageSize >= page.total} onClick={() => onOffset(offset + pageSize)}>
        Next page
      </button>
    </nav>
  );
}
