/**
 * The body of POST /api/jobs/execute: JSON when no images go with it, otherwise multipart with the
 * same fields (overrides as JSON text), one styleReferenceImages part per file and the characterReferenceImage.
 */
export function submissionBody({ jobType, prompt, overrides, styleReferences = [], characterReference = null }) {
  if (styleReferences.length === 0 && !characterReference) {
    return { jobType, prompt, overrides };
  }
  const form = new FormData();
  form.append('jobType', jobType);
  form.append('prompt', prompt);
  form.append('overrides', JSON.stringify(overrides ?? {}));
  for (const file of styleReferences) {
    form.append('styleReferenceImages', file, file.name);
  }
  if (characterReference) {
    form.append('characterReferenceImage', characterReference, characterReference.name);
  }
  return form;
}
