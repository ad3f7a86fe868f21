import { h } from 'preact';
/** The × used by the close, clear and open-launcher buttons; decorative, named by its button. */
export function CloseIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <CloseIcon.Path />
    </svg>
  );
}
CloseIcon.Path = () => <path d="m6 6 12 12M18 6 6 18" />;
