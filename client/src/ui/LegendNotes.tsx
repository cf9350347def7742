/** Lines for the on-screen legend: what style rules, collapsed events and groups mean. */
export function LegendNotes(props: { notes: readonly string[] }) {
  return (
    <>
      {props.notes.map((note) => (
        <li key={note} className="legend-note">
          {note}
        </li>
      ))}
    </>
  );
}
