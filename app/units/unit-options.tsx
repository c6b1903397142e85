/** A unit picker's options in tree order: indented by level below the viewer's unit, with the code (names repeat). */
export function UnitOptions({ units }: { units: { id: number; code: string; name: string; level: number }[] }) {
  return (
    <>
      {units.map((u) => (
        <option key={u.id} value={u.id}>{"\u00a0\u00a0".repeat(u.level)}{u.name} ({u.code})</option>
      ))}
    </>
  );
}
