/** The CSS variable the timetable's colour bars and swatches read (see events.css). */
export function sessionColourStyle(colour: string | undefined): React.CSSProperties {
  // A custom property is not in React's CSSProperties; the object is one all the same.
  return { '--session-colour': colour ?? 'var(--mantine-color-gray-4)' } as React.CSSProperties;
}

/** A small square of the session's colour, beside its name (decorative: the name says it all). */
export function SessionSwatch({ colour, size }: { colour: string; size?: string }) {
  return (
    <span
      className="session-swatch"
      aria-hidden
      style={{ ...sessionColourStyle(colour), ...(size ? { width: size, height: size } : {}) }}
    />
  );
}
