// The data-model screen's CSS, injected once by the screen (console/src/app.css belongs to the
// shell). Colours meet WCAG AA on white; edge kinds differ by dash pattern too, not colour only.
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export const DATAMODEL_CSS = `
.dm-editor { position: relative; display: flex; height: 24rem; margin-bottom: 0.5rem;
  overflow: hidden; border: 1px solid var(--border, #8a99a8); border-radius: 4px;
  background: #fff; font: 13px/1.5 ${MONO}; }
.dm-gutter { margin: 0; padding: 0.5rem 0.5rem 0.5rem 0.75rem; min-width: 3ch; overflow: hidden;
  text-align: right; color: #5b6673; background: #f1f4f7; border-right: 1px solid #dde3ea;
  user-select: none; white-space: pre; font: inherit; }
.dm-gutter .dm-mark { display: inline-block; margin-right: -0.2rem; padding: 0 0.2rem;
  border-radius: 3px; color: #fff; background: #b3261e; }
.dm-source { flex: 1; margin: 0; padding: 0.5rem; border: 0; resize: none; font: inherit;
  color: #1a1f24; background: transparent; white-space: pre; overflow: auto; tab-size: 2; }
.dm-source:focus-visible { outline: 3px solid var(--focus, #1f6feb); outline-offset: -3px; }
.dm-bubble { position: absolute; z-index: 1; max-width: 40rem; padding: 0.2rem 0.5rem;
  border-radius: 4px; background: #b3261e; color: #fff; font: 12px/1.4 system-ui, sans-serif;
  pointer-events: none; white-space: normal; }
.dm-bubble::before { content: ""; position: absolute; top: -5px; left: 6px;
  border: 5px solid transparent; border-top: 0; border-bottom-color: #b3261e; }
.dm-status { min-height: 1.5rem; margin: 0.5rem 0; }
.dm-zoom { display: flex; gap: 0.5rem; align-items: center; margin-bottom: 0.5rem; }
.dm-canvas { overflow: auto; max-height: 75vh; border: 1px solid #dde3ea; border-radius: 4px;
  background: #fff; }
.dm-canvas:focus-visible { outline: 3px solid var(--focus, #1f6feb); }
.dm-svg { display: block; }
.dm-bg { fill: #fff; }
.dm-frame { fill: #fff; stroke: #3d4a57; stroke-width: 1.2; }
.dm-model .dm-frame { fill: #f5f9ff; }
.dm-enum .dm-frame { fill: #fbf6ea; }
.dm-nonModel .dm-frame { fill: #f2f8f1; }
.dm-head { stroke: #3d4a57; }
.dm-svg text { font: 12px ${MONO}; fill: #1a1f24; }
.dm-svg .dm-name { font-weight: 700; }
.dm-svg .dm-kind { fill: #5b6673; font-style: italic; }
.dm-edge polyline { fill: none; stroke-width: 1.6; }
.dm-arrow { fill: #3d4a57; }
.dm-hasMany polyline { stroke: #1f5fa8; }
.dm-hasOne polyline { stroke: #1d6b3a; stroke-dasharray: 7 3; }
.dm-belongsTo polyline { stroke: #9a4a00; stroke-dasharray: 2 3; }
.dm-manyToMany polyline { stroke: #6b3fa0; stroke-dasharray: 10 3 2 3; }
.dm-label rect { fill: #fff; stroke: #9aa6b2; }
.dm-svg .dm-label text { font-size: 11px; }
.dm-table-wrap { margin-top: 0.75rem; }
.dm-table-wrap summary { cursor: pointer; font-weight: 600; }
`;
