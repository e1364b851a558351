/// The report's stylesheet. It is plain text inside <style> (escaped like all text), so it must
/// not use the characters `<`, `>` or `&`: the tests check that.
enum ReportStyle {
    static let css = """
    :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #1d4e89; }
    * { box-sizing: border-box; }
    body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.4; }
    h1 { font-size: 1.9em; margin: 0 0 14px; color: var(--accent); }
    h2 { font-size: 1.3em; margin: 22px 0 8px; color: var(--accent); }
    h3 { font-size: 1.05em; margin: 16px 0 6px; color: var(--accent); }
    h1, h2, h3 { break-after: avoid; }
    .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0; font-size: 0.9em; }
    .headline { display: flex; justify-content: space-between; align-items: center; gap: 24px; border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
    table.meta { width: auto; font-size: 1em; margin: 0; }
    table.meta th, table.meta td { border: none; padding: 2px 14px 2px 0; background: none; }
    table.meta th { color: var(--muted); font-weight: 400; }
    ol.findings { margin: 6px 0 10px; padding-left: 22px; }
    ol.findings li { margin: 4px 0; }
    header.unit { display: flex; justify-content: space-between; align-items: center; border-bottom: 3px solid var(--accent); padding-bottom: 8px; margin-top: 24px; break-after: avoid; }
    header.unit p { margin: 2px 0; color: var(--muted); }
    header.unit h2 { margin: 0; }
    .score { text-align: center; border-radius: 10px; padding: 10px 22px; color: #fff; min-width: 160px; }
    .score .label { font-size: 0.9em; opacity: 0.9; }
    .score .index { font-size: 2.6em; font-weight: 700; line-height: 1.1; }
    .score .predicate { font-size: 1.15em; }
    .score.small .index { font-size: 1.6em; }
    .p0 { background: #b42318; } .p1 { background: #d9822b; } .p2 { background: #2f8f46; } .p3 { background: #1d6fb8; } .p4 { background: #5b3fa8; }
    .charts { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 14px; margin: 12px 0; align-items: start; }
    figure { margin: 0; break-inside: avoid; }
    figcaption { text-align: center; color: var(--muted); font-size: 0.85em; }
    svg.chart { width: 100%; height: auto; }
    svg .ring { fill: none; stroke: var(--line); }
    svg .spoke { stroke: var(--line); }
    svg .value { fill: rgba(29, 78, 137, 0.25); stroke: var(--accent); stroke-width: 2; }
    svg .target { fill: none; stroke: #d9822b; stroke-width: 2; stroke-dasharray: 6 4; }
    svg .dot { fill: var(--accent); }
    svg .axis-label { font-size: 11px; fill: var(--ink); }
    svg .axis-head { font-weight: 700; }
    svg .axis-title { fill: var(--muted); }
    svg .bar-label { font-size: 12px; fill: var(--ink); }
    svg .bar-value { font-size: 12px; fill: var(--ink); font-weight: 700; }
    svg .tick { font-size: 11px; fill: var(--muted); }
    svg .track { fill: #f0f4f8; }
    svg .grid { stroke: var(--line); }
    svg .trend { fill: none; stroke: var(--accent); stroke-width: 2.5; }
    svg .migrated { stroke: #5b3fa8; stroke-width: 2; stroke-dasharray: 3 3; }
    svg .migrated-dot { fill: #5b3fa8; }
    svg .migrated-value { font-size: 12px; fill: #5b3fa8; }
    section.trend figure { max-width: 640px; }
    svg .bar { fill: var(--accent); }
    table { border-collapse: collapse; width: 100%; font-size: 0.86em; margin: 6px 0 12px; }
    th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; }
    thead th { background: #f0f4f8; }
    thead { display: table-header-group; }
    td ul { margin: 0; padding-left: 16px; }
    .note { color: var(--muted); font-style: italic; margin: 4px 0 0; }
    .level { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 4px; color: #fff; }
    .l0 { background: #9aa5b1; } .l1 { background: #b42318; } .l2 { background: #d9822b; } .l3 { background: #e0b400; color: #1f2933; } .l4 { background: #2f8f46; } .l5 { background: #1d6fb8; }
    .l6 { background: #5b3fa8; } .l7 { background: #3b2470; }
    .block { break-inside: auto; }
    .opd { break-inside: avoid; }
    .opd h3 .opd-index { color: var(--muted); font-weight: 400; }
    table.opd-table td:nth-child(n+2):nth-child(-n+4) { width: 4.5em; text-align: center; }
    table.heat { table-layout: fixed; width: 100%; font-size: 0.72em; }
    table.heat col.name-column { width: 190px; }
    table.heat td.cell { text-align: center; color: #fff; padding: 2px 0; }
    table.heat td.empty { background: #fff; }
    table.heat th.unit-name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; text-align: left; font-weight: 400; }
    table.heat th.group { text-align: center; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    table.heat th.vertical { padding: 3px 0; font-weight: 400; text-align: center; vertical-align: bottom; }
    table.heat th.vertical span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; }
    .missing { color: #b42318; font-weight: 700; }
    .status { font-weight: 700; } .status.closed { color: #2f8f46; } .status.partial { color: #b36b00; } .status.open { color: #b42318; }
    .ok { color: #2f8f46; }
    footer { margin-top: 30px; color: var(--muted); font-size: 0.8em; text-align: center; }
    @page { size: A4; margin: 14mm 13mm 16mm; }
    @page wide { size: A4 landscape; margin: 12mm 12mm 16mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 9.5pt; }
      section.summary { break-after: page; }
      section.summary .charts { gap: 8px; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); }
      section.heatmap { page: wide; break-before: page; }
      section.unit-report { break-before: page; }
      section.opds { break-before: page; }
      tr { break-inside: avoid; }
      footer { display: none; }
    }

    """

    /// Page numbers, the unit and the date in every printed page's bottom margin (CSS margin
    /// boxes, which Chromium prints since version 131; older browsers print the page without them).
    static func pageMargins(footer: String, page: String, of: String) -> String {
        """
        @page { @bottom-left { content: \(cssString(footer)); font-size: 8pt; color: #616e7c; font-family: "DejaVu Sans", Arial, sans-serif; }
          @bottom-right { content: \(cssString(page + " ")) counter(page) \(cssString(" " + of + " ")) counter(pages); font-size: 8pt; color: #616e7c; font-family: "DejaVu Sans", Arial, sans-serif; } }
        @page wide { @bottom-left { content: \(cssString(footer)); font-size: 8pt; color: #616e7c; font-family: "DejaVu Sans", Arial, sans-serif; }
          @bottom-right { content: \(cssString(page + " ")) counter(page) \(cssString(" " + of + " ")) counter(pages); font-size: 8pt; color: #616e7c; font-family: "DejaVu Sans", Arial, sans-serif; } }

        """
    }

    /// A CSS string literal of any text: quotes, backslashes, line breaks and the characters the
    /// HTML escaper would turn into entities (which CSS would not read back) as CSS escapes.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "'", "\n", "\r", "\u{0C}":
                out += "\\" + String(scalar.value, radix: 16) + " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\" + String(scalar.value, radix: 16) + " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
