import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A table wider than the screen (a phone's 360 px) scrolls sideways in its own box instead of widening the page.
 * While it does, the box is a region named `label` that the keyboard can reach (tabindex 0) and scroll with the
 * arrow keys (WCAG 2.1.1; axe-core's scrollable-region-focusable); where the table fits, it is no tab stop.
 */
export function TableScroll({ label, class: className, children }: { label: string; class?: string; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    measure();
    // The box narrows with the window; the table widens with its rows.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  const region = scrolls ? { role: 'region' as const, 'aria-label': label, tabIndex: 0 } : {};
  return (
    <div ref={box} class={className ? `table-scroll ${className}` : 'table-scroll'} {...region}>
      {children}
    </div>
  );
}
