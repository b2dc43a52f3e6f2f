/** The `?` overlay: every command of this host with the keys that reach it, from the command table. */
import { useEffect, useRef } from 'react';
import { plainLabel, type CommandSpec } from '../../shared/ipc/commands';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { commandsOf, onMac, shortcutText } from './commands';
import './shortcuts-overlay.css';

const GROUPS: { menu: CommandSpec['menu']; title: string }[] = [
  { menu: 'file', title: 'File' },
  { menu: 'edit', title: 'Find' },
  { menu: 'view', title: 'View' },
  { menu: 'none', title: 'Selection' },
  { menu: 'help', title: 'Help' },
];

/** The overlay; `onClose` on Escape, the close button or a click outside it. */
export function ShortcutsOverlay({ platform, onClose }: { platform: DesktopApi['platform']; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const mac = onMac();
  const commands = commandsOf(platform);
  return (
    <div className="shortcuts-backdrop" onClick={onClose} data-testid="shortcuts-backdrop">
      <div
        className="shortcuts-overlay"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        data-testid="shortcuts-overlay"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          onClose();
        }}
      >
        <div className="shortcuts-head">
          <h2>Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="btn btn-icon" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        {GROUPS.map(({ menu, title }) => {
          const rows = commands.filter((c) => c.menu === menu && shortcutText(c, mac).length > 0);
          if (rows.length === 0) return null;
          return (
            <section key={menu}>
              <h3>{title}</h3>
              <table>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id} data-command={c.id}>
                      <td>{plainLabel(c)}</td>
                      <td className="shortcut-keys">
                        {shortcutText(c, mac).map((k) => (
                          <kbd key={k}>{k}</kbd>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
        <p className="hint">Keys on their own do nothing while you type in a field.</p>
      </div>
    </div>
  );
}
