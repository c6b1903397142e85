/**
 * A region of a page named by its heading: screen readers list it by that name, and tests find it
 * as a region. The id is the page's own, stable (links and tests point at it).
 */
import type { ReactNode } from "react";

type TitledSectionProps = {
  id: string;
  title: ReactNode;
  className?: string;
  /** The heading names the region for screen readers only (the page already says what it is). */
  titleHidden?: boolean;
  children: ReactNode;
};

export function TitledSection({ id, title, className, titleHidden, children }: TitledSectionProps) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={titleHidden ? "visually-hidden" : undefined}>{title}</h2>
      {children}
    </section>
  );
}
