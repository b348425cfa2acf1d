"""``paperdeck pdf ID [--download]``: a paper's PDF link, or the PDF itself in the PDF folder.

The download is :func:`tui.sync.pdf_download.download_pdf` (atomic, resumable, capped,
through the sync's HTTP client); the folder and the cap come from config.toml
(``pdf_dir``, ``pdf_max_mib``). The hidden ``--api URL`` replaces arXiv's PDF address
(``https://arxiv.org/pdf/``), so tests fetch from a local server.
"""

from __future__ import annotations

import json
import sys

import click

from tui.archive.links import parse_arxiv_id, pdf_file_name, pdf_url_for
from tui.cli.arguments import PROG, data_dir_option, fail, json_option
from tui.cli.command_line import Command
from tui.cli.launch import read_config, usable_locations
from tui.cli.output import safe, write
from tui.settings.config import pdf_folder
from tui.sync.pdf_download import DEFAULT_PDF_BASE, download_pdf, pdf_address
from tui.sync.progress import SyncError


@click.command(cls=Command)
@click.argument("ident", metavar="ID")
@click.option("--download", is_flag=True, help="save the PDF in the PDF folder, print its path")
@json_option
@data_dir_option()
@click.option("--api", metavar="URL", hidden=True, help="where PDFs are (tests)")
def pdf(ident: str, download: bool, as_json: bool, data_dir: str | None, api: str | None) -> int:
    """A paper's PDF: its link, or with --download the file.

    ID: an arXiv id or link (old-style ids like hep-th/9901001 too). --download saves
    https://arxiv.org/pdf/ID as ID.pdf in pdf_dir of config.toml (default: pdfs in the
    data directory), no larger than pdf_max_mib (100): a download cut short goes on where
    it stopped next time. Exit code 1 when it cannot be downloaded."""
    arxiv_id = parse_arxiv_id(ident)
    if arxiv_id is None:
        fail(f"not an arXiv id: {safe(ident)!r} (e.g. 2507.01234)")
    if api is not None and not api.startswith(("http://", "https://")):
        fail(f"--api {safe(api)!r} is not an http(s) address")
    url = pdf_address(api, arxiv_id) if api else pdf_url_for(arxiv_id)
    locations = usable_locations(data_dir)
    config = read_config(locations).config
    folder = pdf_folder(config, locations.data)
    document: dict[str, object] = {"id": arxiv_id, "url": url, "path": None, "size": None,
                                   "downloaded": False}  # fmt: skip
    if download:
        try:
            saved = download_pdf(
                arxiv_id,
                folder,
                base=api or DEFAULT_PDF_BASE,
                max_bytes=config.pdf_max_mib * 2**20,
                waiting=lambda message: print(f"{PROG}: {safe(message)}", file=sys.stderr),
            )
        except SyncError as exc:
            print(f"{PROG}: error: {arxiv_id}: {safe(str(exc))}", file=sys.stderr)
            return 1
        document.update(path=str(saved.path), size=saved.size, downloaded=saved.fetched)
    elif (found := folder / pdf_file_name(arxiv_id)).is_file():
        document.update(path=str(found), size=found.stat().st_size)
    if as_json:
        write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        write(f"{safe(str(document['path'] if download else url))}\n")
    return 0
