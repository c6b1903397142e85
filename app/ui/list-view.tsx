/**
 * The scaffolding every list page shares: the filter form (a GET search landmark ending with the
 * Filter button) and its fields, and the list itself (the count read out to screen readers, a
 * captioned table with its column heads, the pager). Pages pass only their fields, columns and rows.
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableProps, type Keyed, type RowColumn, type TableFrame } from "./data-table";
import { Pagination } from "./pagination";

/** A list's filters: fields, then the Filter button, then any extra actions (downloads). */
export function FilterForm({ label, children, actions }: { label: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters" role="search" aria-label={label}>
      {children}
      <button type="submit">{t("common.filter")}</button>
      {actions}
    </Form>
  );
}

type FilterOption = { value: string | number; label: string };

/** A filter's choice: "All" (the empty value, unless the page reads another), then the options. */
export function SelectFilter({ label, name, value, options, allValue = "" }: { label: string; name: string; value: string | number; options: FilterOption[]; allValue?: string }) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value={allValue}>{t("common.all")}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

type TextFilterProps = { label: string; name: string; value?: string | number; maxLength?: number; type?: "search"; inputMode?: "numeric"; placeholder?: string };

/** A filter's text box (a code, a name, a day typed dd/mm/yyyy). */
export function TextFilter({ label, value, ...input }: TextFilterProps) {
  return (
    <label>
      {label}
      <input {...input} defaultValue={value ?? ""} />
    </label>
  );
}

/** A filter's yes/no ("1" when ticked). */
export function CheckboxFilter({ label, name, checked }: { label: string; name: string; checked: boolean }) {
  return (
    <label className="checkbox">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} />
      {label}
    </label>
  );
}

/** A list's downloads in both formats, with the list's own filters (`query`). */
export function DownloadLinks({ path, query, csv, xlsx }: { path: string; query: URLSearchParams; csv: string; xlsx: string }) {
  return (
    <>
      <a className="button" href={`${path}?format=csv&${query}`} download>{csv}</a>
      <a className="button" href={`${path}?format=xlsx&${query}`} download>{xlsx}</a>
    </>
  );
}

/** One page of a paged list, as the list queries return it. */
type ListPage<R> = { rows: readonly R[]; page: number; total: number; pageSize: number };

type ListTableProps<R extends Keyed> = {
  /** The count said above the table (a live status); none for lists that show no count. */
  count?: string;
  /** The pager of a list that is not paged by page number (keyset paging). */
  pager?: ReactNode;
} & (DataTableProps<R> | (TableFrame & { list: ListPage<R>; columns: readonly RowColumn<R>[] }));

/** A list: its count, the table (DataTable) and the pager, paging by page number when given a `list` page. */
export function ListTable<R extends Keyed>({ count, pager, ...table }: ListTableProps<R>) {
  return (
    <>
      {count !== undefined ? <p role="status">{count}</p> : null}
      {"list" in table ? <PagedTable {...table} /> : <DataTable {...table} />}
      {pager}
    </>
  );
}

function PagedTable<R extends Keyed>({ list, ...table }: TableFrame & { list: ListPage<R>; columns: readonly RowColumn<R>[] }) {
  return (
    <>
      <DataTable {...table} rows={list.rows} />
      <Pagination page={list.page} total={list.total} pageSize={list.pageSize} />
    </>
  );
}
