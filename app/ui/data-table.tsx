/**
 * The one markup of the app's tables: a scrolling wrapper, a caption (read by screen readers, and
 * shown where no heading on the page names the table), the column heads (`<th scope="col">`, the
 * numeric ones aligned right), the page's own rows and, where there are totals, a footer row.
 */
import type { ReactNode } from "react";

/**
 * A column head: its label, or the label (text or markup, such as an abbreviation), whether the
 * column holds numbers, and a name for screen readers where the label is abbreviated.
 */
export type Column = string | { label: ReactNode; numeric?: boolean; name?: string };

type DataTableProps = {
  caption: string;
  /** Captions are for screen readers unless the table has no heading of its own on the page. */
  captionVisible?: boolean;
  columns: readonly Column[];
  className?: string;
  /** The table's rows (<tr> elements). */
  children: ReactNode;
  /** A footer row (<tr>) of totals. */
  foot?: ReactNode;
};

export function DataTable({ caption, captionVisible, columns, className, children, foot }: DataTableProps) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption className={captionVisible ? undefined : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => {
              const { label, numeric, name } = typeof column === "string" ? { label: column, numeric: false, name: undefined } : column;
              return <th key={i} scope="col" className={numeric ? "num" : undefined} aria-label={name}>{label}</th>;
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}
