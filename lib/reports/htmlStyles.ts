import type { RiskBandName } from '@/lib/risk/riskScore'
import { BAND_COLORS } from './bandColors'

export function bandClass(band: RiskBandName): string {
	return `band-${band.toLowerCase()}`
}

const bandRules = Object.entries(BAND_COLORS)
	.map(([band, { fill, text }]) => `.band-${band.toLowerCase()}{background:${fill};color:${text}}`)
	.join('\n')

/**
 * The report's only stylesheet, inline: the file must render the same offline, from a mail
 * attachment or on paper. One section per printed page; table headers repeat across pages.
 */
export const REPORT_CSS = `
:root{color-scheme:light}
body{font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#0f172a;background:#fff;margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:26px;margin:0 0 8px}
h2{font-size:20px;border-bottom:2px solid #e2e8f0;padding-bottom:4px;margin-top:32px}
h3{font-size:16px;margin:20px 0 8px}
nav ol{columns:2;padding-left:20px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:12.5px}
th,td{border:1px solid #cbd5e1;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
td a{overflow-wrap:anywhere}
td:first-child{white-space:nowrap}
th{background:#f1f5f9}
table.compact{width:auto;min-width:40%}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.notice{border-left:4px solid #b91c1c;background:#fef2f2;padding:8px 12px;margin:12px 0}
figure{margin:12px 0}
figure svg{max-width:100%;height:auto;border:1px solid #e2e8f0}
figcaption{font-size:12px;color:#475569}
ul.attack-tree,ul.attack-tree ul{list-style:none;padding-left:18px;border-left:1px solid #cbd5e1}
.note{border-left:3px solid #e2e8f0;padding-left:12px}
.note pre{background:#f8fafc;padding:8px;overflow-x:auto;white-space:pre-wrap}
${bandRules}
.band-critical,.band-high,.band-medium,.band-low{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{size:A4;margin:16mm}
@media print{
body{max-width:none;padding:0;font-size:11px}
nav{display:none}
section{break-before:page}
section:first-of-type{break-before:auto}
h2,h3{break-after:avoid}
tr,figure{break-inside:avoid}
thead{display:table-header-group}
a{color:inherit}
}
`.trim()
