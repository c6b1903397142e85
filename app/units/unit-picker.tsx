import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { foldForSearch } from "~/utils/text";
import { UnitOptions } from "./unit-options";

type Option = { id: number; code: string; name: string; level: number };

/**
 * A unit select with a search box above it: typing "phuong 1" (no accents needed) narrows 170
 * units to the few that match, by name or code. The select alone still works without JavaScript
 * (a GET form); the box only filters its options.
 */
export function UnitPicker({ name, label, units, defaultValue }: { name: string; label: string; units: Option[]; defaultValue: number }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(String(defaultValue));
  const id = useId();
  const folded = foldForSearch(query);
  const shown = folded ? units.filter((u) => u.id === Number(value) || foldForSearch(`${u.name} ${u.code}`).includes(folded)) : units;
  return (
    <div className="unit-picker">
      <label htmlFor={`${id}-q`}>{t("units.pickerSearch")}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          const q = foldForSearch(e.target.value);
          // Select the first match, so submitting right after typing opens it.
          const first = units.find((u) => foldForSearch(`${u.name} ${u.code}`).includes(q));
          if (q && first) setValue(String(first.id));
        }}
        autoComplete="off"
      />
      <label htmlFor={`${id}-s`}>{label}</label>
      <select id={`${id}-s`} name={name} value={value} onChange={(e) => setValue(e.target.value)}>
        <UnitOptions units={shown} />
      </select>
    </div>
  );
}
