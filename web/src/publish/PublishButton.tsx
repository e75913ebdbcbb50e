/** The header's way to publications, for planners and above: the Publish button on the map (it owns the dialog) and the list. */
import { useState } from 'react';
import { roleAtLeast } from '../../../server/domain/roles.ts';
import { useCurrentUser } from '../api/current-user.ts';
import { usePublishText } from './messages.ts';
import { PublishDialog } from './PublishDialog.tsx';
import './publish.css';

export function PublishButton({ visible, onMap }: { visible: number | null; onMap: boolean }) {
  const text = usePublishText();
  const [open, setOpen] = useState(false);
  const me = useCurrentUser();
  if (!me || !roleAtLeast(me.user.role, 'planner')) return null;
  return (
    <>
      <a href="/publications" data-testid="nav-publications">
        {text.pageTitle}
      </a>
      {onMap && (
        <button type="button" className="publish-open" onClick={() => setOpen(true)} data-testid="publish-open">
          {text.open}
        </button>
      )}
      {open && <PublishDialog visible={visible} onClose={() => setOpen(false)} />}
    </>
  );
}
