/** The planner's map: the language comes from the URL-backed store; the rest is the workspace. */
import { I18nProvider } from './i18n/i18n.tsx';
import { useAppState } from './state/store.ts';
import { Workspace } from './Workspace.tsx';

export function App() {
  const lang = useAppState((s) => s.lang);
  return (
    <I18nProvider lang={lang}>
      <Workspace />
    </I18nProvider>
  );
}
