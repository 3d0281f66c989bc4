// The HTML report's stylesheet, inlined into the page: system fonts only, nothing fetched.

/** The page's CSS. */
export const PAGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px; color: #1f2328; background: #fff;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.4em; margin: 0 0 4px; }
h1.status-fail { color: #b2182b; }
h2 { font-size: 1.15em; margin: 28px 0 8px; border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; }
h3 { font-size: 1em; margin: 16px 0 8px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0 0 12px; }
th, td { padding: 4px 10px; border: 1px solid #d1d9e0; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
th { background: #f6f8fa; }
table.memory td:nth-child(2), table.memory td:nth-child(3), table.memory td:nth-child(4) { text-align: right; white-space: nowrap; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.hint { color: #59636e; font-size: 12px; margin: 4px 0; }
.controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0; }
.controls input { width: 220px; }
.legend { font-size: 12px; color: #59636e; margin: 4px 0 8px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.legend-bar { display: inline-flex; gap: 6px; align-items: center; }
.ramp { display: inline-block; width: 160px; height: 12px; border: 1px solid #999;
  background: linear-gradient(to right, #2166ac, #e0e0e0, #b2182b); }
.swatch { display: inline-block; width: 14px; height: 12px; margin-right: 4px; vertical-align: middle; border: 1px solid #999; }
.new-swatch, .frame.new { background-image: repeating-linear-gradient(45deg, rgba(255,255,255,.55) 0 3px, transparent 3px 7px); }
.new-swatch { background-color: #b2182b; }
ul.legend { list-style: none; padding: 0; display: block; }
#flame-crumbs { font-size: 12px; min-height: 22px; overflow-wrap: anywhere; }
.crumb { border: none; background: none; color: #0969da; cursor: pointer; padding: 0; font: inherit; }
#flame { position: relative; width: 100%; min-height: 18px; font: 11px/17px ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.frame { position: absolute; height: 17px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
  padding: 0 3px; color: #111; cursor: pointer; box-shadow: inset -1px 0 #fff; }
.frame.dark { color: #fff; }
.frame:hover { outline: 1px solid #111; z-index: 1; }
.searching .frame:not(.match) { opacity: .4; }
.frame.match { outline: 2px solid #e69f00; outline-offset: -2px; font-weight: bold; }
#flame-tip { position: fixed; z-index: 10; max-width: 520px; padding: 6px 8px; background: #fff; border: 1px solid #999;
  box-shadow: 0 2px 6px rgba(0,0,0,.2); font-size: 12px; pointer-events: none; overflow-wrap: anywhere; }
.tip-name { font-weight: bold; }
svg.series { max-width: 100%; height: auto; border: 1px solid #d1d9e0; }
footer { margin-top: 32px; color: #59636e; font-size: 12px; }
`
