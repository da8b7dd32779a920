"""What the publisher says about the dataset, for its description: ``<data>/catalogue.yaml``.

The dataset description (:mod:`migkg.build.describe`) is computed from the data, except what only the
publisher knows: who publishes it, whom to ask, where its landing page, files and SPARQL endpoint are,
and, if they want to fix them, the dates of issue and modification. Those come from an optional
``catalogue.yaml`` beside ``registry/`` and ``releases/`` in the data folder, so that they travel with
the data they describe and the build needs no option for each. Every field is optional; what is left out
gets a default that names no one and no place that may not exist (see :class:`Catalogue`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from migkg.cards.models import EmailAddress
from migkg.cards.yamlfile import parse_model, read_yaml

#: the file, in the data folder
CATALOGUE_FILE = "catalogue.yaml"
DEFAULT_PUBLISHER = "migkg"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


#: the kinds of publisher of the ADMS publisher type vocabulary (what DCAT-AP recommends for dct:type)
PublisherType = Literal["Academia-ScientificOrganisation", "Company", "IndustryConsortium", "LocalAuthority",
                        "NationalAuthority", "NonGovernmentalOrganisation", "NonProfitOrganisation",
                        "PrivateIndividual(s)", "ProfessionalBody", "RegionalAuthority", "StandardisationBody",
                        "SupraNationalAuthority"]


class Publisher(_Strict):
    name: str = Field(default=DEFAULT_PUBLISHER, min_length=1)
    type: PublisherType | None = None
    iri: HttpUrl | None = None        # default: <base>publisher
    homepage: HttpUrl | None = None


class Contact(_Strict):
    name: str | None = Field(default=None, min_length=1)   # default: the publisher's name
    email: EmailAddress | None = None
    url: HttpUrl | None = None        # default: the landing page


class Catalogue(_Strict):
    """The publisher's settings (``catalogue.yaml``); every field may be left out."""

    publisher: Publisher = Publisher()
    contact: Contact = Contact()
    landing_page: HttpUrl | None = None     # default: the base IRI (a w3id entry, see docs)
    download_base: HttpUrl | None = None    # where the files are published; `migkg build --download-base` wins
    sparql_endpoint: HttpUrl | None = None  # void:sparqlEndpoint and a dcat:DataService; none by default
    issued: dt.date | None = None           # default: the newest release's date of issue
    modified: dt.date | None = None         # default: the newest release's date of issue


def read_catalogue(data_dir: Path) -> Catalogue:
    """The settings in ``<data_dir>/catalogue.yaml``, or the defaults when there is none.
    A malformed file raises :class:`migkg.errors.InputError` naming its line and field."""
    path = data_dir / CATALOGUE_FILE
    if not path.is_file():
        return Catalogue()
    document = read_yaml(path)
    if document.data is None:
        return Catalogue()
    return parse_model(Catalogue, document)
