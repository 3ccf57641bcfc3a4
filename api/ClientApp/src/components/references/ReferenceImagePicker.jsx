import { useEffect, useRef, useState } from 'react';
import { admitFiles, formatBytes, ReferenceImageTypes } from '../../settings/referenceImageRules.js';

/**
 * Images to send with a run: dropped on the zone or picked, checked for type, count and total size
 * before anything is sent, shown as previews, each removable. The chosen files live with the caller.
 */
export default function ReferenceImagePicker({ id, label, helpText, files, onChange, maxCount, maxBytes, otherBytes = 0 }) {
  const input = useRef(null);
  const [refused, setRefused] = useState([]);
  const [dragging, setDragging] = useState(false);
  const previews = usePreviewUrls(files);

  function offer(offered) {
    const { accepted, refused: reasons } = admitFiles(files, [...offered], { maxCount, maxBytes, otherBytes });
    setRefused(reasons);
    if (accepted.length > 0) {
      onChange([...files, ...accepted]);
    }
  }

  function drop(event) {
    event.preventDefault();
    setDragging(false);
    offer(event.dataTransfer.files);
  }

  const total = files.reduce((sum, file) => sum + file.size, 0);
  const full = files.length >= maxCount;
  return (
    <fieldset className="reference-picker" aria-describedby={`${id}-help`}>
      <legend>{label}</legend>
      <p id={`${id}-help`} className="field-help">
        {helpText} PNG, JPEG or WebP; {formatBytes(maxBytes)} in all.
      </p>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid={`${id}-drop-zone`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <span>{full ? `${maxCount} of ${maxCount} chosen` : 'Drop images here, or'}</span>
        <button type="button" className="secondary" disabled={full} onClick={() => input.current?.click()}>
          Choose images…
        </button>
        <input
          ref={input}
          id={`${id}-input`}
          aria-label={`${label}: choose files`}
          type="file"
          hidden
          multiple={maxCount > 1}
          accept={ReferenceImageTypes.join(',')}
          onChange={(event) => {
            offer(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      {refused.length > 0 && (
        <ul role="alert" className="error">
          {refused.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="reference-previews" aria-label={`${label}: chosen`}>
          {files.map((file, index) => (
            <li key={`${file.name}-${file.lastModified}-${index}`}>
              <img src={previews[index]} alt={`Preview of ${file.name}`} />
              <span>
                {file.name} ({formatBytes(file.size)})
              </span>
              <button
                type="button"
                className="secondary"
                aria-label={`Remove ${file.name}`}
                onClick={() => {
                  setRefused([]);
                  onChange(files.filter((_, i) => i !== index));
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && <p className="field-help">{formatBytes(total)} chosen.</p>}
    </fieldset>
  );
}

/** Object URLs for the files' previews, released when the files change or the picker goes. */
function usePreviewUrls(files) {
  const [urls, setUrls] = useState([]);
  useEffect(() => {
    const created = files.map((file) => URL.createObjectURL(file));
    setUrls(created);
    return () => created.forEach((url) => URL.revokeObjectURL(url));
  }, [files]);
  return urls;
}
