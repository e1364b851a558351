/// The report's stylesheet. It is plain text inside <style> (escaped like all text), so it must
/// not use the characters `<`, `>` or `&`: the tests check that.
enum ReportStyle {
    static let css = """
    :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #1d4e89; }
    * { box-sizing: border-box; }
    body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.4; }
    h1 { font-size: 1.6em; margin: 0 0 16px; color: var(--accent); }
    h2 { font-size: 1.3em; margin: 0; }
    h3 { font-size: 1.05em; margin: 18px 0 6px; color: var(--accent); }
    header.unit { display: flex; justify-content: space-between; align-items: center; border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-top: 24px; }
    header.unit p { margin: 2px 0; color: var(--muted); }
    .score { text-align: center; border-radius: 10px; padding: 10px 22px; color: #fff; min-width: 150px; }
    .score .index { font-size: 2.4em; font-weight: 700; }
    .score .predicate { font-size: 1.1em; }
    .p0 { background: #b42318; } .p1 { background: #d9822b; } .p2 { background: #2f8f46; } .p3 { background: #1d6fb8; } .p4 { background: #5b3fa8; }
    .charts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); gap: 18px; margin: 14px 0; align-items: start; }
    .chart-column { display: flex; flex-direction: column; gap: 10px; }
    figure { margin: 0; }
    figcaption { text-align: center; color: var(--muted); font-size: 0.9em; }
    svg.chart { width: 100%; height: auto; max-height: 380px; }
    svg .ring { fill: none; stroke: var(--line); }
    svg .spoke { stroke: var(--line); }
    svg .value { fill: rgba(29, 78, 137, 0.25); stroke: var(--accent); stroke-width: 2; }
    svg .target { fill: none; stroke: #d9822b; stroke-width: 2; stroke-dasharray: 6 4; }
    svg .dot { fill: var(--accent); }
    svg .axis-label { font-size: 12px; fill: var(--ink); }
    svg .bar-label, svg .bar-value { font-size: 13px; fill: var(--ink); }
    svg .tick { font-size: 11px; fill: var(--muted); }
    svg .track { fill: #f0f4f8; }
    svg .grid { stroke: var(--line); }
    svg .trend { fill: none; stroke: var(--accent); stroke-width: 2.5; }
    section.trend figure { max-width: 640px; }
    svg .bar { fill: var(--accent); }
    table { border-collapse: collapse; width: 100%; font-size: 0.88em; margin: 6px 0 12px; }
    th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
    thead th { background: #f0f4f8; }
    td ul { margin: 0; padding-left: 16px; }
    .note { color: var(--muted); font-style: italic; margin: 4px 0 0; }
    .level { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 4px; color: #fff; }
    .l0 { background: #9aa5b1; } .l1 { background: #b42318; } .l2 { background: #d9822b; } .l3 { background: #e0b400; color: #1f2933; } .l4 { background: #2f8f46; } .l5 { background: #1d6fb8; }
    .scroll { overflow-x: auto; }
    table.heat { width: auto; font-size: 0.75em; }
    table.heat td.cell { width: 1.7em; text-align: center; color: #fff; padding: 2px; }
    table.heat td.empty { background: #fff; }
    table.heat th.unit-name { white-space: nowrap; max-width: 240px; overflow: hidden; text-overflow: ellipsis; text-align: left; }
    .missing { color: #b42318; font-weight: 700; }
    .ok { color: #2f8f46; }
    table.heat th.vertical { writing-mode: vertical-rl; transform: rotate(180deg); padding: 4px 1px; font-weight: 400; }
    footer { margin-top: 30px; color: var(--muted); font-size: 0.8em; text-align: center; }
    @page { size: A4; margin: 14mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      section.unit-report { break-before: page; }
      .charts figure { break-inside: avoid; }
      tr { break-inside: avoid; }
      .scroll { overflow: visible; }
    }
    """
}
