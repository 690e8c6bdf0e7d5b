/**
 * The report's style sheet. The page works from a 360 px phone to a wide screen: nothing
 * makes the page itself scroll sideways (long words and paths wrap anywhere), wide tables
 * scroll inside their own `.scroll` box, findings become cards and diffs stack their two
 * sides below 720 px.
 */
export const CSS = `
:root{color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:80rem;padding:1rem 2rem 4rem;color:#1d1d1f;background:#fff;overflow-wrap:break-word}
.path,.excerpt,code,h3,table.diff td,.published,.meta,.legend{overflow-wrap:anywhere}
h1{font-size:1.6rem;margin-bottom:.3rem}h2{margin-top:2.5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{margin:1.8rem 0 .4rem}h4{margin:1rem 0 .3rem}
nav a{margin-right:1rem;white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
th{font-weight:600;background:#fafafa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll,.citations{overflow-x:auto;max-width:100%}td a{overflow-wrap:anywhere}.scroll table{min-width:36rem}
[hidden]{display:none!important}
.sev{display:inline-block;min-width:4.2rem;padding:0 .35rem;border-radius:.25rem;font-size:.85em;font-weight:600;text-align:center}
.sev-error{background:#fde8ea;color:#9b1c1c}.sev-warning{background:#fff4d6;color:#7a4d00}.sev-info{background:#e3f1fa;color:#0b4f75}
.state{display:inline-block;margin-left:.3rem;padding:0 .35rem;border-radius:.25rem;font-size:.8em;background:#eee;color:#444}
.state-fixed{background:#e5f6e8;color:#14532d}
tr.not-counted td{color:#666}
.verdict{display:inline-block;padding:.2rem .6rem;border-radius:.3rem;font-weight:600}
.pass{background:#e5f6e8;color:#14532d}.fail{background:#fde8ea;color:#7f1d1d}.error{color:#9b1c1c}
code,.excerpt,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.88em}
.excerpt{max-width:32rem}
mark{background:#ffe066;color:inherit;padding:0 .1rem;border-radius:.15rem}
.muted{color:#666}
.meta{margin:.2rem 0 .6rem;color:#555}
.strip{display:flex;gap:1px;overflow:hidden;margin:.4rem 0 .2rem;max-width:60rem}
.cell{flex:1 1 4px;height:1.1rem;min-width:4px;border-radius:1px}
.legend{font-size:.85em;color:#444;margin:.2rem 0 .6rem}.legend span.item{margin-right:1rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-.1rem;margin-right:.3rem}
.filters{position:sticky;top:0;z-index:2;background:#f6f8fa;border:1px solid #ddd;border-radius:.4rem;padding:.5rem .8rem;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:inline}.filters legend{float:left;margin-right:.4rem;font-weight:600}
.filters label{white-space:nowrap}.filters select{max-width:min(22rem,80vw)}
table.findings td.pos{white-space:nowrap}
a.rule{text-decoration:none}a.rule code{overflow-wrap:break-word}a.rule:hover code{text-decoration:underline}
table.diff{table-layout:fixed}table.diff td.ln,table.diff th.ln{width:4.6rem;white-space:nowrap;color:#888;text-align:right;font-variant-numeric:tabular-nums}
tr.op-equal td.text{color:#555}
tr.op-delete td.left{background:#fdecee}tr.op-insert td.right{background:#e6f6ea}
tr.op-replace td.left{background:#fff6f6}tr.op-replace td.right{background:#f3fbf5}
del{background:#f8c9cf;text-decoration:line-through}ins{background:#bfe8c8;text-decoration:none}
.lang{font-size:.75em;margin-left:.3rem;padding:0 .3rem;border-radius:.2rem;background:#eee;color:#333}
details{margin:.4rem 0}summary{cursor:pointer}
details.rule-doc{border-left:3px solid #ddd;padding-left:.6rem}details.rule-doc[open]{border-color:#4e79a7}
ol.source{margin:.3rem 0;padding:0 0 0 4.5em;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;overflow-wrap:anywhere}
ol.source.digits-1,ol.source.digits-2{padding-left:3em}ol.source.digits-5,ol.source.digits-6,ol.source.digits-7{padding-left:6em}
ol.source li{white-space:pre-wrap;padding-left:.6em;min-height:1.2em;border-left:1px solid #e4e4e4}
ol.source li::marker{color:#888;font-variant-numeric:tabular-nums}
ol.source li:target,ol.source li.target{background:#fff4c2}
.published{border:1px solid #ddd;border-radius:.4rem;padding:0 1rem;max-height:36rem;overflow:auto;background:#fcfcfc}
.published table{display:block;overflow-x:auto}.published pre{overflow-x:auto}
.edition{margin:1rem 0 1.5rem}
/* A large batch's off-screen drafts and articles are not laid out until scrolled to. */
body.large section.doc,body.large section.article{content-visibility:auto;contain-intrinsic-size:auto 9rem}
@media (max-width:720px){
body{padding:.5rem .75rem 3rem}
.filters{position:static}
table.findings,table.findings tbody,table.findings tr,table.findings td{display:block;width:auto}
table.findings thead{display:none}
table.findings tr{border-bottom:1px solid #ddd;padding:.4rem 0}table.findings td{border:0;padding:.1rem 0}
table.findings td.pos,table.findings td.sevcell,table.findings td.rulecell{display:inline-block;margin-right:.5rem}
.excerpt{max-width:none}
table.diff,table.diff tbody,table.diff tr{display:block}table.diff thead{display:none}
table.diff tr{border-bottom:1px solid #ddd;padding:.3rem 0}
table.diff td{display:block;border:0;width:auto}
table.diff td.ln{width:auto;text-align:left;padding:0 .5rem}table.diff td.ln:empty{display:none}
table.diff td.left::before{content:'canonical: ';color:#888;font-size:.85em}
table.diff td.right::before{content:'this version: ';color:#888;font-size:.85em}
table.diff.published-diff td.right::before{content:'published: '}
table.diff td.text:empty{display:none}
}
@media print{.filters{display:none}details{display:block}}
`;
