/**
 * The top of every page: a link back to the page this one sits under, the title (the page's only
 * h1), the lines that say what the page covers, and any buttons that start something new.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

type PageHeaderProps = {
  title: ReactNode;
  /** The page this one sits under, linked above the title. */
  back?: { to: string; label: ReactNode };
  /** Buttons beside the title (create, import). */
  actions?: ReactNode;
  /** Lines under the title: what the page covers, its state, notices. */
  children?: ReactNode;
};

export function PageHeader({ title, back, actions, children }: PageHeaderProps) {
  const heading = <h1>{title}</h1>;
  return (
    <header className="page-header">
      {back ? <p className="page-back"><Link to={back.to}>← {back.label}</Link></p> : null}
      {actions ? <div className="section-head">{heading}{actions}</div> : heading}
      {children}
    </header>
  );
}
