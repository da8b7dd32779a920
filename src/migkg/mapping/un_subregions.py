"""Every country's UN M49 sub-region, as country_converter lists it, kept as a table in the package.

``un-subregions.tsv`` beside this module holds, per ISO 3166-1 alpha-3 code, the sub-region (or
intermediate region) that country_converter's ``UNregion`` column gives, by its English name. It is
made from country_converter by ``python -m migkg.mapping.un_subregions`` (a maintainer's step, after an
upgrade of country_converter), and ``tests/test_geography.py`` checks that it still equals what
country_converter says. Reading it costs a millisecond; making it loads pandas and country_converter's
table, about a second, which every process that maps the registry (each build worker) paid before.

>>> un_subregions()["KAZ"]
'Central Asia'
"""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("un-subregions.tsv")


@cache
def un_subregions() -> dict[str, str]:
    """``{"KAZ": "Central Asia", ...}``: read once per process."""
    rows = (line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()[1:] if line)
    return {code: region for code, region in rows}


def from_country_converter() -> dict[str, str]:
    """The same table as country_converter makes it now (imports country_converter and pandas)."""
    import country_converter

    data = country_converter.CountryConverter().data
    return dict(sorted((str(code), str(region)) for code, region in zip(data["ISO3"], data["UNregion"], strict=True)
                       if isinstance(code, str) and isinstance(region, str) and region))


def main() -> None:
    """Write the table anew from country_converter."""
    table = from_country_converter()
    TABLE.write_text("iso3\tun_subregion\n" + "".join(f"{code}\t{region}\n" for code, region in table.items()),
                     encoding="utf-8")
    print(f"{TABLE}: {len(table)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
