// Every form, one rule: when a submit ends with invalid fields, the first of them gets the focus and is
// scrolled into view, so that nobody is left on Save with the error out of sight. Mantine marks an input
// with an error aria-invalid="true"; client-side checks show theirs on the next frame, the server's when
// its answer arrives, so the form is watched for a while after each submit.

const WATCH_MS = 15_000;

function focusFirstInvalid(form: HTMLFormElement): boolean {
  const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return false;
  // Only from the form itself (its Save button, say): never pull focus from where the user went since.
  const active = document.activeElement;
  if (active && active !== document.body && !form.contains(active)) return true;
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
  return true;
}

/** Installs the rule on the document; returns a function that removes it. */
export function focusFirstInvalidOnSubmit(doc: Document = document): () => void {
  let stop: (() => void) | undefined;
  const onSubmit = (event: Event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    stop?.();
    let done = false;
    const finish = () => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      form.removeEventListener('input', finish);
    };
    const observer = new MutationObserver(() => {
      if (!done && focusFirstInvalid(form)) finish();
    });
    observer.observe(form, { attributes: true, attributeFilter: ['aria-invalid'], subtree: true });
    const timer = setTimeout(finish, WATCH_MS);
    // Once the user types again, errors that appear are theirs to see where they are (validate on blur).
    form.addEventListener('input', finish);
    stop = finish;
    // A field that was invalid before and still is changes no attribute: look once the errors rendered.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!done && focusFirstInvalid(form)) finish();
      }),
    );
  };
  doc.addEventListener('submit', onSubmit, true);
  return () => {
    stop?.();
    doc.removeEventListener('submit', onSubmit, true);
  };
}
