// Copying text for the reader: to the clipboard when the browser allows it, otherwise into a
// visible, selected field they copy from themselves. Used by "Copy link" on every calculator and
// by the self-check summary's "Copy as text".

/** Copy `text`; say what happened in `status`.
 *  @param {string} text
 *  @param {HTMLInputElement | HTMLTextAreaElement} field  hidden until the clipboard refuses
 *  @param {HTMLElement} status
 *  @param {{ copied: string, select: string }} say  the words for each outcome */
export async function copyText(text, field, status, say) {
  try {
    await navigator.clipboard.writeText(text);
    field.hidden = true;
    status.textContent = say.copied;
  } catch {
    field.value = text;
    field.hidden = false;
    field.focus();
    field.select();
    status.textContent = say.select;
  }
}
