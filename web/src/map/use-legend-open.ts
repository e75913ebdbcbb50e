/**
 * Whether the map legend is unfolded: remembered in localStorage, and folded by default on small
 * screens, where an open legend hides much of the map.
 */
import { useState } from 'react';

const KEY = 'greenline.legend';
const SMALL = '(max-width: 900px), (max-height: 600px)';

function stored(): boolean | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'open' ? true : v === 'closed' ? false : null;
  } catch {
    // Storage refused (a sandboxed embed, strict privacy settings): fall back to the screen size.
    return null;
  }
}

function store(open: boolean): void {
  try {
    window.localStorage.setItem(KEY, open ? 'open' : 'closed');
  } catch {
    // As above: the choice then lasts until the page is reloaded.
  }
}

export function useLegendOpen(): [boolean, () => void] {
  const [open, setOpen] = useState(() => stored() ?? !window.matchMedia(SMALL).matches);
  const toggle = () => {
    store(!open);
    setOpen(!open);
  };
  return [open, toggle];
}
