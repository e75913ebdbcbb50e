/**
 * The public embed (/embed/{id}): one frozen publication on a map, and nothing of the planner or
 * the ledger. The page arrives with its title, summary, footer and meta.json. This script paints
 * the first frame from the version's tiles on a plain canvas (first-frame.ts), then loads MapLibre
 * (embed-map.ts), which takes over once it has drawn the same view.
 */
import 'maplibre-gl-5/dist/maplibre-gl.css';
import type { SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';
import { Archives } from './archives.ts';
import { embedStyle } from './embed-style.ts';
import { constrainView, paintFirstFrame } from './first-frame.ts';
import { readPage } from './page.ts';
import './embed.css';

performance.mark('gl-module');
const { meta, dataBase, root } = readPage<SnapshotMeta>('.gl-embed');
const style = embedStyle(meta, dataBase);
const archives = new Archives(
  Object.values(style.sources).flatMap((s) => ('url' in s && s.url?.startsWith('pmtiles://') ? [s.url.slice('pmtiles://'.length)] : [])),
);
const container = document.getElementById('gl-map') as HTMLElement;
// The view the map will show: the publication's, kept inside its bounds as MapLibre keeps it.
const view = constrainView(
  { ...meta.view, width: container.clientWidth, height: container.clientHeight },
  meta.bounds,
  meta.minZoom,
  meta.maxZoom,
);

async function showFirstFrame(): Promise<HTMLCanvasElement | null> {
  try {
    const canvas = await paintFirstFrame(style, archives, view);
    canvas.className = 'gl-first-frame';
    canvas.setAttribute('aria-hidden', 'true');
    container.append(canvas);
    performance.mark('gl-first-frame');
    root.dataset.firstFrame = 'drawn';
    return canvas;
  } catch (error) {
    // Nothing is lost: the map appears when MapLibre has drawn it.
    console.warn('the first frame was not painted', error);
    return null;
  }
}

const mapModule = import('./embed-map.ts');
showFirstFrame().then(async (firstFrame) => {
  const { startMap } = await mapModule;
  startMap({ meta, dataBase, root, style, archives, firstFrame, view });
});
