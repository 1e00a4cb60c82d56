"""The inline stylesheet and the optional script of the HTML edition, and the Content
Security Policy that allows exactly these two and nothing else (no remote fetches, no
other script: even a TEI file crafted to smuggle markup in could not run code)."""
from __future__ import annotations

import base64

CSS = """
:root{--ink:#1d1d1f;--muted:#6b6b70;--rule:#d9d6cf;--accent:#7a2e12;--paper:#fdfcf8;
--pers:#2f5d8a;--place:#3d7a3d;--org:#8a5a2f;--mark:#fff3c4}
*{box-sizing:border-box}
html{background:var(--paper);color:var(--ink)}
body{font:1.0625rem/1.62 "Iowan Old Style","Palatino Linotype",Palatino,Georgia,serif;
max-width:44rem;margin:0 auto;padding:1.5rem 1.25rem 4rem 4.5rem}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
header.titlepage{text-align:center;margin:2rem 0 2.5rem;border-bottom:1px solid var(--rule);
padding-bottom:1.5rem}
header.titlepage h1{font-size:2rem;line-height:1.2;margin:.2rem 0 .6rem;font-weight:normal;
letter-spacing:.02em}
header .byline{font-variant:small-caps;letter-spacing:.05em;font-size:1.15rem;margin:.2rem 0}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;text-align:left;
font-size:.9rem;color:var(--muted);margin:1.5rem 0 0}
header dt{font-variant:small-caps;letter-spacing:.04em}header dd{margin:0}
nav.toc{font-size:.95rem;margin:0 0 2.5rem}
nav.toc ol{list-style:none;padding-left:1.2rem;margin:.2rem 0}nav.toc>ol{padding-left:0}
nav.toc a{text-decoration:none}nav.toc a:hover,nav.toc a:focus{text-decoration:underline}
nav.toc summary{cursor:pointer;margin-left:-1.1rem}nav.toc summary::marker{color:var(--muted)}
nav.toc li{margin:.15rem 0}
a.up{font:.8rem system-ui,sans-serif;color:var(--muted);text-decoration:none;
margin-left:.6rem;vertical-align:.15em}a.up::after{content:"\\2191"}
a.up:hover,a.up:focus{color:var(--accent)}
h2,h3,h4,h5,h6{font-weight:normal;line-height:1.25;margin:2.2rem 0 1rem}
h2{font-size:1.45rem}h3{font-size:1.2rem}h4,h5,h6{font-size:1.05rem;font-style:italic}
main p,main .p{margin:0 0 .9rem;hyphens:auto}
.np{position:relative}
.pn{position:absolute;left:-3.6rem;width:2.6rem;text-align:right;top:.15rem;font:.72rem/1.4
system-ui,sans-serif;color:var(--muted);text-decoration:none;font-variant-numeric:tabular-nums}
.cite{position:absolute;left:-3.6rem;width:2.6rem;text-align:right;top:1.2rem;
font:.65rem/1.4 system-ui,sans-serif;color:var(--muted);opacity:0;text-decoration:none}
blockquote .pn,blockquote .cite{left:-6.3rem}
.np:hover>.cite,.cite:focus{opacity:1}.cite.copied::after{content:" \\2713"}
:target{background:var(--mark);transition:background 1s}
.titlePage,.docTitle{text-align:center}.titlePart{font-size:1.3rem}
.docAuthor,.byline,.docDate{text-align:center;font-variant:small-caps}
.argument{font-style:italic;margin:0 2rem 1.5rem}
blockquote{margin:1rem 0 1rem 1.8rem;padding-left:.9rem;border-left:2px solid var(--rule);
font-size:.97rem}
figure.cit{margin:1rem 0}figure.cit .bibl{text-align:right;font-size:.9rem}
q,.q{quotes:none}q::before,q::after{content:none}
ul.list{list-style:none;padding-left:2rem;margin:.4rem 0 1rem}
ul.list .label{display:inline-block;min-width:calc(1.9rem - .27em);margin:0 0 0 -1.9rem}
ul.list>li{margin:.25rem 0}ul.list>li>p{margin:.15rem 0 .5rem}ul.list .label{font-variant-numeric:tabular-nums}
span.list .item,span.list .label{display:inline;margin:0}
a.ent{color:inherit;text-decoration:underline;text-decoration-thickness:1px;
text-underline-offset:.18em;text-decoration-color:#b7b3a8}
a.ent.person{text-decoration-color:var(--pers)}a.ent.place{text-decoration-color:var(--place)}
a.ent.org{text-decoration-color:var(--org)}a.ent:hover{background:#f1eee6}
time.date[title]{border-bottom:1px dotted var(--muted);cursor:help}
.nref{line-height:0;font-size:.72em}.nref a{text-decoration:none;padding:0 .1em}
.pb{display:inline-block;width:1px;height:1em;border-left:1px solid var(--rule);margin:0 .2em}
.gap:empty::after{content:"[\\2026]";color:var(--muted)}.supplied::before{content:"["}
.supplied::after{content:"]"}.unclear{color:var(--muted)}.sic::after{content:" [sic]";
font-style:italic;color:var(--muted)}.choice[title],.app[title]{border-bottom:1px dotted}
.smallcaps,.hi.sc{font-variant:small-caps}
.closer,.signed,.dateline{text-align:right}.salute{margin:1rem 0}.l{margin:0}
section.notes,section.index{border-top:1px solid var(--rule);margin-top:3rem;font-size:.92rem}
section.notes ol{padding-left:1.6rem}section.notes li{margin:.35rem 0}
.back{text-decoration:none;margin-left:.3rem}
section.index ul{list-style:none;padding:0}section.index li{margin:.45rem 0;padding-left:1.2rem;
text-indent:-1.2rem}.iname{font-weight:bold}.variants{color:var(--muted);font-style:italic}
.occ a{font:.8rem system-ui,sans-serif;text-decoration:none;white-space:nowrap}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted);border-top:1px solid var(--rule);
padding-top:1rem}
main,section.notes,section.index{overflow-wrap:break-word}a.ext{overflow-wrap:anywhere}
table{border-collapse:collapse;margin:1rem 0;max-width:100%}td,th{border:1px solid var(--rule);padding:.2rem .5rem;
vertical-align:top}
.side{display:none}
@media (min-width:100rem){nav.toc{position:fixed;top:0;left:1rem;bottom:0;overflow:auto;
width:calc(50vw - 33rem);padding:1.5rem .5rem 2rem 1.2rem;margin:0;font-size:.85rem}
nav.toc h2{font-size:1.1rem;margin-top:0}a.up{display:none}}
@media (min-width:80rem){body{margin-left:max(1rem,calc(50vw - 30rem))}
.side{display:block;float:right;clear:right;width:14rem;margin:.1rem -16.5rem .6rem 0;
font-size:.8rem;line-height:1.4;color:var(--muted);text-indent:0;font-style:normal;
font-weight:normal;text-align:left;font-variant:normal;letter-spacing:normal}
.side .sn{font:.7rem system-ui,sans-serif;vertical-align:.3em}
.argument .side{margin-right:-18.5rem}}
@media (max-width:40rem){body{padding:1rem .9rem 3rem;font-size:1rem}
td,th{overflow-wrap:anywhere;padding:.2rem .3rem}
.pn{position:static;float:left;width:auto;margin:.2rem .5rem 0 0}.cite{display:none}
header dl{grid-template-columns:1fr}header dd{margin-bottom:.4rem}
blockquote{margin-left:.6rem}}
@media print{html{background:#fff}body{max-width:none;padding:0 0 0 3rem;font-size:11pt}
nav.toc,.cite,.skip,.side,a.up{display:none}a{color:inherit;text-decoration:none}
a.ent{text-decoration:none}h2,h3,h4{break-after:avoid}p{orphans:3;widows:3}
:target{background:none}section.notes,section.index{break-before:page}}
@media (prefers-reduced-motion:reduce){:target{transition:none}}
"""

# Optional enhancement: "cite" copies a citation with the paragraph's URL. Without
# script (or without clipboard access) the link still leads to the paragraph's anchor.
JS = """
document.addEventListener("click",function(e){
var a=e.target.closest?e.target.closest("a.cite"):null;
if(!a||!navigator.clipboard)return;
e.preventDefault();
var url=location.href.split("#")[0]+a.getAttribute("href");
navigator.clipboard.writeText(a.getAttribute("data-cite")+". "+url).then(function(){
a.classList.add("copied");history.replaceState(null,"",a.getAttribute("href"));
},function(){location.hash=a.getAttribute("href");});
});
"""


def _sha(text: str) -> str:
    # hashlib is imported here, not at the top: it loads libcrypto (3.7 MB), and every
    # command imports the writers (for the export options) while only HTML needs a hash.
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def csp() -> str:
    """The policy for the page's meta tag: only our own style and script may run."""
    return (f"default-src 'none'; style-src {_sha(CSS)}; script-src {_sha(JS)}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")
