/** The header's import button, shown to administrators only (imports are theirs); it owns the upload dialog. */
import { useState } from 'react';
import { useCurrentUser } from '../api/current-user.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { IMPORT_MESSAGES } from './messages.ts';

export function ImportButton() {
  const { lang } = useI18n();
  const [open, setOpen] = useState(false);
  const me = useCurrentUser();
  if (me?.user.role !== 'admin') return null;
  return (
    <>
      <button type="button" className="import-open" onClick={() => setOpen(true)} data-testid="import-open">
        {IMPORT_MESSAGES[lang].open}
      </button>
      {open && <ImportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
