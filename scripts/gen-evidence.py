#!/usr/bin/env python3
"""Writes COUNT synthetic evidence files for rubrics/spbe-2020.xml, reproducibly from SEED.

Each file answers all 47 indicators at a random level with the criteria of levels 1..L met and
documents cited, some claims one level higher (overclaims). Used by scripts/bench."""
import argparse, os, random, re

parser = argparse.ArgumentParser()
parser.add_argument("--count", type=int, default=1000)
parser.add_argument("--seed", type=int, default=7)
parser.add_argument("--out", required=True)
parser.add_argument("--rubric", default=os.path.join(os.path.dirname(__file__), "..", "rubrics", "spbe-2020.xml"))
args = parser.parse_args()

criteria = {}
for cid in re.findall(r'<criterion id="(I\d\d)\.L(\d)\.([a-z])"', open(args.rubric, encoding="utf-8").read()):
    criteria.setdefault(cid[0], {}).setdefault(int(cid[1]), []).append(f"{cid[0]}.L{cid[1]}.{cid[2]}")

random.seed(args.seed)
os.makedirs(args.out, exist_ok=True)
for n in range(args.count):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<assessment xmlns="urn:spbe-assess:evidence:1" rubric="spbe-2020" period="2024" role="self">',
             f'  <unit id="opd-{n:05d}" kind="opd" instansi="kab-{n // 40:04d}">Dinas Contoh {n}</unit>']
    for indicator in sorted(criteria):
        level = random.randint(1, 5)
        claimed = min(5, level + (1 if random.random() < 0.2 else 0))
        lines.append(f'  <answer indicator="{indicator}" claimed="{claimed}">')
        for value in range(1, level + 1):
            for criterion in criteria[indicator][value]:
                lines.append(f'    <met criterion="{criterion}" documents="doc-{indicator.lower()}-{value}"/>')
        lines.append(f'    <note xml:lang="id">Catatan untuk {indicator}: bukti dukung terlampir.</note>')
        lines.append('  </answer>')
    for indicator in sorted(criteria):
        for value in range(1, 6):
            lines.append(f'  <document id="doc-{indicator.lower()}-{value}" date="2023-0{value}-1{value}" '
                         f'href="bukti/{indicator.lower()}-{value}.pdf">Bukti {indicator} level {value}</document>')
    lines.append('</assessment>')
    with open(os.path.join(args.out, f"opd-{n:05d}.xml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
