#!/usr/bin/env python3
"""The baseline a ministry data team would write: Python + lxml, one file after another.

For each evidence file: parse (no network, no entities), validate against rubrics/evidence.xsd,
then score with the official rules — an indicator's supported level is the highest L whose
criteria (and all lower levels' criteria) are marked met with at least one document; the index
is sum(level x weight) / sum(weight). Prints `file<TAB>index` per valid file and the invalid
files on stderr. No semantic checks beyond the schema, no aggregation: a floor, not a rival.

Usage: scripts/baseline_score.py [--rubric rubrics/spbe-2020.xml] FILE_OR_DIR...
"""
import argparse, os, sys
from fractions import Fraction
from lxml import etree

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rubrics")
parser = argparse.ArgumentParser()
parser.add_argument("--rubric", default=os.path.join(here, "spbe-2020.xml"))
parser.add_argument("--schema", default=os.path.join(here, "evidence.xsd"))
parser.add_argument("paths", nargs="+")
args = parser.parse_args()

R = "{urn:spbe-assess:rubric:1}"
E = "{urn:spbe-assess:evidence:1}"
safe = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
schema = etree.XMLSchema(etree.parse(args.schema, safe))

rubric = etree.parse(args.rubric, safe).getroot()
indicators = []  # (id, weight, [[criteria of level 1], [level 2], ...])
for indicator in rubric.iter(R + "indicator"):
    levels = [[c.get("id") for c in level.iter(R + "criterion")] for level in indicator.findall(R + "level")]
    indicators.append((indicator.get("id"), Fraction(indicator.get("weight")), levels))
total_weight = sum(weight for _, weight, _ in indicators)


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith(".xml"):
                        yield os.path.join(root, name)
        else:
            yield path


out = []
invalid = 0
for path in files(args.paths):
    try:
        tree = etree.parse(path, safe)
    except etree.XMLSyntaxError as error:
        print(f"{path}: {error}", file=sys.stderr)
        invalid += 1
        continue
    if tree.docinfo.doctype or not schema.validate(tree):
        print(f"{path}: {schema.error_log.last_error if not tree.docinfo.doctype else 'DOCTYPE'}", file=sys.stderr)
        invalid += 1
        continue
    root = tree.getroot()
    met = {}
    for answer in root.iter(E + "answer"):
        met[answer.get("indicator")] = {m.get("criterion") for m in answer.iter(E + "met") if (m.get("documents") or "").split()}
    weighted = Fraction(0)
    for indicator_id, weight, levels in indicators:
        counted = met.get(indicator_id, set())
        level = 0
        for criteria in levels:
            if not all(c in counted for c in criteria):
                break
            level += 1
        weighted += level * weight
    out.append(f"{path}\t{float(weighted / total_weight):.2f}")
sys.stdout.write("\n".join(out) + "\n")
sys.exit(1 if invalid else 0)
