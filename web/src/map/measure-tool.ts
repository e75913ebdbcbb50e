/**
 * The measured line's clicks: each click on the map adds a point, the pointer draws a rubber-band
 * end, and a double click finishes the line. The line itself lives in the app state and deck.gl
 * draws it from there (layers/shape-layer.ts), as the selection is; this only collects the clicks.
 */
import type * as maplibregl from 'maplibre-gl';

type LonLat = [number, number];

/** How near (CSS pixels) a click must land to the last point to be the second of a double click. */
const DOUBLE_CLICK_PX = 4;

export class MeasureTool {
  private active = false;
  /** Points clicked so far; the pointer adds a rubber-band end. */
  private points: LonLat[] = [];

  constructor(
    private readonly map: maplibregl.Map,
    private readonly onMeasure: (line: LonLat[], finished: boolean) => void,
  ) {
    map.on('click', (e) => this.click(e));
    map.on('mousemove', (e) => {
      if (this.active && this.points.length > 0) this.onMeasure([...this.points, [e.lngLat.lng, e.lngLat.lat]], false);
    });
  }

  /** Switching the tool on or off drops a line in progress. */
  setActive(active: boolean): void {
    this.active = active;
    this.points = [];
  }

  private click(e: maplibregl.MapMouseEvent): void {
    if (!this.active) return;
    const last = this.points[this.points.length - 1];
    // The second click of a double click lands on the last point: that ends the line.
    if (last && this.points.length > 1 && this.map.project(last).dist(e.point) < DOUBLE_CLICK_PX) {
      this.onMeasure(this.points, true);
      this.points = [];
      return;
    }
    this.points = [...this.points, [e.lngLat.lng, e.lngLat.lat]];
    this.onMeasure(this.points, false);
  }
}
