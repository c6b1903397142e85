/**
 * The one markup of the app's tables: a scrolling wrapper, a caption (read by screen readers, and
 * shown where no heading on the page names the table), the column heads (`<th scope="col">`, the
 * numeric ones aligned right), the rows and, where there are totals, a footer row. A table of
 * records passes `rows` and columns that draw their own cell (the numeric cells aligned like their
 * head); a table with grouped or spanning rows passes its `<tr>` elements as children.
 */
import type { ReactNode } from "react";

/**
 * A column head: its label, or the label (text or markup, such as an abbreviation), whether the
 * column holds numbers, and a name for screen readers where the label is abbreviated.
 */
export type Column = string | { label: ReactNode; numeric?: boolean; name?: string };

/** A column of a table of records: its head, and the cell it draws for each record. */
export type RowColumn<R> = { label: ReactNode; numeric?: boolean; name?: string; cell: (row: R) => ReactNode };

export type Keyed = { id: number | string };

/** What every table has besides its columns and rows. */
export type TableFrame = {
  caption: string;
  /** Captions are for screen readers unless the table has no heading of its own on the page. */
  captionVisible?: boolean;
  className?: string;
  /** A footer row (<tr>) of totals. */
  foot?: ReactNode;
};

export type DataTableProps<R extends Keyed> = TableFrame & (
  | { columns: readonly RowColumn<R>[]; rows: readonly R[]; children?: never }
  | { columns: readonly Column[]; /** The table's rows (<tr> elements). */ children: ReactNode; rows?: never }
);

export function DataTable<R extends Keyed>(props: DataTableProps<R>) {
  const { caption, captionVisible, columns, className, foot } = props;
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
        <tbody>{props.rows ? <RecordRows rows={props.rows} columns={props.columns} /> : props.children}</tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}

function RecordRows<R extends Keyed>({ rows, columns }: { rows: readonly R[]; columns: readonly RowColumn<R>[] }) {
  return rows.map((row) => (
    <tr key={row.id}>
      {columns.map((column, i) => <td key={i} className={column.numeric ? "num" : undefined}>{column.cell(row)}</td>)}
    </tr>
  ));
}
