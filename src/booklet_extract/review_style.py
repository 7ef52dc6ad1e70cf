"""The review page's stylesheet, inlined in every page (no file to lose, no request to make).

Plain CSS, no web fonts: two columns (the field, then where it was printed) on
a wide screen, one on a narrow one or in print.
"""

from __future__ import annotations

CSS = """
:root{--ink:#1d2327;--muted:#5f6b73;--line:#d7dde1;--bg:#f4f6f7;--card:#fff;--accent:#1e64dc;
--ok:#2e9d5b;--noise:#a5b0b8;--bad:#d4412f;--repair:#f3e7b0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--ink);background:var(--bg)}
header,main{max-width:1180px;margin:0 auto;padding:1rem 1.25rem}
header{background:var(--card);border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:.2rem 0 .4rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.2rem 0 .4rem}
h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:0 0 .25rem}
.lead{color:var(--muted);margin-top:0}
table{border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:.2rem .6rem .2rem 0}
.facts th{color:var(--muted);font-weight:600;padding-right:1rem}
.facts td{overflow-wrap:anywhere}
.counts td,.counts th{border-bottom:1px solid var(--line);padding:.2rem .9rem .2rem .2rem}
.counts tr.problem td:first-child{color:var(--bad);font-weight:600}
.bar{display:flex;height:1.1rem;border-radius:4px;overflow:hidden;background:var(--line);max-width:640px}
.bar span{display:block;height:100%}
.assigned{background:var(--ok)}.noise{background:var(--noise)}.unassigned{background:var(--bad)}
.key{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;vertical-align:-.12rem;
margin:0 .3rem 0 .8rem;border:3px solid transparent}
p .key:first-child{margin-left:0}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 0;margin:0}
.legend .key{background:none}
.problems a{color:var(--bad)}
.at{color:var(--muted);font-size:.9em}
.contents{columns:2 18rem;padding-left:1.4rem}
.badge{background:#fbe3df;color:var(--bad);border-radius:8px;padding:0 .4rem;font-size:.8em}
a{color:var(--accent)}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:1.2rem 0;
padding:.4rem 1.2rem 1rem}
.card>h2{font-size:1.35rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
.field,.flag{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.2rem;
padding:.7rem 0;border-top:1px solid var(--line)}
.field.wide{grid-template-columns:1fr}
.value p{margin:.1rem 0 .4rem}
.name{font-weight:600}
blockquote{margin:0;padding-left:.8rem;border-left:3px solid #8c28c8;font-style:italic}
.where figure{margin:0 0 .5rem}
.where img{display:block;max-width:100%;height:auto;border:1px solid var(--line);background:#fff}
figcaption{font-size:.75rem;color:var(--muted)}
.stats td.where{min-width:12rem}
.stats img{max-width:30rem}
.none{color:var(--muted);font-style:italic}
.bad{color:var(--bad);font-weight:600}
.flaglist{border-bottom:1px solid var(--line)}
.flag.problem{background:#fdf1ef}.flag.repair{background:#fffbea}.flag.unsure{background:#eef4fb}
.flag{padding:.5rem .6rem}
.flag dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.2rem 0}
.flag dt{color:var(--muted)}.flag dd{margin:0}
code,pre{font:13px/1.45 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;
white-space:pre-wrap;overflow-wrap:anywhere}
pre.lines{margin:0;background:#f8f9fa;border:1px solid var(--line);padding:.4rem .6rem}
pre.lines .l{display:block;padding-left:3.4em;text-indent:-3.4em}
pre.lines .n{display:inline-block;width:3.4em;text-indent:0;color:var(--muted);user-select:none}
:target{outline:3px solid var(--accent);outline-offset:2px}
@media (max-width:760px){.field,.flag{grid-template-columns:1fr}}
@media print{body{background:#fff}.card{break-inside:avoid-page;border:0}}
"""
