import { allCommands } from '../commands/registry.ts';

/** Every registered command with its shortcut, plus the mouse gestures of the canvas. */
export function HelpOverlay(props: { onClose: () => void }) {
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={props.onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {allCommands().map((command) => (
              <tr key={command.name}>
                <td>
                  <kbd>{command.keys}</kbd>
                </td>
                <td>{command.label}</td>
              </tr>
            ))}
            <tr>
              <td>Double-click</td>
              <td>Expand a node</td>
            </tr>
            <tr>
              <td>Right-click</td>
              <td>Menu for a node or relationship</td>
            </tr>
            <tr>
              <td>Shift+click, Shift+drag</td>
              <td>Select several nodes (box selection)</td>
            </tr>
          </tbody>
        </table>
        <button onClick={props.onClose}>Close</button>
      </div>
    </div>
  );
}
