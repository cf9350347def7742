import { allCommands } from '../commands/registry.ts';
import { useT } from '../i18n/i18n.ts';

/** Every registered command with its shortcut, plus the mouse gestures of the canvas. */
export function HelpOverlay(props: { onClose: () => void }) {
  const t = useT();
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t.help.title} onClick={props.onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2>{t.help.title}</h2>
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
              <td>{t.help.doubleClick}</td>
              <td>{t.help.expandNode}</td>
            </tr>
            <tr>
              <td>{t.help.rightClick}</td>
              <td>{t.help.menu}</td>
            </tr>
            <tr>
              <td>{t.help.shiftClick}</td>
              <td>{t.help.boxSelect}</td>
            </tr>
          </tbody>
        </table>
        <button onClick={props.onClose}>{t.common.close}</button>
      </div>
    </div>
  );
}
