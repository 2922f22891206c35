extension ReportPage {
    /// The page's style sheet: system fonts, a single readable column, tables that
    /// scroll sideways on a phone, colours with at least 4.5:1 contrast for text, print
    /// styles (every explanation printed open, no contents list).
    static let style = """
    :root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--soft:#f3f4f6;--link:#0b57a4;--yes:#0d5c2e;--yes-bg:#e3f3e8;--no:#5b3b00;--no-bg:#fbefd9}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;line-height:1.5;color:var(--ink);background:#fff}
    header,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
    header{padding-top:1.5rem}
    h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .5rem}
    h2{font-size:1.4rem;margin:2.2rem 0 .6rem;padding-top:.6rem;border-top:2px solid var(--ink)}
    h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
    a{color:var(--link)}
    code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}
    pre{background:var(--soft);padding:.7rem;border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere}
    .kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:.8rem}
    .description{margin:.2rem 0;color:var(--muted)}
    .lead{font-size:1.1rem}
    nav ul{list-style:none;padding:0;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
    .skip{position:absolute;left:-999px}
    .skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem;z-index:1}
    .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    .facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.5rem 1.5rem;margin:0}
    .facts div{border-bottom:1px solid var(--line);padding:.3rem 0}
    .facts dt{font-size:.85rem;color:var(--muted)}
    .facts dd{margin:0;font-weight:600}
    .scroll{overflow-x:auto;margin:1rem 0}
    .scroll:focus{outline:2px solid var(--link)}
    table{border-collapse:collapse;width:100%;font-size:.95rem}
    caption{text-align:left;font-weight:600;padding:.3rem 0;position:sticky;left:0;max-width:calc(100vw - 2rem)}
    th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
    thead th{border-bottom:2px solid var(--ink);font-size:.85rem}
    tfoot th,tfoot td{border-top:2px solid var(--ink);border-bottom:0;font-weight:600}
    .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    .exact{display:block;font-size:.75rem;color:var(--muted);font-weight:400}
    .pid{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;color:var(--muted);margin-right:.3em}
    .projects td:nth-child(2){min-width:12rem}
    .rank{white-space:nowrap}
    figure{margin:1rem 0}
    figcaption{font-size:.9rem;color:var(--muted)}
    svg{display:block;width:100%}
    .budget svg{height:2.5rem;border:1px solid var(--ink)}
    .compare svg{height:1.6rem}
    .columns{height:12rem;border-left:1px solid var(--ink);border-bottom:1px solid var(--ink);background:linear-gradient(var(--soft),#fff)}
    .columns rect{fill:#1f5fa6}
    .c0{fill:#1f5fa6;background:#1f5fa6}.c1{fill:#d9822b;background:#d9822b}.c2{fill:#2e8b57;background:#2e8b57}
    .c3{fill:#7b4ea3;background:#7b4ea3}.c4{fill:#2a9d9f;background:#2a9d9f}.c5{fill:#a0522d;background:#a0522d}
    rect.left{fill:#eceff3}
    rect.other{fill:#6b6b6b}
    .swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border:1px solid var(--ink);vertical-align:-.05em}
    .bars td.bar{width:45%;min-width:6rem;vertical-align:middle}
    .bars svg{height:1rem}
    .bars rect{fill:#1f5fa6}
    details{border-bottom:1px solid var(--line);padding:.4rem 0}
    summary{cursor:pointer}
    details ul{margin:.4rem 0 .6rem;padding-left:1.3rem}
    .badge{display:inline-block;font-size:.75rem;font-weight:700;padding:.05rem .4rem;border-radius:3px;margin-right:.3rem}
    .badge.yes{color:var(--yes);background:var(--yes-bg)}
    .badge.no{color:var(--no);background:var(--no-bg)}
    .hash{word-break:break-all}
    footer{margin:3rem auto 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:.8rem}
    @media (max-width:40rem){h1{font-size:1.5rem}table.projects{font-size:.76rem}table.projects :is(th,td){padding:.3rem .15rem}.swatch{margin-right:.2em}thead th.num{white-space:normal}.facts{grid-template-columns:1fr 1fr;gap:.3rem 1rem}.facts dd{font-weight:600;overflow-wrap:anywhere}th,td{padding:.3rem .3rem}table{font-size:.88rem}.projects td:nth-child(2){min-width:5.5rem}table.compare :is(td,th):is(:nth-child(2),:nth-child(3)){display:none}table.compare :is(th,td){white-space:normal}}
    @media print{nav,.skip{display:none}body{font-size:10.5pt}h2{break-after:avoid}tr,figure,details{break-inside:avoid}.scroll{overflow:visible}svg,.swatch{print-color-adjust:exact;-webkit-print-color-adjust:exact}a{color:inherit;text-decoration:none}details::details-content{content-visibility:visible;display:block}}

    """
}
