import { Box, Text } from '@mantine/core';
import { useId, useLayoutEffect, useRef, useState } from 'react';

/**
 * A wide table that scrolls sideways inside its box on a narrow screen, saying so: a line above it reads
 * "Scroll sideways …" while columns are out of sight, and the edge that hides more columns fades. The box is
 * a focusable region so that keyboard users can scroll it too.
 */
export function ScrollTable({
  label,
  minWidth,
  children,
}: {
  /** What the table lists, as its aria-label says ("Users"). */
  label: string;
  minWidth: number;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const hintId = useId();
  const [edges, setEdges] = useState({ left: false, right: false });

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () =>
      setEdges({
        left: box.scrollLeft > 1,
        right: box.scrollLeft + box.clientWidth < box.scrollWidth - 1,
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    box.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, []);

  const scrolls = edges.left || edges.right;
  return (
    <Box>
      {scrolls && (
        <Text size="xs" c="dimmed" mb={4} id={hintId}>
          Scroll sideways to see every column →
        </Text>
      )}
      {/* Focusable while it scrolls: keyboard users scroll it with the arrow keys. */}
      <section
        ref={ref}
        className="scroll-table"
        data-more-left={edges.left || undefined}
        data-more-right={edges.right || undefined}
        aria-label={label}
        aria-describedby={scrolls ? hintId : undefined}
        tabIndex={scrolls ? 0 : undefined}
      >
        <div style={{ minWidth }}>{children}</div>
      </section>
    </Box>
  );
}
