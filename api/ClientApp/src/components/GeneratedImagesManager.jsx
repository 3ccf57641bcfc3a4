import { useCallback, useState } from 'react';
import { query } from '../api/apiClient.js';
import { useJobTypes } from '../hooks/useJobTypes.js';
import { useLatestRequest } from '../hooks/useLatestRequest.js';
import { useLiveList } from '../hooks/useLiveList.js';
import FilterSelect from './FilterSelect.jsx';
import ImageDetail from './ImageDetail.jsx';
import Pager from './Pager.jsx';

const PageSize = 24;
const ImageStatuses = ['pendingReview', 'approved', 'rejected', 'archived'];
const StatusByAction = { approve: 'approved', reject: 'rejected', archive: 'archived' };

/** The account's images: filter, page, review one or many, download a zip, regenerate. */
export default function GeneratedImagesManager({ api }) {
  const { jobTypes } = useJobTypes(api, { includeInactive: true });
  const [filters, setFilters] = useState({ jobType: '', status: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState(null);
  const [selected, setSelected] = useState(new Set());
  const [opened, setOpened] = useState(null);
  const [notice, setNotice] = useState(null);
  const [error, setError] = useState(null);
  const latestRequest = useLatestRequest();

  const load = useCallback(() => {
    const range = {
      from: filters.from ? new Date(`${filters.from}T00:00:00Z`).toISOString() : '',
      to: filters.to ? new Date(`${filters.to}T23:59:59Z`).toISOString() : '',
    };
    latestRequest(
      api.get(`/api/images${query({ jobType: filters.jobType, status: filters.status, ...range, offset, limit: PageSize })}`),
      (result) => {
        setPage(result);
        setError(null);
      },
      (failure) => setError(failure.message),
    );
  }, [api, filters, offset, latestRequest]);

  // New images appear as jobs store them: the gallery follows the account's event stream, and polls
  // slowly only while the stream is down.
  useLiveList(api, load, (event, reloadSoon) => {
    if (event.type === 'image' || (event.type === 'status' && event.status === 'completed')) {
      reloadSoon();
    }
  });

  function setFilter(name, value) {
    setFilters({ ...filters, [name]: value });
    setOffset(0);
    setSelected(new Set());
  }

  function toggle(imageId) {
    const next = new Set(selected);
    if (next.has(imageId)) {
      next.delete(imageId);
    } else {
      next.add(imageId);
    }
    setSelected(next);
  }

  async function changeStatus(imageIds, action) {
    try {
      if (imageIds.length === 1) {
        await api.post(`/api/images/${imageIds[0]}/${action}`);
      } else {
        await api.post('/api/images/status', { imageIds, status: StatusByAction[action] });
      }
      setNotice(`${imageIds.length} image(s) marked ${StatusByAction[action]}.`);
      if (opened && imageIds.includes(opened.imageId)) {
        setOpened({ ...opened, status: StatusByAction[action] });
      }
      load();
    } catch (failure) {
      setError(failure.message);
    }
  }

  async function downloadZip() {
    try {
      const zip = await api.blob('/api/images/export', { imageIds: [...selected] });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(zip);
      link.download = `images-${new Date().toISOString().slice(0, 10)}.zip`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setNotice(`Downloading ${selected.size} image(s) as a zip.`);
    } catch (failure) {
      setError(failure.message);
    }
  }

  const images = page?.items ?? [];
  return (
    <section aria-labelledby="images-heading">
      <h1 id="images-heading">Images</h1>
      <form className="filters" aria-label="Filter images" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor="filter-job-type">Job type</label>
          <select id="filter-job-type" value={filters.jobType} onChange={(event) => setFilter('jobType', event.target.value)}>
            <option value="">All</option>
            {(jobTypes ?? []).map((jobType) => (
              <option key={jobType.configId} value={jobType.jobTypeName}>
                {jobType.displayName}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          id="filter-status"
          label="Status"
          value={filters.status}
          choices={ImageStatuses}
          onChange={(status) => setFilter('status', status)}
        />
        <div>
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" type="date" value={filters.from} onChange={(event) => setFilter('from', event.target.value)} />
        </div>
        <div>
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" type="date" value={filters.to} onChange={(event) => setFilter('to', event.target.value)} />
        </div>
      </form>
      <div className="actions" role="group" aria-label="Selected images">
        <span>{selected.size} selected</span>
        <button type="button" disabled={selected.size === 0} onClick={downloadZip}>
          Download zip
        </button>
        <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => changeStatus([...selected], 'approve')}>
          Approve selected
        </button>
        <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => changeStatus([...selected], 'archive')}>
          Archive selected
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {page && (
        <p data-testid="images-total">
          {page.total} image(s){page.total > 0 ? `, showing ${offset + 1}–${offset + images.length}` : ''}
        </p>
      )}
      <ul className="gallery" aria-label="Generated images">
        {images.map((image) => (
          <li key={image.imageId} className={selected.has(image.imageId) ? 'selected' : undefined}>
            <button type="button" className="thumbnail" onClick={() => setOpened(image)} aria-label={`Open image ${image.imageId}`}>
              <img src={image.thumbnailUrl ?? image.url} alt="" loading="lazy" />
            </button>
            <div className="thumbnail-caption">
              <input
                id={`select-image-${image.imageId}`}
                type="checkbox"
                checked={selected.has(image.imageId)}
                onChange={() => toggle(image.imageId)}
              />
              <label htmlFor={`select-image-${image.imageId}`}>{`Select image ${image.imageId}`}</label>
              <span className="badge">{image.status}</span>
            </div>
          </li>
        ))}
      </ul>
      <Pager label="Pages of images" offset={offset} pageSize={PageSize} page={page} onOffset={setOffset} />
      {opened && (
        <ImageDetail
          key={opened.imageId}
          api={api}
          image={opened}
          jobType={jobTypes?.find((jobType) => jobType.jobTypeName === opened.jobType)}
          onStatusChange={changeStatus}
          onClose={() => setOpened(null)}
        />
      )}
    </section>
  );
}
