// The API's own limits for images sent with a submission (ExecuteRequestReader): JPEG, PNG or WebP,
// at most three style references, 10,000,000 bytes in all; one character reference within the same total.
export const MaxStyleReferences = 3;
export const MaxReferenceBytes = 10_000_000;
export const ReferenceImageTypes = ['image/png', 'image/jpeg', 'image/webp'];

const Megabyte = 1_000_000;

export function formatBytes(bytes) {
  return bytes >= Megabyte ? `${(bytes / Megabyte).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/**
 * Which of the offered files may join the chosen ones: each must be an accepted type, the count
 * must stay within maxCount and the total within maxBytes (the bytes of otherBytes count too).
 * Answers the accepted files and a sentence for each refused one.
 */
export function admitFiles(chosen, offered, { maxCount, maxBytes, otherBytes = 0 }) {
  const accepted = [];
  const refused = [];
  let count = chosen.length;
  let total = otherBytes + chosen.reduce((sum, file) => sum + file.size, 0);
  for (const file of offered) {
    if (!ReferenceImageTypes.includes(file.type)) {
      refused.push(`${file.name} is not a PNG, JPEG or WebP image.`);
    } else if (count >= maxCount) {
      refused.push(`${file.name} was not added: at most ${maxCount} ${maxCount === 1 ? 'image' : 'images'}.`);
    } else if (total + file.size > maxBytes) {
      refused.push(`${file.name} (${formatBytes(file.size)}) is too large: reference images may total at most ${formatBytes(maxBytes)}.`);
    } else {
      accepted.push(file);
      count += 1;
      total += file.size;
    }
  }
  return { accepted, refused };
}
